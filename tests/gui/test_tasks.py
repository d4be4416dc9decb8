"""The task runner: one writer thread in submission order, a pool for the rest, results back in the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from counter_app.gui.tasks import TaskRunner


def test_writes_run_one_after_another_on_one_thread(qtbot: QtBot, qapp) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, str]] = []
    done: list[int] = []
    gui = threading.current_thread().name

    def write(n: int) -> int:
        seen.append((n, threading.current_thread().name))
        return n

    for n in range(20):
        runner.write(write, n, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 20)
    assert done == list(range(20)) and [n for n, _ in seen] == list(range(20))
    threads = {name for _, name in seen}
    assert len(threads) == 1 and gui not in threads
    runner.shutdown()


def test_results_and_errors_come_back_in_the_gui_thread(qtbot: QtBot, qapp) -> None:
    runner = TaskRunner()
    where: list[bool] = []
    errors: list[object] = []

    def fail() -> None:
        raise ValueError("hỏng")

    runner.run(lambda: 42, on_done=lambda _v: where.append(QThread.currentThread() is qapp.thread()))
    runner.run(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: len(where) == 1 and len(errors) == 1)
    assert where == [True]
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "hỏng"
    with qtbot.waitSignal(runner.unhandled_error) as unhandled:
        runner.run(fail)
    assert isinstance(unhandled.args[0], ValueError)
    runner.shutdown()
    assert runner.pending == 0
