"""The letters offered from the tracking actions. The apology (form 04): its new appointment is a working day of
the unit's calendar (weekends, holidays and the centre's own days off skipped), never "three calendar days
later", and a moment that is not worked cannot be chosen. The stop (form 05): the date of the citizen's request.
Both name their signer and take the counter's next letter number."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from conftest import receive_dossier
from pytestqt.qtbot import QtBot

from counter_app.core.model import Status
from counter_app.gui.tracking.dossier_page import DossierPage
from counter_app.gui.widgets import accept_button

#: The appointment the citizen holds: Thursday 3 December 2026, 10:00 (now is Monday 30 November, 09:00).
APPOINTMENT = datetime(2026, 12, 3, 10, 0)
#: Three working days of office time later: Friday, then (weekend, and Monday 7/12 off at this centre) Tuesday
#: and Wednesday. "Three calendar days" would have given Sunday 6 December.
OFFERED = datetime(2026, 12, 9, 10, 0)


def _open_apology(qtbot: QtBot, session, dossier_id: str) -> DossierPage:
    page = DossierPage(session, clock=datetime.now)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(dossier_id)
    page.action_bar.buttons["apology"].click()
    qtbot.waitUntil(lambda: page.move_dialog is not None and page.move_dialog.isVisible(), timeout=10000)
    return page


def test_the_new_appointment_offered_is_a_working_day_of_the_calendar(
    clock: time_machine.Coordinates, qtbot: QtBot, make_session, counter_store
) -> None:
    counter_store.set_override(date(2026, 12, 7), "off", "Nghỉ bù theo quyết định của đơn vị")
    d = receive_dossier(counter_store, "Đặng Thị Hẹn", APPOINTMENT)
    page = _open_apology(qtbot, make_session("xuly"), d.id)
    dialog = page.move_dialog
    assert dialog is not None
    assert dialog.chosen_appointment() == OFFERED
    assert dialog.calendar.is_working_day(OFFERED) and not dialog.calendar.is_working_day(date(2026, 12, 7))

    dialog.reason.setPlainText("Chờ kết quả xác minh của cơ quan khác")
    dialog.signer_title.setText("KT. Chủ tịch / Phó Chủ tịch")
    dialog.signer.setText("Hoàng Văn Ký")
    accept = accept_button(dialog.buttons)
    assert accept.isEnabled()
    for not_worked in (
        datetime(2026, 12, 6, 10, 0),
        datetime(2026, 12, 7, 10, 0),
        datetime(2026, 12, 8, 19, 0),
    ):
        dialog.new_appointment.setDateTime(not_worked)  # a Sunday, the centre's day off, after closing time
        assert not accept.isEnabled()
        assert dialog.error.text() == "Ngày hẹn trả mới phải trong giờ làm việc của một ngày làm việc."
    dialog.new_appointment.setDateTime(OFFERED)
    assert accept.isEnabled() and dialog.error.isHidden()

    with qtbot.waitSignal(page.dossier_moved, timeout=10000):
        accept.click()
    stored = counter_store.dossiers.get(d.id)
    assert (
        stored.status is Status.RECEIVED and stored.appointment == APPOINTMENT
    )  # an apology moves only the date
    assert stored.new_appointment == OFFERED
    letter = stored.history[-1].data
    assert (letter["letter_number"], letter["letter_symbol"]) == (1, "PXL-UBND-Q1")
    assert (letter["signer_title"], letter["signer"]) == ("KT. Chủ tịch / Phó Chủ tịch", "Hoàng Văn Ký")
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=20000)  # form 04 offered at once
    page.printer.dialog.close()


def test_the_next_letter_offers_the_last_signer_and_takes_the_next_number(
    clock: time_machine.Coordinates, qtbot: QtBot, make_session, counter_store
) -> None:
    first = receive_dossier(counter_store, "Lý Văn Một", APPOINTMENT)
    second = receive_dossier(counter_store, "Lý Văn Hai", APPOINTMENT)
    session = make_session("xuly")
    page = _open_apology(qtbot, session, first.id)
    dialog = page.move_dialog
    dialog.reason.setPlainText("Chờ xác minh")
    dialog.signer_title.setText("Chủ tịch")
    dialog.signer.setText("Ngô Thị Ký")
    with qtbot.waitSignal(page.dossier_moved, timeout=10000):
        accept_button(dialog.buttons).click()
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=20000)
    page.printer.dialog.close()

    again = _open_apology(qtbot, session, second.id)
    assert (again.move_dialog.signer_title.text(), again.move_dialog.signer.text()) == (
        "Chủ tịch",
        "Ngô Thị Ký",
    )
    again.move_dialog.reason.setPlainText("Chờ xác minh")
    with qtbot.waitSignal(again.dossier_moved, timeout=10000):
        accept_button(again.move_dialog.buttons).click()
    assert counter_store.dossiers.get(second.id).history[-1].data["letter_number"] == 2
    qtbot.waitUntil(lambda: again.printer.dialog is not None, timeout=20000)
    again.printer.dialog.close()


def test_the_stop_dialog_asks_for_the_request_date_and_the_signer(
    clock: time_machine.Coordinates, qtbot: QtBot, make_session, counter_store
) -> None:
    d = receive_dossier(counter_store, "Tạ Văn Rút", APPOINTMENT)
    page = DossierPage(make_session("xuly"), clock=datetime.now)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(d.id)
    page.action_bar.buttons["stop"].click()
    qtbot.waitUntil(lambda: page.move_dialog is not None and page.move_dialog.isVisible(), timeout=10000)
    dialog = page.move_dialog
    assert dialog.requested_at.isVisible() and not dialog.new_appointment.isVisible()
    assert dialog.requested_at.dateTime().toPython() == datetime(2026, 11, 30, 9, 0)  # at most now
    dialog.reason.setPlainText("Công dân xin rút hồ sơ")
    assert not accept_button(dialog.buttons).isEnabled()  # the notice names its signer
    dialog.requested_at.setDateTime(datetime(2026, 11, 30, 8, 0))
    dialog.signer_title.setText("Giám đốc")
    dialog.signer.setText("Nguyễn Thị Minh Hạnh")
    with qtbot.waitSignal(page.dossier_moved, timeout=10000):
        accept_button(dialog.buttons).click()
    stop = counter_store.dossiers.get(d.id).history[-1]
    assert stop.action == "stop" and stop.data["requested_at"] == "2026-11-30T08:00"
    assert (stop.data["signer_title"], stop.data["signer"]) == ("Giám đốc", "Nguyễn Thị Minh Hạnh")
    assert (stop.data["letter_number"], stop.data["letter_symbol"]) == (1, "TB-TTPVHCC-Q1")
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=20000)  # form 05 offered at once
    page.printer.dialog.close()
