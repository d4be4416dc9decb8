"""Error lines keep their room: no input moves when errors appear or go, so a click lands on the field aimed at."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counter_app.gui.form_widgets import FormErrorLabel, SteadyErrorLabel

INPUTS = (QLineEdit, QComboBox, QAbstractButton)


def _positions(root: QWidget, window: QWidget) -> dict[str, QPoint]:
    """Where each visible input of `root` sits in its window (its top-left corner)."""
    found: dict[str, QPoint] = {}
    for kind in INPUTS:
        for widget in root.findChildren(kind):
            if (
                widget.isVisibleTo(window)
                and widget.objectName()
                and not widget.objectName().startswith("qt_")
            ):
                found[widget.objectName()] = widget.mapTo(window, QPoint(0, 0))
    return found


def _settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(0)  # pending layout requests are posted events
    QApplication.processEvents()


def test_the_intake_fields_do_not_move_when_errors_appear_and_go(qtbot: QtBot, intake) -> None:
    window = intake.window()
    intake.picker.search.setText("ket hon")
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.procedure is not None, timeout=5000)
    _settle(qtbot)
    before = _positions(intake, window)
    assert {"applicant.name", "applicant.identifier", "applicant.phone", "receiveButton"} <= set(before)

    editors = intake.applicant.applicant.editors
    editors["identifier"].setText("12345")
    editors["phone"].setText("0123")
    editors["email"].setText("an@@example")
    editors["birth_date"].setText("1995")
    # Ctrl+B (supplement) checks every field and shows every error
    qtbot.keyClick(editors["name"], Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    shown = intake.applicant.shown_errors()
    assert {"applicant.name", "applicant.identifier", "applicant.phone", "applicant.email"} <= set(shown)
    assert "applicant.birth_date" in shown
    assert intake.outcome.message.isVisible() and intake.outcome.message.text()
    assert _positions(intake, window) == before

    editors["name"].setText("Nguyễn Văn An")
    editors["identifier"].setText("001203012345")
    editors["phone"].setText("0912345678")
    editors["email"].setText("")
    editors["birth_date"].setText("")
    intake.applicant.validate()
    intake._on_form_changed()
    _settle(qtbot)
    assert intake.applicant.shown_errors() == {}
    assert not intake.outcome.message.isVisible()
    assert _positions(intake, window) == before


def test_the_authorised_person_fields_do_not_move_either(qtbot: QtBot, intake) -> None:
    window = intake.window()
    intake.applicant.has_representative.setChecked(True)
    _settle(qtbot)
    box = intake.applicant.representative_box
    before = _positions(box, window)
    assert "representative.authorisation_paper" in before
    intake.applicant.validate(show_all=True)
    _settle(qtbot)
    assert "representative.authorisation_paper" in intake.applicant.shown_errors()
    assert _positions(box, window) == before


def test_a_form_error_line_keeps_its_room_while_empty(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = FormErrorLabel(holder)
    two = SteadyErrorLabel("x", holder, reserved_lines=2)
    assert label.isHidden() and label.sizePolicy().retainSizeWhenHidden()
    one_line = label.fontMetrics().height()
    assert label.sizeHint().height() >= one_line
    assert two.sizeHint().height() >= one_line + label.fontMetrics().lineSpacing()
    label.reservedLines = 3  # as a form sets it
    assert label.sizeHint().height() >= one_line + 2 * label.fontMetrics().lineSpacing()


def test_the_kiosk_field_stays_when_its_message_appears(qtbot: QtBot, counter_store, settings) -> None:
    from datetime import datetime

    from counter_app.app import CounterApp
    from counter_app.gui.kiosk import KioskWindow

    kiosk = KioskWindow(
        CounterApp(counter_store), settings, "vi", clock=lambda: datetime(2026, 11, 24, 10, 0)
    )
    qtbot.addWidget(kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    _settle(qtbot)
    before = _positions(kiosk.start_page, kiosk)
    kiosk.look_up("xin chào")
    _settle(qtbot)
    assert kiosk.message.isVisible()
    assert _positions(kiosk.start_page, kiosk) == before
    kiosk._unlocked = True
    kiosk.close()


def test_the_unit_form_fields_do_not_move_when_errors_appear(qtbot: QtBot) -> None:
    """The unit's form (first-run wizard, Settings) is built in code: its error lines keep their room too."""
    from counter_app.core.errors import ValidationErrors
    from counter_app.gui.unit_form import UnitForm

    form = UnitForm("vi")
    qtbot.addWidget(form)
    form.resize(760, 600)
    form.show()
    _settle(qtbot)
    editors = form._editors
    before = {name: editor.mapTo(form, QPoint(0, 0)) for name, editor in editors.items()}
    editors["office_hours"].clear()
    editors["office_hours"].setText("sáng thứ hai")  # not office hours
    editors["email"].setText("motcua@@example")
    try:
        form.validated()
    except ValidationErrors:
        pass
    else:  # pragma: no cover - the test needs the errors shown
        raise AssertionError("the form took bad office hours and a bad email")
    _settle(qtbot)
    assert form.errors["office_hours"].isVisible() and form.errors["email"].isVisible()
    after = {name: editor.mapTo(form, QPoint(0, 0)) for name, editor in editors.items()}
    assert after == before, [(n, before[n].y(), after[n].y()) for n in before if before[n] != after[n]]
