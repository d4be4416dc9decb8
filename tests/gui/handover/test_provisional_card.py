"""The hand-over card notes an appointment in a year without an official day-off notice (2027 today)."""

from __future__ import annotations

from datetime import datetime

from handover_samples import receive
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.core.day_notices import NoticeDay
from counter_app.gui.handover.panel import HandoverPanel
from counter_app.storage.store import CounterStore

NOTE_2027 = "Ngày hẹn tạm tính: lịch nghỉ lễ năm 2027 chưa có thông báo chính thức."


def open_card(qtbot: QtBot, panel: HandoverPanel, code: str) -> str:
    panel.lookup.setFocus()
    panel.lookup.clear()
    qtbot.keyClicks(panel.lookup, code)
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        qtbot.keyClick(panel.lookup, Qt.Key.Key_Return)
    return panel.card.appointment.text()


def test_the_card_notes_a_provisional_appointment_until_a_notice_decides_its_year(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    late = receive(store, at=datetime(2026, 12, 31, 16, 0))
    assert late.appointment is not None and late.appointment.year == 2027
    assert open_card(qtbot, panel, late.code or "").endswith("\n" + NOTE_2027)
    ordinary = receive(store)
    assert ordinary.appointment is not None and ordinary.appointment.year == 2026
    assert "tạm tính" not in open_card(qtbot, panel, ordinary.code or "")
    # a notice for 2027 recorded (or downloaded from the server): 2027 is decided, the note goes
    store.set_notice_day(NoticeDay(datetime(2027, 1, 1).date(), "off", "Tết Dương lịch", "1/TB-BNV"))
    assert "tạm tính" not in open_card(qtbot, panel, late.code or "")
