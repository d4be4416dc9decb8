"""The whole intake driven through the real widgets, from the keyboard: receive, supplement, refuse, validation, drafts."""

from __future__ import annotations

import re

from gui_helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.core.errors import ValidationError
from counter_app.core.model import Status
from counter_app.gui.intake.panel import IntakePanel
from counter_app.gui.main_window import MainWindow
from counter_app.gui.session import Session
from counter_app.gui.widgets import accept_button
from counter_app.messages import describe

CTRL = Qt.KeyboardModifier.ControlModifier
BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh
CODE = re.compile(r"^000\.00\.06\.H56-(\d{6})-01(\d{2,})$")


def choose_birth_registration(qtbot: QtBot, panel: IntakePanel) -> None:
    type_text(qtbot, panel.picker.search, "khai sinh")  # typed without tone marks
    assert panel.picker.current() is not None and panel.picker.current().code == BIRTH
    qtbot.keyClick(panel.picker.search, Qt.Key.Key_Return)
    assert panel.procedure is not None and panel.procedure.code == BIRTH


def fill_applicant(qtbot: QtBot, panel: IntakePanel, identifier: str = "001203012345") -> None:
    editors = panel.applicant.applicant.editors
    for key, text in (
        ("name", "Nguyễn Văn An"),
        ("identifier", identifier),
        ("address", "Số 1 phố Huế, phường Mẫu"),
        ("phone", "0912 345 678"),
    ):
        type_text(qtbot, editors[key], text)
        qtbot.keyClick(editors[key], Qt.Key.Key_Tab)


def tick_rows(qtbot: QtBot, panel: IntakePanel, numbers: list[int]) -> None:
    table = panel.checklist.table
    table.setFocus()
    for number in numbers:
        row = next(i for i, r in enumerate(panel.checklist.model.rows) if r.component.number == number)
        table.setCurrentIndex(panel.checklist.model.index(row, 0))
        qtbot.keyClick(table, Qt.Key.Key_Space)


def test_receive_birth_registration_from_the_keyboard(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    assert not intake.outcome.receive_button.isEnabled()  # nothing ticked yet
    tick_rows(qtbot, intake, [1, 2, 6])  # two forms handed in, the ID card shown
    assert intake.checklist.is_complete()
    assert intake.outcome.receive_button.isEnabled()

    with qtbot.waitSignal(intake.dossier_received, timeout=10000) as received:
        qtbot.keyClick(intake.checklist.table, Qt.Key.Key_Return, CTRL)
    dossier = received.args[0]

    stored = counter_store.dossiers.get(dossier.code)
    match = CODE.match(stored.code)
    assert match, stored.code
    assert match.group(1) == f"{stored.received_at:%y%m%d}"
    assert stored.status is Status.RECEIVED
    assert stored.applicant.name == "Nguyễn Văn An" and stored.applicant.phone == "0912345678"
    assert [c.number for c in stored.components] == [1, 2, 6]
    p = stored.procedure
    expected = counter_store.calendar().appointment_for(
        stored.received_at, p.duration, p.duration_unit, p.same_day_cutoff
    )
    assert stored.appointment == expected
    assert [(e.action, e.officer, e.to_status) for e in stored.history] == [
        ("receive", "canbo", Status.RECEIVED)
    ]
    # the form is ready for the next citizen, the last dossier stays visible with its print button
    assert intake.procedure is None and intake.applicant.is_blank()
    assert stored.code in intake.summary.code.text()
    assert intake.summary.appointment.text().startswith("Hẹn trả: ")
    assert intake.summary.print_button.text() == "In giấy tiếp nhận (01)"
    assert intake.print_action.isEnabled()


def test_second_dossier_of_the_day_takes_the_next_number(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    codes = []
    for _ in range(2):
        choose_birth_registration(qtbot, intake)
        fill_applicant(qtbot, intake)
        qtbot.mouseClick(intake.checklist.tick_all_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(intake.dossier_received, timeout=10000) as received:
            qtbot.mouseClick(intake.outcome.receive_button, Qt.MouseButton.LeftButton)
        codes.append(received.args[0].code)
    numbers = [int(CODE.match(c).group(2)) for c in codes]
    assert numbers[1] == numbers[0] + 1
    assert counter_store.dossiers.count() == 2


def test_incomplete_checklist_records_a_supplement_request(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1, 6])  # the birth certificate (2) is missing
    assert "2. Giấy chứng sinh" in intake.checklist.status.text()
    assert not intake.outcome.receive_button.isEnabled()
    assert "thiếu thành phần" in intake.outcome.blocked_reason.text()

    qtbot.keyClick(intake.checklist.table, Qt.Key.Key_B, CTRL)
    dialog = intake.supplement_dialog
    assert dialog.isVisible()
    assert dialog.missing_items() == [intake.procedure.component(2).name]
    with qtbot.waitSignal(intake.supplement_recorded, timeout=10000) as recorded:
        qtbot.mouseClick(accept_button(dialog.buttons), Qt.MouseButton.LeftButton)
    dossier = counter_store.dossiers.get(recorded.args[0].id)
    assert dossier.status is Status.SUPPLEMENT_REQUESTED
    assert dossier.code is None
    assert dossier.missing == (intake_component_name(counter_store, 2),)
    assert dossier.history[-1].action == "supplement" and dossier.history[-1].officer == "canbo"
    assert intake.summary.print_button.text() == "In phiếu yêu cầu bổ sung (02)"


def intake_component_name(store, number: int) -> str:
    return store.procedure(BIRTH).component(number).name


def test_refusal_is_impossible_without_a_reason(qtbot: QtBot, intake: IntakePanel, counter_store) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    qtbot.keyClick(intake.applicant.applicant.editors["name"], Qt.Key.Key_R, CTRL)
    dialog = intake.refuse_dialog
    assert dialog.isVisible()
    button = accept_button(dialog.buttons)
    assert not button.isEnabled()
    type_text(qtbot, dialog.reason, "   ")
    assert not button.isEnabled()
    dialog.buttons.accepted.emit()  # even a forced accept does nothing while the reason is blank
    assert dialog.isVisible()
    assert counter_store.dossiers.count() == 0

    type_text(qtbot, dialog.reason, "Không thuộc thẩm quyền của phường.")
    assert button.isEnabled()
    with qtbot.waitSignal(intake.dossier_refused, timeout=10000) as refused:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dossier = counter_store.dossiers.get(refused.args[0].id)
    assert dossier.status is Status.REFUSED
    assert dossier.reason == "Không thuộc thẩm quyền của phường."
    assert intake.summary.print_button.text() == "In phiếu từ chối (03)"


def test_invalid_identifier_is_shown_beside_the_field_and_blocks_receiving(
    qtbot: QtBot, intake: IntakePanel, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake, identifier="12345")
    qtbot.mouseClick(intake.checklist.tick_all_button, Qt.MouseButton.LeftButton)
    editor = intake.applicant.applicant.editors["identifier"]
    label = intake.applicant.applicant.errors["identifier"]
    expected = describe(ValidationError("applicant.identifier", "id.personal_format"))
    assert label.isVisible() and label.text() == expected
    assert editor.accessibleDescription() == expected and editor.property("invalid") is True
    assert not intake.outcome.receive_button.isEnabled()
    assert not intake.receive_action.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    intake.session.runner.wait_idle()
    QApplication.processEvents()
    assert counter_store.dossiers.count() == 0

    editor.clear()
    type_text(qtbot, editor, "001203012345")  # corrected: the error goes as soon as the value is right
    assert not label.isVisible() and editor.property("invalid") is False
    assert intake.outcome.receive_button.isEnabled()


def test_receiving_with_required_fields_left_empty_shows_every_error(
    qtbot: QtBot, intake: IntakePanel
) -> None:
    choose_birth_registration(qtbot, intake)
    qtbot.mouseClick(intake.checklist.tick_all_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(intake.outcome_failed) as failed:
        qtbot.mouseClick(intake.outcome.receive_button, Qt.MouseButton.LeftButton)
    assert "lỗi" in failed.args[0]
    shown = intake.applicant.shown_errors()
    assert set(shown) == {"applicant.name", "applicant.identifier"}
    assert not intake.outcome.receive_button.isEnabled()


def test_representative_section_appears_and_is_validated(qtbot: QtBot, intake: IntakePanel) -> None:
    choose_birth_registration(qtbot, intake)
    assert not intake.applicant.representative_box.isVisible()
    qtbot.keyClick(intake.applicant.has_representative, Qt.Key.Key_Space)
    assert intake.applicant.representative_box.isVisible()
    fill_applicant(qtbot, intake)
    qtbot.mouseClick(intake.checklist.tick_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(intake.outcome.receive_button, Qt.MouseButton.LeftButton)
    shown = intake.applicant.shown_errors()
    assert "representative.name" in shown and "representative.authorisation_paper" in shown


def test_draft_survives_a_crash_and_is_offered_back(
    qtbot: QtBot, intake: IntakePanel, main_window: MainWindow, counter_store
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1])
    with qtbot.waitSignal(intake.draft_saved, timeout=5000):
        pass  # the debounced autosave fires on its own
    saved = counter_store.load_draft("intake:canbo")
    assert saved is not None and saved["procedure"] == BIRTH

    # "crash": the first window never closes cleanly; a new window opens on the same data
    session = Session(
        CounterApp(counter_store),
        intake.session.runner,
        intake.session.settings,
        main_window.session.account,
        counter_store.unit(),
        "vi",
    )
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    panel = window.panel("intake")
    with qtbot.waitSignal(panel.draft_offered, timeout=5000):
        panel.offer_draft()
    assert panel.banner.isVisible()
    assert "Khôi phục hồ sơ đang nhập dở?" in panel.banner_text.text()
    qtbot.waitUntil(lambda: panel.picker.model.rowCount() > 0)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert panel.procedure is not None and panel.procedure.code == BIRTH
    assert panel.applicant.applicant.editors["name"].text() == "Nguyễn Văn An"
    assert panel.applicant.applicant.editors["identifier"].text() == "001203012345"
    assert [r.component.number for r in panel.checklist.model.rows if r.ticked] == [1]
    assert not panel.banner.isVisible()


def test_outcome_clears_the_draft(qtbot: QtBot, intake: IntakePanel, counter_store) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    intake.save_draft_now()
    intake.session.runner.wait_idle()
    assert counter_store.load_draft("intake:canbo") is not None
    qtbot.mouseClick(intake.checklist.tick_all_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(intake.dossier_received, timeout=10000):
        qtbot.mouseClick(intake.outcome.receive_button, Qt.MouseButton.LeftButton)
    intake.session.runner.wait_idle()
    assert counter_store.load_draft("intake:canbo") is None


def test_shortcuts_are_in_the_menus_and_tooltips(main_window: MainWindow, intake: IntakePanel) -> None:
    menu_texts = {a.text(): a for a in main_window.menuBar().actions()}
    assert "Tiếp nhận hồ sơ" in menu_texts
    shortcuts = {
        a.objectName(): a.shortcut().toString() for a in menu_texts["Tiếp nhận hồ sơ"].menu().actions()
    }
    assert shortcuts == {
        "newIntake": "Ctrl+N",
        "searchProcedure": "Ctrl+F",
        "receive": "Ctrl+Return",
        "supplement": "Ctrl+B",
        "refuse": "Ctrl+R",
        "printLast": "Ctrl+P",
    }
    assert "Ctrl+Enter" in intake.outcome.receive_button.toolTip()
    assert "Ctrl+B" in intake.outcome.supplement_button.toolTip()
    assert "Ctrl+R" in intake.outcome.refuse_button.toolTip()


def test_ctrl_f_returns_to_the_search_and_ctrl_n_starts_over(
    qtbot: QtBot, intake: IntakePanel, main_window
) -> None:
    main_window.activateWindow()
    choose_birth_registration(qtbot, intake)
    name = intake.applicant.applicant.editors["name"]
    type_text(qtbot, name, "Trần Thị B")
    qtbot.keyClick(name, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: intake.picker.search.hasFocus())
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_N, CTRL)
    question = intake.discard_question  # typed work is thrown away only when the officer says so
    assert question is not None and question.isVisible()
    qtbot.mouseClick(question.buttons_by_key["discard"], Qt.MouseButton.LeftButton)
    assert intake.procedure is None and intake.applicant.is_blank()


def test_ctrl_n_brings_the_intake_back_from_another_panel(
    qtbot: QtBot, intake: IntakePanel, main_window
) -> None:
    from PySide6.QtWidgets import QLabel

    other = QLabel("khác")
    main_window.add_panel("other", other, "Khác", "F9")
    main_window.show_panel("other")
    assert main_window.current_panel_key() == "other"
    assert not intake.isVisible()
    main_window.activateWindow()
    qtbot.keyClick(main_window.menuBar(), Qt.Key.Key_N, CTRL)
    assert main_window.current_panel_key() == "intake"
    qtbot.keyClick(main_window.menuBar(), Qt.Key.Key_F9)
    assert main_window.current_panel_key() == "other"
    qtbot.keyClick(main_window.menuBar(), Qt.Key.Key_F5)
    assert main_window.current_panel_key() == "intake"


def test_ctrl_p_previews_the_form_of_the_last_dossier(qtbot: QtBot, intake: IntakePanel) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    qtbot.mouseClick(intake.checklist.tick_all_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(intake.dossier_received, timeout=10000):
        qtbot.mouseClick(intake.outcome.receive_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(
        lambda: intake.printer.dialog is not None and intake.printer.dialog.isVisible(), timeout=20000
    )
    dialog = intake.printer.dialog
    assert dialog.printer().docName() == "receipt"
    dialog.reject()
