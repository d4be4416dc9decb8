"""Sign-in, sign-out, roles, and the first-run wizard on an unconfigured store."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import PASSWORD, sign_in, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.gui.controller import CounterController
from counter_app.settings import CounterSettings
from counter_app.storage.accounts import Role
from counter_app.storage.store import CounterStore


def test_wrong_password_says_so_and_the_right_one_opens_the_main_window(qtbot: QtBot, controller) -> None:
    window = controller.sign_in
    assert window.isVisible()
    type_text(qtbot, window.username, "canbo")
    type_text(qtbot, window.password, "saimatkhau")
    with qtbot.waitSignal(window.sign_in_failed, timeout=10000):
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert window.error.isVisible()
    assert "không đúng" in window.error.text()
    assert window.password.text() == "" and controller.main_window is None

    type_text(qtbot, window.password, PASSWORD)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as shown:
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    main = shown.args[0]
    assert main.isVisible() and not window.isVisible()
    assert main.status.officer_label.text() == "Cán bộ: Nguyễn Thị Lan (canbo)"
    assert main.status.counter_label.text() == "Quầy số 1"
    sync_state = main.status.sync_label  # the sync worker's indicator: this counter has not joined a server
    assert sync_state.objectName() == "syncState"
    qtbot.waitUntil(lambda: "Chưa kết nối máy chủ" in sync_state.text() and "Chờ gửi: 0" in sync_state.text())
    assert controller.settings.last_username == "canbo"


def test_empty_fields_are_refused_without_asking_the_database(qtbot: QtBot, controller) -> None:
    window = controller.sign_in
    window.username.clear()
    qtbot.keyClick(window.username, Qt.Key.Key_Return)  # moves to the password
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.error.text() == "Hãy nhập tên đăng nhập và mật khẩu."
    assert controller.runner.pending == 0


def test_locked_account_cannot_sign_in(qtbot: QtBot, controller, counter_store: CounterStore) -> None:
    counter_store.accounts.set_active("canbo", False)
    window = controller.sign_in
    type_text(qtbot, window.username, "canbo")
    type_text(qtbot, window.password, PASSWORD)
    with qtbot.waitSignal(window.sign_in_failed, timeout=10000):
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert controller.main_window is None


def test_demo_profile_shows_its_credentials(controller) -> None:
    box = controller.sign_in.demo_box
    assert box is not None and box.isVisible()
    texts = " ".join(label.text() for label in box.findChildren(QLabel))
    assert "canbo" in texts and PASSWORD in texts and "Cán bộ tiếp nhận" in texts


def test_sign_out_returns_to_the_sign_in_screen(qtbot: QtBot, controller) -> None:
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(controller.signed_out):
        main.sign_out_action.trigger()
    assert controller.sign_in.isVisible() and controller.main_window is None
    assert controller.sign_in.username.text() == "canbo" and controller.sign_in.password.text() == ""


def test_roles_decide_what_the_window_offers(qtbot: QtBot, controller) -> None:
    main = sign_in(qtbot, controller, "xuly")  # a processing officer does not take dossiers
    assert "intake" not in main.panels
    assert not main.accounts_action.isEnabled()
    main.sign_out_action.trigger()
    admin = sign_in(qtbot, controller, "quantri")
    assert "intake" in admin.panels and admin.accounts_action.isEnabled()


def test_first_run_wizard_configures_the_unit_and_the_administrator(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    store = CounterStore(tmp_path / "fresh")
    settings = CounterSettings.for_data_dir(tmp_path / "fresh")
    controller = CounterController(CounterApp(store), settings, "vi")
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible() and controller.sign_in is None
    form = wizard.unit_page.form
    type_text(qtbot, form.agency_id, "G12.18.112")
    type_text(qtbot, form.agency_name, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN BÌNH")
    type_text(qtbot, form.parent_body, "UBND XÃ AN BÌNH")
    type_text(qtbot, form.place, "An Bình")
    form.counter.setValue(3)
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page

    page = wizard.admin_page
    type_text(qtbot, page.username, "admin")
    type_text(qtbot, page.full_name, "Đỗ Thị Hoa")
    type_text(qtbot, page.password, "mat-khau-dai")
    type_text(qtbot, page.confirm, "mat-khau-khac")
    assert not wizard.validateCurrentPage()
    assert page.error.text() == "Hai lần nhập mật khẩu không giống nhau."
    page.confirm.clear()
    type_text(qtbot, page.confirm, "mat-khau-dai")
    with qtbot.waitSignal(wizard.configured, timeout=20000):
        assert not wizard.validateCurrentPage()  # written on the task runner's writer, then the wizard closes
    unit = store.unit()
    assert unit is not None and unit.agency_id == "G12.18.112" and unit.counter == 3
    assert store.accounts.verify("admin", "mat-khau-dai").role is Role.ADMIN
    assert not store.catalogue_is_empty()
    assert controller.sign_in is not None and controller.sign_in.isVisible()
    controller.shutdown()
    controller.sign_in.close()
    wizard.close()
    store.close()


def test_wizard_shows_errors_beside_the_unit_fields(qtbot: QtBot, tmp_path: Path) -> None:
    store = CounterStore(tmp_path / "fresh")
    controller = CounterController(CounterApp(store), CounterSettings.for_data_dir(tmp_path / "fresh"), "vi")
    controller.start()
    wizard = controller.wizard
    type_text(qtbot, wizard.unit_page.form.agency_id, "khong hop le")
    assert not wizard.unit_page.validatePage()
    errors = wizard.unit_page.form.errors
    assert "dấu chấm" in errors["agency_id"].text()
    assert errors["agency_name"].text() == "Tên đơn vị không được để trống."
    assert store.unit() is None
    controller.shutdown()
    wizard.close()
    store.close()


def attempt(qtbot: QtBot, window, username: str, password: str) -> None:
    window.username.clear()
    type_text(qtbot, window.username, username)
    type_text(qtbot, window.password, password)
    with qtbot.waitSignal(window.sign_in_failed, timeout=10000):
        qtbot.keyClick(window.password, Qt.Key.Key_Return)


def test_five_failures_make_the_officer_wait_even_with_the_right_password(
    qtbot: QtBot, controller, counter_store: CounterStore, clock
) -> None:
    window = controller.sign_in
    for _ in range(4):
        attempt(qtbot, window, "canbo", "saimatkhau")
        assert "không đúng" in window.error.text()
    attempt(qtbot, window, "canbo", "saimatkhau")
    assert window.error.text() == "Đăng nhập sai quá nhiều lần; hãy thử lại sau 1 phút."
    attempt(qtbot, window, "canbo", PASSWORD)  # the right password waits too
    assert "thử lại sau" in window.error.text() and controller.main_window is None
    clock.shift(31)
    main = sign_in(qtbot, controller)
    assert main.isVisible()
    reasons = [
        (e.kind, e.details.get("reason"))
        for e in counter_store.audit.entries()
        if e.kind.startswith("signin")
    ]
    assert reasons == [
        *[("signin.failed", "password")] * 5,
        ("signin.locked", None),
        ("signin.failed", "locked"),
        ("signin.ok", None),
    ]


def test_an_unknown_name_gets_the_same_answer_and_is_recorded(
    qtbot: QtBot, controller, counter_store: CounterStore
) -> None:
    window = controller.sign_in
    attempt(qtbot, window, "canbo", "saimatkhau")
    known = window.error.text()
    attempt(qtbot, window, "khong.co.ai", "saimatkhau")
    assert window.error.text() == known
    failed = [(e.actor, dict(e.details)) for e in counter_store.audit.entries() if e.kind == "signin.failed"]
    assert failed == [("canbo", {"reason": "password"}), ("khong.co.ai", {"reason": "unknown"})]


def test_sign_out_is_recorded(qtbot: QtBot, controller, counter_store: CounterStore) -> None:
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(controller.signed_out):
        main.sign_out_action.trigger()
    controller.runner.wait_idle()
    kinds = [(e.kind, e.actor) for e in counter_store.audit.entries() if e.kind in ("signin.ok", "signout")]
    assert kinds == [("signin.ok", "canbo"), ("signout", "canbo")]


def test_the_wizard_refuses_a_common_administrator_password(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    store = CounterStore(tmp_path / "fresh")
    controller = CounterController(CounterApp(store), CounterSettings.for_data_dir(tmp_path / "fresh"), "vi")
    controller.start()
    wizard = controller.wizard
    form = wizard.unit_page.form
    for editor, text in (
        (form.agency_id, "G12.18.112"),
        (form.agency_name, "UBND XÃ AN BÌNH"),
        (form.parent_body, "UBND HUYỆN"),
        (form.place, "An Bình"),
    ):
        type_text(qtbot, editor, text)
    wizard.next()
    page = wizard.admin_page
    type_text(qtbot, page.username, "admin")
    type_text(qtbot, page.full_name, "Đỗ Thị Hoa")
    for password, sentence in (
        ("12345678", "Mật khẩu phải có ít nhất 10 ký tự."),
        (
            "matkhau123",
            "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán; hãy chọn mật khẩu khác.",
        ),
    ):
        page.password.setText(password)
        page.confirm.setText(password)
        assert not wizard.validateCurrentPage()
        assert page.error.text() == sentence
    assert not store.accounts.any_admin() and store.unit() is None
    controller.shutdown()
    wizard.close()
    store.close()
