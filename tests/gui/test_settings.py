"""The typed device settings and the settings dialog (device settings in the .ini, the unit in the database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import sign_in, type_text
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from counter_app.gui.widgets import accept_button
from counter_app.settings import CounterSettings


def test_defaults_are_declared_once_and_typed(tmp_path: Path) -> None:
    s = CounterSettings.for_data_dir(tmp_path)
    assert s.language == "vi" and s.paper == "a5"
    assert s.scanner_max_interval_ms == 30 and s.scanner_min_length == 6
    assert s.scanner_prefix == "" and s.scanner_suffix == ""
    assert s.camera_index == 0 and s.server_url == "" and s.due_soon_hours == 24
    assert s.window_geometry == b"" and s.printer_for("receipt") == ""
    assert not s.is_stored(CounterSettings.language)


def test_values_survive_a_restart_with_their_types(tmp_path: Path) -> None:
    s = CounterSettings.for_data_dir(tmp_path)
    s.language = "en"
    s.scanner_max_interval_ms = 45
    s.window_geometry = b"\x01\x02\xff"
    s.set_printer_for("receipt", "Quay-1-A5")
    s.sync()
    again = CounterSettings.for_data_dir(tmp_path)
    assert again.language == "en" and again.is_stored(CounterSettings.language)
    assert again.scanner_max_interval_ms == 45 and isinstance(again.scanner_max_interval_ms, int)
    assert again.window_geometry == b"\x01\x02\xff"
    assert again.printer_for("receipt") == "Quay-1-A5" and again.printer_for("refusal") == ""
    assert (tmp_path / "settings.ini").exists()


def test_a_damaged_value_falls_back_to_the_default(tmp_path: Path) -> None:
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("scanner/min_length", "mười")
    raw.sync()
    assert CounterSettings.for_data_dir(tmp_path).scanner_min_length == 6


def test_unknown_forms_are_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        CounterSettings.for_data_dir(tmp_path).set_printer_for("invoice", "x")


def test_dialog_saves_device_settings(qtbot: QtBot, controller, settings: CounterSettings) -> None:
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    assert dialog.isVisible() and not dialog.unit_form.isEnabled()  # an officer cannot edit the unit
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.scanner_interval.setValue(40)
    dialog.server_url.setText("https://motcua.example.gov.vn")
    with qtbot.waitSignal(dialog.saved):
        accept_button(dialog.buttons).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = CounterSettings.for_data_dir(Path(settings.path).parent)
    assert again.paper == "a4" and again.language == "en" and again.scanner_max_interval_ms == 40
    assert again.server_url == "https://motcua.example.gov.vn"


def test_the_idle_lock_time_is_a_setting_of_the_dialog(
    qtbot: QtBot, controller, settings: CounterSettings
) -> None:
    assert settings.idle_lock_minutes == 10 and not settings.is_stored(CounterSettings.idle_lock_minutes)
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    assert dialog.idle_lock_minutes.value() == 10
    dialog.idle_lock_minutes.setValue(3)
    with qtbot.waitSignal(dialog.saved):
        accept_button(dialog.buttons).click()
    assert CounterSettings.for_data_dir(Path(settings.path).parent).idle_lock_minutes == 3
    # a security setting of this PC: who changed it, from what to what, is in the audit trail
    app = main.session.app

    def recorded() -> list[dict]:
        return [
            dict(e.details)
            for e in app.store.audit.entries()
            if e.kind == "setting.change" and e.actor == main.session.account.username
        ]

    qtbot.waitUntil(
        lambda: any("idle_lock_minutes" in d.get("device", {}) for d in recorded()), timeout=10000
    )
    change = next(
        d["device"]["idle_lock_minutes"] for d in recorded() if "idle_lock_minutes" in d.get("device", {})
    )
    assert change == ["10", "3"]


def test_administrator_changes_the_unit_and_office_hours(qtbot: QtBot, controller, counter_store) -> None:
    main = sign_in(qtbot, controller, "quantri")
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    form = dialog.unit_form
    form.counter.setValue(4)
    form.office_hours.setText("07:30-11:30,13:00-17:00")
    with qtbot.waitSignal(dialog.unit_changed, timeout=5000):
        accept_button(dialog.buttons).click()
    assert counter_store.unit().counter == 4
    assert str(counter_store.office_hours()) == "07:30-11:30,13:00-17:00"
    assert main.status.counter_label.text() == "Quầy số 4"


def test_invalid_unit_keeps_the_dialog_open(qtbot: QtBot, controller, counter_store) -> None:
    main = sign_in(qtbot, controller, "quantri")
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    dialog.tabs.setCurrentIndex(1)
    dialog.unit_form.office_hours.clear()
    type_text(qtbot, dialog.unit_form.office_hours, "sáng thứ hai")
    accept_button(dialog.buttons).click()
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 0
    assert dialog.unit_form.errors["office_hours"].isVisible()
    assert str(counter_store.office_hours()) == "07:00-11:30,13:30-17:00"
