"""An appointment in a year without an official day-off notice says so on the intake summary (the years up to the
last notice say nothing); the hand-over card's note is tested in tests/gui/handover/test_provisional_card.py."""

from __future__ import annotations

from datetime import datetime

from gui_helpers import type_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.gui.intake.panel import IntakePanel


def receive_birth_registration(qtbot: QtBot, panel: IntakePanel):
    type_text(qtbot, panel.picker.search, "khai sinh")
    qtbot.keyClick(panel.picker.search, Qt.Key.Key_Return)
    editors = panel.applicant.applicant.editors
    for key, text in (("name", "Nguyễn Văn An"), ("identifier", "001203012345"), ("phone", "0912 345 678")):
        type_text(qtbot, editors[key], text)
    qtbot.mouseClick(panel.checklist.tick_all_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.dossier_received, timeout=10000) as received:
        qtbot.mouseClick(panel.outcome.receive_button, Qt.MouseButton.LeftButton)
    return received.args[0]


def test_an_appointment_in_2027_is_marked_provisional(qtbot: QtBot, intake: IntakePanel, clock) -> None:
    qtbot.waitUntil(lambda: intake._provisional_from == 2027, timeout=10000)
    # Thursday 31/12/2026 after the 15:00 cut-off: the next working day is Monday 4/1/2027
    clock.move_to(datetime(2026, 12, 31, 16, 0))
    dossier = receive_birth_registration(qtbot, intake)
    assert dossier.appointment == datetime(2027, 1, 4, 17, 0)
    note = intake.summary.provisional
    assert note.isVisibleTo(intake.summary)
    assert note.text() == "Ngày hẹn tạm tính: lịch nghỉ lễ năm 2027 chưa có thông báo chính thức."


def test_an_appointment_in_2026_has_no_note(qtbot: QtBot, intake: IntakePanel) -> None:
    qtbot.waitUntil(lambda: intake._provisional_from == 2027, timeout=10000)
    dossier = receive_birth_registration(qtbot, intake)  # the pinned Monday 30/11/2026
    assert dossier.appointment is not None and dossier.appointment.year == 2026
    assert (
        not intake.summary.provisional.isVisibleTo(intake.summary) and intake.summary.provisional.text() == ""
    )
