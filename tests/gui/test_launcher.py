"""The launcher behind `counter-app [--demo]`: which folder, the sign-in at once, the store opened behind it."""

from __future__ import annotations

from pathlib import Path

from damaged_profiles import corrupt, digest, make_profile
from gui_helpers import PASSWORD, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.cli.context import CliContext
from counter_app.gui.launcher import demo_data_dir, prepare


def test_demo_folder_is_inside_the_default_data_folder_unless_one_is_given(tmp_path: Path) -> None:
    assert demo_data_dir(tmp_path, data_dir_given=False) == tmp_path / "demo"
    assert demo_data_dir(tmp_path, data_dir_given=True) == tmp_path


def test_sign_in_is_usable_before_the_demo_profile_is_ready(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    controller = prepare(CliContext(data_dir=tmp_path), demo=True, kiosk=False, data_dir_given=False)
    assert not isinstance(controller, int)
    try:
        window = controller.sign_in
        assert window is not None and window.isVisible() and controller.app is None
        type_text(qtbot, window.username, "canbo")  # typed while the profile is still being made
        type_text(qtbot, window.password, PASSWORD)
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
        with qtbot.waitSignal(controller.main_window_shown, timeout=30000):
            pass
        assert (tmp_path / "demo" / "counter.sqlite3").exists()
        assert window.demo_box is not None and "canbo" in " ".join(
            w.text() for w in window.demo_box.findChildren(type(window.unit_label))
        )
        assert "PHƯỜNG MẪU" in window.unit_label.text()
    finally:
        controller.shutdown()
        controller.sign_in.close()
        controller.app.close()


def test_a_real_install_without_a_unit_starts_the_wizard(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    controller = prepare(CliContext(data_dir=tmp_path), demo=False, kiosk=False, data_dir_given=True)
    assert not isinstance(controller, int)
    try:
        with qtbot.waitSignal(controller.store_ready, timeout=30000):
            pass
        assert controller.wizard is not None and controller.wizard.isVisible()
        assert not controller.sign_in.isVisible()
    finally:
        controller.shutdown()
        controller.wizard.close()
        controller.app.close()


def test_a_store_that_cannot_be_opened_is_reported_on_the_sign_in_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "counter.sqlite3").write_bytes(b"this is not a database")
    controller = prepare(CliContext(data_dir=blocked), demo=False, kiosk=False, data_dir_given=True)
    assert not isinstance(controller, int)
    try:
        with qtbot.waitSignal(controller.store_failed, timeout=30000) as failed:
            pass
        assert failed.args[0].startswith("Không mở được dữ liệu của quầy")
        assert controller.sign_in.error.text() == failed.args[0]
        assert not controller.sign_in.sign_in_button.isEnabled()
    finally:
        controller.shutdown()
        controller.sign_in.close()


def test_a_damaged_profile_is_reported_on_the_sign_in_screen_and_left_untouched(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = make_profile(tmp_path / "counter")
    corrupt(path, "zeroed page")
    before = digest(path)
    controller = prepare(CliContext(data_dir=path.parent), demo=False, kiosk=False, data_dir_given=True)
    assert not isinstance(controller, int)
    try:
        with qtbot.waitSignal(controller.store_failed, timeout=30000) as failed:
            pass
        assert "bị hỏng" in failed.args[0] and "counter-app restore" in failed.args[0]
        assert controller.sign_in.error.text() == failed.args[0]
        assert controller.app is None and controller.wizard is None
    finally:
        controller.shutdown()
        controller.sign_in.close()
    assert digest(path) == before


def test_the_kiosk_on_a_damaged_profile_exits_2_with_one_sentence(qapp: QApplication, tmp_path: Path) -> None:
    import io

    from counter_app.cli.main import main

    path = make_profile(tmp_path / "counter")
    corrupt(path, "truncated")
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(path.parent), "--lang", "en", "--kiosk"], out=out, err=err)
    assert code == 2
    assert err.getvalue().strip().splitlines() == [err.getvalue().strip()]
    assert "is damaged" in err.getvalue() and "Traceback" not in err.getvalue()
