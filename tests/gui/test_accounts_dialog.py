"""The administrator's accounts dialog: create, lock, reset a password, change a role."""

from __future__ import annotations

import pytest
from gui_helpers import sign_in, type_text
from PySide6.QtWidgets import QLabel
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


@pytest.mark.parametrize(
    ("password", "sentence"),
    [
        ("12345678", "Mật khẩu phải có ít nhất 10 ký tự."),
        (
            "matkhau123",
            "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán; hãy chọn mật khẩu khác.",
        ),
    ],
)
def test_a_password_against_the_policy_is_explained_and_nothing_is_written(
    qtbot: QtBot, controller, counter_store, password: str, sentence: str
) -> None:
    dialog = open_dialog(qtbot, controller)
    dialog.create_button.click()
    form = dialog.password_dialog
    assert "10 ký tự" in form.findChild(QLabel, "passwordPolicy").text()  # the policy is stated beforehand
    type_text(qtbot, form.username, "ngan")
    type_text(qtbot, form.full_name, "Ngắn")
    type_text(qtbot, form.password, password)
    type_text(qtbot, form.confirm, password)
    accept_button(form.buttons).click()
    assert form.isVisible() and form.error.text() == sentence  # what was typed stays, to be corrected
    assert controller.runner.pending == 0
    assert "ngan" not in [a.username for a in counter_store.accounts.list()]


def test_changes_are_recorded_as_the_administrators(qtbot: QtBot, controller, counter_store) -> None:
    dialog = open_dialog(qtbot, controller)
    select(dialog, "xuly")
    dialog.role.setCurrentIndex(dialog.role.findData("leader"))
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.role_button.click()
    changes = [
        (e.actor, dict(e.details)) for e in counter_store.audit.entries() if e.kind == "account.change"
    ]
    assert changes == [("quantri", {"username": "xuly", "changed": "role", "role": "leader"})]
