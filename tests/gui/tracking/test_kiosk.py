"""The self-lookup kiosk: a masked name and no other personal data, idle return, and no way out without an admin."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
from conftest import T0, UNIT, move, receive_dossier
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.core.model import Status
from counter_app.gui.kiosk import KioskWindow, find_dossier_code


@pytest.fixture
def kiosk(qtbot: QtBot, counter_store, settings):
    window = KioskWindow(
        CounterApp(counter_store), settings, "vi", clock=lambda: datetime(2026, 11, 24, 10, 0), idle_ms=300
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window._unlocked = True  # let the test's teardown close it
    window.close()


def _texts(window: KioskWindow) -> str:
    return " ".join(label.text() for label in window.findChildren(QLabel) if label.isVisible())


def test_scanned_code_shows_progress_with_a_masked_name(
    qtbot: QtBot, kiosk: KioskWindow, counter_store
) -> None:
    d = move(
        counter_store,
        receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 26, 8, 0)),
        (Status.PROCESSING, T0),
    )
    assert kiosk.code.hasFocus() or kiosk.focusWidget() is kiosk.code
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000) as found:
        qtbot.keyClicks(kiosk.code, d.code)  # a wedge scanner types the code, then Enter
        qtbot.keyClick(kiosk.code, Qt.Key.Key_Return)
    assert found.args[0].masked_name == "Nguyễn V** Đ**"
    shown = _texts(kiosk)
    assert "Nguyễn V** Đ**" in shown
    assert kiosk.values["status"].text() == "Đang xử lý"
    assert kiosk.values["unit"].text() == UNIT
    assert kiosk.values["appointment"].text() == "08:00, thứ năm 26/11/2026"
    assert "Đang giải quyết, trong hạn" in kiosk.values["progress"].text()
    for private in ("Văn Đức", "001090012345", "Phố Huế", "0912345678"):
        assert private not in shown


def test_unknown_or_malformed_codes_get_a_sentence(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.look_up("xin chào")
    assert "không đúng định dạng" in kiosk.message.text()
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000) as found:
        kiosk.look_up("000.00.06.H56-261123-0199")
    assert found.args[0] is None and "Không tìm thấy" in kiosk.message.text()
    assert kiosk.stack.currentWidget() is kiosk.start_page


def test_qr_payload_with_more_than_the_code_is_accepted() -> None:
    assert find_dossier_code(" 000.00.06.H56-261123-0101\r") == "000.00.06.H56-261123-0101"
    assert (
        find_dossier_code("https://dichvucong.example/tra-cuu?ma=000.00.06.H56-261123-0101")
        == "000.00.06.H56-261123-0101"
    )
    assert find_dossier_code("0912345678") is None


def test_the_kiosk_returns_to_the_start_page_when_idle(
    qtbot: QtBot, kiosk: KioskWindow, counter_store
) -> None:
    d = receive_dossier(counter_store, "Lê Thị Chờ", datetime(2026, 11, 26, 8, 0))
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000):
        kiosk.look_up(d.code or "")
    assert kiosk.stack.currentWidget() is kiosk.result_page
    with qtbot.waitSignal(kiosk.returned_to_start, timeout=5000):
        pass  # nobody touches it for the idle time
    assert kiosk.stack.currentWidget() is kiosk.start_page and kiosk.code.text() == ""


def test_the_kiosk_cannot_be_left_without_an_administrator(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.close()  # what Alt+F4 asks for
    assert kiosk.isVisible() and not kiosk.is_unlocked
    dialog = kiosk.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.username, "canbo")  # a receiving officer is not enough
    qtbot.keyClicks(dialog.password, "motcua2026")
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        dialog.buttons.accepted.emit()
    assert kiosk.isVisible() and "Sai tài khoản" in dialog.error.text()
    dialog.reject()
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    dialog = kiosk.unlock_dialog
    assert dialog.isVisible()
    dialog.username.setText("quantri")
    dialog.password.setText("motcua2026")
    with qtbot.waitSignal(kiosk.unlocked, timeout=10000):
        dialog.buttons.accepted.emit()
    assert kiosk.is_unlocked and not kiosk.isVisible()


LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from counter_app.cli.context import CliContext
from counter_app.gui.kiosk import KioskWindow, launch_kiosk

ctx = CliContext(data_dir=Path(sys.argv[1]), lang="vi")

def leave():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow))
    window.close()  # refused: it asks for an administrator instead
    print("refused" if window.isVisible() and window.unlock_dialog.isVisible() else "closed")
    print("fullscreen" if window.isFullScreen() else "windowed")
    window.unlock_dialog.admin_verified.emit(None)  # as after a good administrator password

QTimer.singleShot(0, leave)
code = launch_kiosk(ctx)
ctx.close()
print("exit", code)
"""


def test_launch_kiosk_opens_full_screen_and_runs_until_an_administrator_leaves(counter_dir, tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(counter_dir)], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["refused", "fullscreen", "exit", "0"]
