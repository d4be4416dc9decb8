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


def test_operations_run_by_kind_and_a_write_announces_what_it_changed(
    qtbot: QtBot, qapp, counter_store
) -> None:
    from datetime import datetime

    from counter_app.app import CounterApp, Scope, intake, tracking
    from counter_app.core.intake import full_set, new_dossier
    from counter_app.core.model import Person
    from counter_app.core.roles import PermissionDenied

    app = CounterApp(counter_store)
    officer = counter_store.accounts.get("canbo")
    processor = counter_store.accounts.get("xuly")
    runner = TaskRunner()
    changes: list[object] = []
    runner.changed.connect(changes.append)
    procedure = counter_store.procedures()[0]
    draft = new_dossier(
        agency_id=counter_store.require_unit().agency_id,
        procedure=procedure,
        applicant=Person("Nguyễn Văn Đức"),
        at=datetime(2026, 11, 30, 9, 0),
        officer="ai-do",  # the operation records the acting account, whatever the draft says
        counter=counter_store.require_unit().counter,
        components=full_set(procedure),
    )
    received: list[object] = []
    runner.submit(intake.receive, app, officer, draft, on_done=received.append)
    qtbot.waitUntil(lambda: bool(changes), timeout=10000)
    dossier = received[0]
    assert dossier.officer == "canbo" and dossier.history[0].officer == "canbo"  # type: ignore[attr-defined]
    assert changes[0].scopes == {Scope.DOSSIERS} and changes[0].dossier_ids == {dossier.id}  # type: ignore[attr-defined]

    found: list[object] = []
    runner.submit(tracking.search, app, officer, "nguyen van duc", on_done=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    assert [d.id for d in found[0]] == [dossier.id] and len(changes) == 1  # a read announces nothing

    refused: list[object] = []
    runner.submit(intake.receive, app, processor, draft, on_error=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10000)
    assert isinstance(refused[0], PermissionDenied) and len(changes) == 1
    runner.shutdown()
