"""The administrator's accounts dialog: create, lock, reset a password, change a role."""

from __future__ import annotations

from gui_helpers import sign_in, type_text
from pytestqt.qtbot import QtBot

from counter_app.gui.widgets import accept_button
from counter_app.storage.accounts import Role


def open_dialog(qtbot: QtBot, controller):
    main = sign_in(qtbot, controller, "quantri")
    main.accounts_action.trigger()
    dialog = main.accounts_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    return dialog


def select(dialog, username: str) -> None:
    row = next(i for i, a in enumerate(dialog.model.accounts) if a.username == username)
    dialog.table.selectRow(row)


def test_create_an_officer(qtbot: QtBot, controller, counter_store) -> None:
    dialog = open_dialog(qtbot, controller)
    dialog.create_button.click()
    form = dialog.password_dialog
    type_text(qtbot, form.username, "canbo2")
    type_text(qtbot, form.full_name, "Vũ Thị Mai")
    type_text(qtbot, form.password, "matkhau-moi")
    type_text(qtbot, form.confirm, "matkhau-moi")
    with qtbot.waitSignal(dialog.accounts_changed, timeout=10000):
        accept_button(form.buttons).click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5)
    assert counter_store.accounts.verify("canbo2", "matkhau-moi").role is Role.OFFICER


def test_lock_reset_and_change_role(qtbot: QtBot, controller, counter_store) -> None:
    dialog = open_dialog(qtbot, controller)
    select(dialog, "canbo")
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.toggle_button.click()
    assert not counter_store.accounts.get("canbo").active

    select(dialog, "xuly")
    dialog.reset_button.click()
    form = dialog.password_dialog
    type_text(qtbot, form.password, "doi-mat-khau")
    type_text(qtbot, form.confirm, "khac-hoan-toan")
    accept_button(form.buttons).click()
    assert form.isVisible() and form.error.text() == "Hai lần nhập mật khẩu không giống nhau."
    form.confirm.clear()
    type_text(qtbot, form.confirm, "doi-mat-khau")
    with qtbot.waitSignal(dialog.accounts_changed, timeout=10000):
        accept_button(form.buttons).click()
    assert counter_store.accounts.verify("xuly", "doi-mat-khau") is not None

    select(dialog, "xuly")
    dialog.role.setCurrentIndex(dialog.role.findData("leader"))
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.role_button.click()
    assert counter_store.accounts.get("xuly").role is Role.LEADER


def test_the_signed_in_administrator_cannot_lock_themselves(qtbot: QtBot, controller, counter_store) -> None:
    dialog = open_dialog(qtbot, controller)
    select(dialog, "quantri")
    dialog.toggle_button.click()
    assert "chính tài khoản" in dialog.error.text()
    assert counter_store.accounts.get("quantri").active


def test_too_short_password_is_explained(qtbot: QtBot, controller) -> None:
    dialog = open_dialog(qtbot, controller)
    dialog.create_button.click()
    form = dialog.password_dialog
    type_text(qtbot, form.username, "ngan")
    type_text(qtbot, form.full_name, "Ngắn")
    type_text(qtbot, form.password, "123")
    type_text(qtbot, form.confirm, "123")
    accept_button(form.buttons).click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "Mật khẩu phải có ít nhất 8 ký tự."
