"""Quitting with changes the server has not received says how many and offers to send them now; signing out, or a
counter joined to no server, quits without a question."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.core.intake import new_dossier
from counter_app.core.model import Person
from counter_app.gui.closing import CloseWaiter
from counter_app.server.admin import add_counter
from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess, scratch_database
from counter_app.server.schema import migrate
from counter_app.storage.outbox import OutboxRepository, SyncStateRepository
from counter_app.storage.store import CounterStore
from counter_app.sync import settings as keys
from counter_app.sync.enrol import join_server

#: A loopback port nothing listens on: the server "cannot be reached" at once.
NOWHERE = "http://127.0.0.1:9"


def pending(store: CounterStore) -> int:
    return OutboxRepository(store.db, store.models).counts().pending


def receive_some(store: CounterStore, count: int) -> list[str]:
    """Refusals written straight to the store (as if made before the network went away): the sync worker is not
    woken by them. Returns their ids."""
    unit = store.require_unit()
    procedure = store.procedures()[0]
    ids = []
    for i in range(count):
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=procedure,
            applicant=Person(f"Người nộp số {i + 1}", phone="0912345678"),
            at=datetime(2026, 11, 30, 8, i),
            officer="canbo",
            counter=unit.counter,
        )
        ids.append(store.refuse(draft, "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.").id)
    return ids


def join_nowhere(store: CounterStore) -> None:
    unit = store.require_unit()
    SyncStateRepository(store.db, store.models).set_many(
        {
            keys.SERVER_URL: NOWHERE,
            keys.INSECURE: "1",
            keys.TOKEN: "t0ken",
            keys.AGENCY_ID: unit.agency_id,
            keys.COUNTER: str(unit.counter),
        }
    )


def ask_to_quit(qtbot: QtBot, main) -> QMessageBox:
    main.quit_action.trigger()  # Ctrl+Q
    qtbot.waitUntil(lambda: main.quit_guard.question is not None and main.quit_guard.question.isVisible())
    return main.quit_guard.question


@pytest.fixture
def joined_nowhere(qtbot: QtBot, controller, counter_store: CounterStore):
    join_nowhere(counter_store)
    main = sign_in(qtbot, controller)
    receive_some(counter_store, 6 - pending(counter_store))
    assert pending(counter_store) == 6
    return main


def test_quitting_with_six_unsent_changes_says_so_and_staying_keeps_the_window(
    qtbot: QtBot, joined_nowhere
) -> None:
    main = joined_nowhere
    question = ask_to_quit(qtbot, main)
    assert question.text() == "Còn 6 thay đổi chưa gửi lên máy chủ."
    assert "giữ an toàn trên máy này" in question.informativeText()
    assert [question.buttons_by_key[k].text() for k in ("send", "quit", "stay")] == [
        "Gửi ngay rồi thoát",
        "Thoát, gửi sau",
        "Ở lại",
    ]
    assert question.defaultButton() is question.buttons_by_key["send"]
    with qtbot.waitSignal(question.answered, timeout=5000) as answered:
        qtbot.keyClick(question, Qt.Key.Key_Escape)  # Escape stays
    assert answered.args == ["stay"]
    qtbot.wait(50)
    assert main.isVisible() and main.isEnabled() and main.findChild(CloseWaiter) is None

    question = ask_to_quit(qtbot, main)  # asked again next time
    with qtbot.waitSignal(main.closed, timeout=10000):
        qtbot.mouseClick(question.buttons_by_key["quit"], Qt.MouseButton.LeftButton)  # quit, send later
    assert not main.isVisible()


def test_send_now_to_a_server_that_does_not_answer_says_so_then_quits(
    qtbot: QtBot, joined_nowhere, counter_store: CounterStore
) -> None:
    main = joined_nowhere
    question = ask_to_quit(qtbot, main)
    question.buttons_by_key["send"].click()
    qtbot.waitUntil(lambda: main.findChild(CloseWaiter) is not None, timeout=5000)
    waiter = main.findChild(CloseWaiter)
    qtbot.waitUntil(lambda: bool(waiter.send_problem), timeout=30000)
    assert waiter.isVisible() and waiter.close_button.isVisible() and waiter.close_button.isEnabled()
    text = waiter.label.text()
    assert text.startswith("Chưa gửi được 6 thay đổi: Không kết nối được máy chủ.")
    assert "sẽ gửi ở lần mở sau" in text
    assert pending(counter_store) == 6  # kept for the next time
    with qtbot.waitSignal(main.closed, timeout=10000):
        qtbot.mouseClick(waiter.close_button, Qt.MouseButton.LeftButton)


def test_signing_out_asks_nothing(qtbot: QtBot, joined_nowhere) -> None:
    main = joined_nowhere
    with qtbot.waitSignal(main.closed, timeout=10000):
        main.sign_out_action.trigger()
    assert main.quit_guard.question is None


def test_a_counter_joined_to_no_server_quits_without_a_question(
    qtbot: QtBot, controller, counter_store
) -> None:
    main = sign_in(qtbot, controller)
    receive_some(counter_store, 2)
    with qtbot.waitSignal(main.closed, timeout=10000):
        main.quit_action.trigger()
    assert main.quit_guard.question is None


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[ServerProcess, object]]:
    with scratch_database("sqlite", tmp_path) as url:
        db = open_database(url, pool_size=4)
        migrate(db)
        admin = bind_models(db)
        try:
            with ServerProcess(url) as process:
                yield process, admin
        finally:
            db.close_all()


def test_send_now_sends_the_changes_then_quits(
    qtbot: QtBot, controller, counter_store: CounterStore, server
) -> None:
    process, admin = server
    unit = counter_store.require_unit()
    join_server(counter_store, process.url, add_counter(admin, unit.agency_id, unit.counter))
    main = sign_in(qtbot, controller)
    qtbot.waitUntil(
        lambda: pending(counter_store) == 0, timeout=30000
    )  # the worker's first cycle sent the rest
    qtbot.waitUntil(lambda: main.sync_indicator.status is not None and not main.sync_indicator.status.pending)
    ids = receive_some(counter_store, 6)
    question = ask_to_quit(qtbot, main)
    assert question.text() == "Còn 6 thay đổi chưa gửi lên máy chủ."
    with qtbot.waitSignal(main.closed, timeout=30000):
        qtbot.keyClick(question, Qt.Key.Key_Return)  # Enter: send now, then quit
    assert pending(counter_store) == 0
    assert set(ids) <= {d.id for d in admin.Dossier.select()}  # the server has them
