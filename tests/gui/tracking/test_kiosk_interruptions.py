"""The kiosk while a result is shown: the next scan replaces it at once, the way back to the start page counts down
visibly on the clock, and `--lang` chooses the kiosk's language over the saved one."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import receive_dossier
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.gui.kiosk import KioskWindow
from counter_app.gui.launcher import interface_language
from counter_app.settings import CounterSettings

ROOT = Path(__file__).resolve().parents[3]


class Scanner:
    """A USB scanner in keyboard mode: key presses 4 ms apart (their own timestamps) to the focused widget, then
    Enter."""

    def __init__(self) -> None:
        self.clock_ms = 900_000

    def scan(self, text: str) -> None:
        self.clock_ms += 2_000
        for ch in text + "\r":
            self.clock_ms += 4
            target = QApplication.focusWidget()
            assert target is not None, "nothing has keyboard focus"
            key = int(Qt.Key.Key_Return) if ch == "\r" else ord(ch.upper())
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
                event.setTimestamp(self.clock_ms)
                QCoreApplication.sendEvent(target, event)


@pytest.fixture
def kiosk(qtbot: QtBot, counter_store, settings) -> Iterator[KioskWindow]:
    window = KioskWindow(
        CounterApp(counter_store), settings, "vi", clock=lambda: datetime(2026, 11, 24, 10, 0)
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window._unlocked = True  # let the test's teardown close it
    window.close()


def _look_up(qtbot: QtBot, kiosk: KioskWindow, code: str) -> None:
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000):
        kiosk.look_up(code)
    assert kiosk.stack.currentWidget() is kiosk.result_page


def test_a_scan_while_a_result_is_shown_replaces_it_at_once(
    qtbot: QtBot, kiosk: KioskWindow, counter_store
) -> None:
    first = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 23, 8, 0))
    second = receive_dossier(counter_store, "Trần Thị Bình", datetime(2026, 11, 23, 9, 0))
    _look_up(qtbot, kiosk, first.code or "")
    assert kiosk.values["code"].text() == first.code
    assert QApplication.focusWidget() is kiosk.back_button  # the result page has no field to type into
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000) as found:
        Scanner().scan(second.code or "")
        assert kiosk.result is None  # the first citizen's result is gone with the first key
        assert kiosk.stack.currentWidget() is kiosk.start_page and kiosk.code.text() == second.code
    assert found.args[0].code == second.code
    assert kiosk.stack.currentWidget() is kiosk.result_page
    assert kiosk.values["code"].text() == second.code and kiosk.values["name"].text() == "Trần T** B**"


def test_an_unknown_scan_on_the_result_page_says_so_instead_of_keeping_the_old_result(
    qtbot: QtBot, kiosk: KioskWindow, counter_store
) -> None:
    first = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 23, 8, 0))
    _look_up(qtbot, kiosk, first.code or "")
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000) as found:
        Scanner().scan("000.00.06.H56-261123-0999")
    assert found.args[0] is None
    assert kiosk.stack.currentWidget() is kiosk.start_page and "Không tìm thấy" in kiosk.message.text()


def test_the_unlock_dialog_keeps_its_keys(qtbot: QtBot, kiosk: KioskWindow, counter_store) -> None:
    first = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 23, 8, 0))
    _look_up(qtbot, kiosk, first.code or "")
    kiosk.ask_unlock()
    dialog = kiosk.unlock_dialog
    dialog.activateWindow()
    dialog.username.setFocus()
    qtbot.waitUntil(dialog.username.hasFocus, timeout=5000)
    qtbot.keyClicks(dialog.username, "quantri")
    assert dialog.username.text() == "quantri"
    assert kiosk.stack.currentWidget() is kiosk.result_page
    dialog.reject()


def test_the_way_back_counts_down_second_by_second(
    qtbot: QtBot, kiosk: KioskWindow, counter_store, clock
) -> None:
    d = receive_dossier(counter_store, "Lê Thị Chờ", datetime(2026, 11, 23, 8, 0))
    clock.move_to(datetime(2026, 11, 30, 9, 0), tick=False)  # the countdown's clock stands still until moved
    _look_up(qtbot, kiosk, d.code or "")
    hint = kiosk.idle_hint
    assert hint.isVisible() and hint.text() == "Màn hình sẽ tự quay về trang đầu sau <b>30</b> giây."
    seen: list[int] = []
    kiosk.countdown_changed.connect(seen.append)
    clock.shift(timedelta(seconds=1))
    qtbot.waitUntil(lambda: "<b>29</b>" in hint.text(), timeout=5000)
    clock.shift(timedelta(milliseconds=500))
    qtbot.wait(kiosk.idle_timer.interval() * 2)
    assert "<b>29</b>" in hint.text()  # 28.5 seconds left: still 29 shown
    clock.shift(timedelta(milliseconds=600))
    qtbot.waitUntil(lambda: "<b>28</b>" in hint.text(), timeout=5000)
    assert seen == [29, 28]

    qtbot.mouseClick(kiosk.result_page, Qt.MouseButton.LeftButton)  # someone is still reading: from 30 again
    assert "<b>30</b>" in hint.text()
    clock.shift(timedelta(seconds=29))
    qtbot.waitUntil(lambda: "<b>1</b>" in hint.text(), timeout=5000)
    assert kiosk.stack.currentWidget() is kiosk.result_page
    with qtbot.waitSignal(kiosk.returned_to_start, timeout=5000):
        clock.shift(timedelta(seconds=1))
    assert kiosk.stack.currentWidget() is kiosk.start_page and kiosk.code.text() == ""


def test_lang_on_the_command_line_wins_over_the_saved_language(settings: CounterSettings) -> None:
    assert interface_language(settings, "en", lang_given=False) == "en"  # nothing saved: the environment's
    settings.language = "en"
    assert interface_language(settings, "vi", lang_given=False) == "en"  # saved in Settings
    assert interface_language(settings, "vi", lang_given=True) == "vi"  # --lang vi


LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import counter_app.gui.app
from counter_app.cli.main import main
from counter_app.gui.kiosk import KioskWindow

catalogue = Path(sys.argv[2])  # the English catalogue compiled for this test from the .ts
counter_app.gui.app.translations_dir = lambda: catalogue

def leave():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow))
    print(window.ui.startTitle.text())
    window._unlocked = True
    window.close()

QTimer.singleShot(0, leave)
sys.exit(main(["--data-dir", sys.argv[1], *sys.argv[3:], "--kiosk"]))
"""


def _kiosk_title(counter_dir: Path, catalogue: Path, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    env.pop("COUNTER_APP_LANG", None)
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(counter_dir), str(catalogue), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_kiosk_opens_in_the_language_given_with_lang(
    counter_dir: Path, settings: CounterSettings, tmp_path: Path
) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import build_translations

    catalogue = tmp_path / "translations"
    build_translations.compile_ts(build_translations.ts_path("en"), catalogue / "counter_app_en.qm")
    settings.language = "en"
    settings.sync()
    assert _kiosk_title(counter_dir, catalogue) == "CHECK YOUR DOSSIER"  # the saved language
    assert _kiosk_title(counter_dir, catalogue, "--lang", "vi") == "TRA CỨU TÌNH TRẠNG HỒ SƠ"
