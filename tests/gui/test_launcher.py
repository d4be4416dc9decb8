"""The launcher behind `counter-app [--demo]`: which folder, which first window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.cli.context import CliContext
from counter_app.gui.launcher import demo_data_dir, prepare


def test_demo_folder_is_inside_the_default_data_folder_unless_one_is_given(tmp_path: Path) -> None:
    assert demo_data_dir(tmp_path, data_dir_given=False) == tmp_path / "demo"
    assert demo_data_dir(tmp_path, data_dir_given=True) == tmp_path


def test_demo_opens_the_sign_in_screen_with_credentials(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    ctx = CliContext(data_dir=tmp_path)
    controller = prepare(ctx, demo=True, kiosk=False, data_dir_given=False)
    assert not isinstance(controller, int)
    try:
        assert (tmp_path / "demo" / "counter.sqlite3").exists()
        window = controller.sign_in
        assert window is not None and window.isVisible() and window.demo_box is not None
        assert controller.store.unit().agency_id == "000.00.06.H56"
    finally:
        controller.shutdown()
        controller.sign_in.close()
        controller.store.close()


def test_a_real_install_without_a_unit_starts_the_wizard(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    controller = prepare(CliContext(data_dir=tmp_path), demo=False, kiosk=False, data_dir_given=True)
    assert not isinstance(controller, int)
    try:
        assert controller.wizard is not None and controller.wizard.isVisible()
        assert controller.sign_in is None
    finally:
        controller.shutdown()
        controller.wizard.close()
        controller.store.close()
