"""The intake's dialogs from the keyboard: Ctrl+Enter submits them, a refusal asks only for what form 03 needs, and
Ctrl+N asks before throwing typed work away."""

from __future__ import annotations

from gui_helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_intake import choose_birth_registration, fill_applicant, tick_rows

from counter_app.core.model import Status
from counter_app.gui.intake.panel import IntakePanel
from counter_app.gui.widgets import accept_button

CTRL = Qt.KeyboardModifier.ControlModifier


def _active(qtbot: QtBot, dialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)


def test_ctrl_enter_records_the_supplement_request_from_its_list(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1, 6])
    qtbot.keyClick(intake.checklist.table, Qt.Key.Key_B, CTRL)
    dialog = intake.supplement_dialog
    _active(qtbot, dialog)
    items = dialog.items
    items.setFocus()
    items.moveCursor(items.textCursor().MoveOperation.End)
    qtbot.keyClick(items, Qt.Key.Key_Return)  # Enter starts a new line: one item per line
    type_text(qtbot, items, "Bản sao giấy đăng ký kết hôn")
    assert dialog.isVisible() and len(dialog.missing_items()) == 2
    assert "Ctrl+Enter" in accept_button(dialog.buttons).toolTip()
    with qtbot.waitSignal(intake.supplement_recorded, timeout=10000) as recorded:
        qtbot.keyClick(items, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    stored = counter_store.dossiers.get(recorded.args[0].id)
    assert stored.status is Status.SUPPLEMENT_REQUESTED
    assert stored.missing[-1] == "Bản sao giấy đăng ký kết hôn" and len(stored.missing) == 2


def test_ctrl_enter_on_the_keypad_submits_too_but_not_while_the_list_is_empty(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    qtbot.keyClick(intake.checklist.table, Qt.Key.Key_B, CTRL)
    dialog = intake.supplement_dialog
    _active(qtbot, dialog)
    dialog.items.clear()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert dialog.isVisible() and counter_store.dossiers.count() == 0  # nothing to supplement
    type_text(qtbot, dialog.items, "Giấy chứng sinh")
    with qtbot.waitSignal(intake.supplement_recorded, timeout=10000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)


def test_ctrl_r_with_an_empty_applicant_opens_the_refusal_which_asks_for_a_name_only(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_R, CTRL)
    dialog = intake.refuse_dialog
    assert dialog.isVisible()
    assert intake.applicant.shown_errors() == {}  # no field errors: a refusal needs no identifier
    needs = dialog.ui.refuseNeeds.text()
    assert "họ tên người nộp" in needs and "không bắt buộc" in needs
    assert dialog.applicant.hasFocus() or dialog.focusWidget() is dialog.applicant
    button = accept_button(dialog.buttons)
    type_text(qtbot, dialog.reason, "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.")
    assert not button.isEnabled()  # the slip names the applicant
    type_text(qtbot, dialog.applicant, "Lê Văn Tư")
    assert button.isEnabled()
    _active(qtbot, dialog)
    with qtbot.waitSignal(intake.dossier_refused, timeout=10000) as refused:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    stored = counter_store.dossiers.get(refused.args[0].id)
    assert stored.status is Status.REFUSED
    assert stored.applicant.name == "Lê Văn Tư" and stored.applicant.identifier == ""
    assert stored.reason == "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị."


def test_a_refusal_carries_what_was_typed_and_still_marks_what_is_wrong(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake, identifier="12345")
    name = intake.applicant.applicant.editors["name"]
    qtbot.keyClick(name, Qt.Key.Key_R, CTRL)
    assert getattr(intake, "refuse_dialog", None) is None  # no dialog yet
    assert set(intake.applicant.shown_errors()) == {"applicant.identifier"}  # typed wrong: put right first
    assert "Hãy sửa các lỗi" in intake.outcome.message.text()
    identifier = intake.applicant.applicant.editors["identifier"]
    identifier.setText("001203012345")
    qtbot.keyClick(identifier, Qt.Key.Key_R, CTRL)
    dialog = intake.refuse_dialog
    assert dialog.isVisible() and dialog.applicant.text() == "Nguyễn Văn An"
    assert intake.applicant.shown_errors() == {}
    dialog.reason.setPlainText("Hồ sơ có dấu hiệu giả mạo giấy tờ.")
    with qtbot.waitSignal(intake.dossier_refused, timeout=10000) as refused:
        qtbot.mouseClick(accept_button(dialog.buttons), Qt.MouseButton.LeftButton)
    stored = counter_store.dossiers.get(refused.args[0].id)
    assert stored.applicant.identifier == "001203012345" and stored.applicant.phone == "0912345678"


def test_ctrl_n_asks_before_throwing_typed_work_away(qtbot: QtBot, intake: IntakePanel, main_window) -> None:
    main_window.activateWindow()
    choose_birth_registration(qtbot, intake)
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_N, CTRL)  # a procedure only chosen: nothing typed to lose
    assert intake.discard_question is None and intake.procedure is None

    choose_birth_registration(qtbot, intake)
    name = intake.applicant.applicant.editors["name"]
    type_text(qtbot, name, "Trần Thị B")
    qtbot.keyClick(name, Qt.Key.Key_N, CTRL)
    question = intake.discard_question
    assert question is not None and question.isVisible()
    assert question.text() == "Bỏ hồ sơ đang nhập dở để tiếp nhận hồ sơ mới?"
    assert question.buttons_by_key["discard"].text() == "Bỏ, tiếp nhận mới"
    assert question.buttons_by_key["keep"].text() == "Tiếp tục nhập"
    with qtbot.waitSignal(question.answered, timeout=5000) as answered:
        qtbot.keyClick(question, Qt.Key.Key_Escape)  # Escape keeps typing
    assert answered.args == ["keep"]
    assert name.text() == "Trần Thị B" and intake.procedure is not None

    qtbot.keyClick(name, Qt.Key.Key_N, CTRL)
    question = intake.discard_question
    with qtbot.waitSignal(question.answered, timeout=5000):
        qtbot.keyClick(question, Qt.Key.Key_Return)  # Enter too: keeping is the default
    assert name.text() == "Trần Thị B"

    qtbot.keyClick(name, Qt.Key.Key_N, CTRL)
    question = intake.discard_question
    qtbot.mouseClick(question.buttons_by_key["discard"], Qt.MouseButton.LeftButton)
    assert intake.procedure is None and intake.applicant.is_blank()
    assert intake.picker.search.hasFocus() or intake.focusWidget() is intake.picker.search


def test_ctrl_n_from_another_panel_shows_the_intake_before_asking(
    qtbot: QtBot, intake: IntakePanel, main_window
) -> None:
    from PySide6.QtWidgets import QLabel

    type_text(qtbot, intake.applicant.applicant.editors["phone"], "0912")
    main_window.add_panel("other", QLabel("khác"), "Khác", "F9")
    main_window.show_panel("other")
    main_window.activateWindow()
    qtbot.keyClick(main_window.menuBar(), Qt.Key.Key_N, CTRL)
    assert main_window.current_panel_key() == "intake"  # the officer sees what the question is about
    assert intake.discard_question is not None and intake.discard_question.isVisible()
    intake.discard_question.reject()
    assert intake.applicant.applicant.editors["phone"].text() == "0912"
