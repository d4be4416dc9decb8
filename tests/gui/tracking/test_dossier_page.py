"""A dossier's page: the timeline after a sequence of moves, the supplement clock, role-aware actions, form 06."""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import T0, UNIT, move, receive_dossier
from pytestqt.qtbot import QtBot

from counter_app.core.model import Status
from counter_app.core.roles import Account, Role
from counter_app.gui.tracking.actions import MOVES, MOVES_BY_KEY, ActionBar, MoveDialog, MoveRequest
from counter_app.gui.tracking.dossier_page import DossierPage
from counter_app.gui.widgets import accept_button

S = Status


class Clock:
    """The page's clock, moved on by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _open(qtbot: QtBot, session, dossier_id: str, clock: Clock) -> DossierPage:
    page = DossierPage(session, clock=clock)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(dossier_id)
    return page


def _move(qtbot: QtBot, page: DossierPage, clock: Clock, at: datetime, key: str, **fields: object) -> None:
    clock.now = at
    with qtbot.waitSignal(page.dossier_moved, timeout=10000):
        page.apply_move(MoveRequest(MOVES_BY_KEY[key], **fields))  # type: ignore[arg-type]


def _close_previews(page: DossierPage) -> None:
    if page.printer.dialog is not None:
        page.printer.dialog.close()


def test_timeline_after_a_sequence_of_moves(qtbot: QtBot, make_session, counter_store) -> None:
    d = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 26, 8, 0))
    clock = Clock(T0)
    page = _open(qtbot, make_session("canbo"), d.id, clock)
    _move(qtbot, page, clock, datetime(2026, 11, 23, 9, 0), "transfer", unit=UNIT, receiver="xuly")
    processor = _open(qtbot, make_session("xuly"), d.id, clock)
    _move(
        qtbot,
        processor,
        clock,
        datetime(2026, 11, 24, 8, 0),
        "supplement_requested",
        missing=("Bản sao giấy khai sinh",),
        note="Thiếu giấy tờ",
    )
    qtbot.waitUntil(lambda: processor.printer.dialog is not None, timeout=20000)  # form 02 offered at once
    _close_previews(processor)
    _move(qtbot, page, clock, datetime(2026, 11, 26, 8, 0), "supplement_received")
    _move(qtbot, processor, clock, datetime(2026, 11, 27, 10, 0), "result_ready")

    model = processor.timeline_model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert [r[1] for r in rows] == [
        "Tiếp nhận hồ sơ",
        "Chuyển xử lý",
        "Yêu cầu bổ sung giấy tờ",
        "Nhận hồ sơ bổ sung",
        "Đã có kết quả",
    ]
    assert rows[1][2:5] == [UNIT, "Nguyễn Thị Lan", "Trần Văn Đức"]  # unit, giver, receiver (full names)
    assert rows[2][3] == "Trần Văn Đức" and rows[2][6].startswith("Bản sao giấy khai sinh")
    assert rows[1][0] == "09:00 23/11/2026"
    assert rows[1][5] == "Trước hạn"
    # two days waited for the citizen: the deadline moved from Thursday 08:00 to Saturday 08:00, so Friday is early
    assert rows[4][5] == "Trước hạn"
    stored = counter_store.dossiers.get(d.id)
    assert stored.status is S.RESULT_READY
    assert [(e.officer, e.at) for e in stored.history[1:]] == [
        ("canbo", datetime(2026, 11, 23, 9, 0)),
        ("xuly", datetime(2026, 11, 24, 8, 0)),
        ("canbo", datetime(2026, 11, 26, 8, 0)),
        ("xuly", datetime(2026, 11, 27, 10, 0)),
    ]
    outbox = counter_store.models.Outbox
    assert outbox.select().where(outbox.dossier_id == d.id, outbox.kind == "dossier.event").count() == 4
    assert "08:00 28/11/2026" in processor.facts.text()  # the effective deadline shown on the page


def test_waiting_after_a_second_supplement_request_makes_the_dossier_late(
    qtbot: QtBot, session, counter_store
) -> None:
    d = receive_dossier(counter_store, "Vũ Thị Hai", datetime(2026, 12, 10, 9, 0))
    clock = Clock(datetime(2026, 11, 23, 9, 0))
    page = _open(qtbot, session, d.id, clock)
    assert not page.mark_label.isVisible()
    for day in (24, 25):
        _move(
            qtbot,
            page,
            clock,
            datetime(2026, 11, day, 8, 0),
            "supplement_requested",
            missing=("Tờ khai",),
            note="Thiếu",
        )
        _close_previews(page)
        # waiting for papers after the second request: long before the appointment, yet late by the national rule
        if day == 25:
            assert page.mark_label.text().strip() == "Quá hạn"
            assert page.mark_label.isVisible()
        _move(qtbot, page, clock, datetime(2026, 11, day, 10, 0), "supplement_received")
    # the papers came back: judged by its time again, the appointment far ahead
    assert not page.mark_label.isVisible()


def test_a_move_the_rules_forbid_is_reported_not_recorded(qtbot: QtBot, session, counter_store) -> None:
    d = receive_dossier(counter_store, "Lê Văn Chậm", datetime(2026, 11, 26, 8, 0))
    page = _open(qtbot, session, d.id, Clock(datetime(2026, 11, 23, 9, 0)))
    move(counter_store, d, (S.RESULT_READY, datetime(2026, 11, 23, 10, 0)))  # moved on elsewhere meanwhile
    with qtbot.waitSignal(page.move_failed, timeout=10000) as failed:
        page.apply_move(MoveRequest(MOVES_BY_KEY["withdrawal_requested"]))
    assert (
        failed.args[0]
        == "Không thể chuyển hồ sơ từ trạng thái Đã xử lý xong sang Công dân yêu cầu rút hồ sơ."
    )
    assert page.message.isVisible()
    assert counter_store.dossiers.get(d.id).status is S.RESULT_READY


@pytest.mark.parametrize("role", [Role.PROCESSOR, Role.OFFICER, Role.ADMIN])
def test_officers_see_exactly_the_processing_actions(qtbot: QtBot, role: Role, counter_store) -> None:
    bar = ActionBar(Account("x", "X", role))
    qtbot.addWidget(bar)
    assert list(bar.buttons) == [m.key for m in MOVES]
    assert not {"receive", "refuse", "return"} & set(bar.buttons)
    received = receive_dossier(counter_store, "Đinh Thị Nhận", datetime(2026, 11, 26, 8, 0))
    bar.set_dossier(received)
    assert "supplement_received" not in bar.enabled_keys()
    assert {"transfer", "supplement_requested", "result_ready", "stop", "apology"} <= set(bar.enabled_keys())
    waiting = move(counter_store, received, (S.SUPPLEMENT_REQUESTED, datetime(2026, 11, 24, 8, 0)))
    bar.set_dossier(waiting)
    assert bar.enabled_keys() == ["supplement_received", "withdrawal_requested", "stop", "apology"]
    done = move(
        counter_store,
        waiting,
        (S.PROCESSING, datetime(2026, 11, 24, 9)),
        (S.RESULT_READY, datetime(2026, 11, 24, 10)),
    )
    bar.set_dossier(done)
    assert bar.enabled_keys() == []


def test_a_processor_page_offers_only_moves_and_a_leader_only_reads(
    qtbot: QtBot, make_session, counter_store
) -> None:
    d = receive_dossier(counter_store, "Hồ Văn Xem", datetime(2026, 11, 26, 8, 0))
    processor = _open(qtbot, make_session("xuly"), d.id, Clock(T0))
    names = {b.objectName() for b in processor.findChildren(type(processor.print_button))}
    assert {f"move:{m.key}" for m in MOVES} <= names
    assert not any(n.startswith(("receive", "refuse")) for n in names)
    leader = _open(qtbot, make_session("lanhdao"), d.id, Clock(T0))
    assert leader.action_bar.buttons == {}
    assert leader.print_button.isEnabled()


def test_move_dialogs_ask_for_what_the_form_needs(qtbot: QtBot, counter_store) -> None:
    d = receive_dossier(counter_store, "Mai Thị Hỏi", datetime(2026, 11, 26, 8, 0))
    supplement = MoveDialog(MOVES_BY_KEY["supplement_requested"], d, [UNIT], T0)
    qtbot.addWidget(supplement)
    accept = accept_button(supplement.buttons)
    assert not accept.isEnabled()
    supplement.missing.setPlainText("Bản sao CCCD\n\n  Tờ khai có xác nhận  ")
    assert not accept.isEnabled()  # the reason is still missing
    supplement.reason.setPlainText("Giấy tờ chưa hợp lệ")
    assert accept.isEnabled()
    assert supplement.request().missing == ("Bản sao CCCD", "Tờ khai có xác nhận")
    transfer = MoveDialog(MOVES_BY_KEY["transfer"], d, [UNIT, "Công an phường"], T0)
    qtbot.addWidget(transfer)
    transfer.unit.setCurrentText("Công an phường")
    transfer.step_due_enabled.setChecked(True)
    request = transfer.request()
    assert request.unit == "Công an phường" and request.step_due == datetime(2026, 11, 26, 8, 0)
    assert request.data() == {"step_due": "2026-11-26T08:00"}
    apology = MoveDialog(MOVES_BY_KEY["apology"], d, [UNIT], T0)
    qtbot.addWidget(apology)
    assert not accept_button(apology.buttons).isEnabled()
    apology.reason.setPlainText("Chờ xác minh")
    assert not accept_button(apology.buttons).isEnabled()  # a letter names its signer
    apology.signer_title.setText("KT. Chủ tịch / Phó Chủ tịch")
    apology.signer.setText("Hoàng Văn Ký")
    assert accept_button(apology.buttons).isEnabled()
    # three working days after Thursday 26/11 08:00 on the calendar: Tuesday 01/12, not Sunday 29/11
    request = apology.request()
    assert request.new_appointment == datetime(2026, 12, 1, 8, 0)
    assert (request.signer_title, request.signer) == ("KT. Chủ tịch / Phó Chủ tịch", "Hoàng Văn Ký")


def test_form_06_is_offered_from_the_page(qtbot: QtBot, session, counter_store) -> None:
    d = move(
        counter_store,
        receive_dossier(counter_store, "Kiều Văn In", datetime(2026, 11, 26, 8)),
        (S.PROCESSING, T0),
    )
    page = _open(qtbot, session, d.id, Clock(T0))
    page.print_button.click()
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=20000)
    assert page.printer._document is not None and page.printer._document.pageCount() >= 1
    _close_previews(page)


def test_an_appointment_in_a_year_without_a_day_off_notice_is_marked_provisional(
    qtbot: QtBot, make_session, counter_store
) -> None:
    later = receive_dossier(counter_store, "Nguyễn Văn An", datetime(2027, 1, 4, 17, 0))
    sooner = receive_dossier(counter_store, "Trần Thị Bình", datetime(2026, 12, 3, 17, 0))
    clock = Clock(T0)
    page = _open(qtbot, make_session("canbo"), later.id, clock)
    note = "Ngày hẹn tạm tính: lịch nghỉ lễ năm 2027 chưa có thông báo chính thức."
    assert note in page.facts.text()
    page = _open(qtbot, make_session("canbo"), sooner.id, clock)
    assert "tạm tính" not in page.facts.text()
