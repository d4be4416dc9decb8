"""The intake right after a chip ID card was scanned, at 1366×768: docs/screenshots/<lang>-intake-card.png.

    python tools/card_screenshot.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a throw-away demo profile, on the fixed clock of tools/screenshots.py. The
card's QR text reaches the window as a USB scanner in keyboard mode sends it: key presses 4 ms apart, then Enter,
through the application-wide event filter, while the cursor is in the applicant's name; the picture shows what the
card filled, the line saying so and its undo button.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SHOT_TIME, SIZE, save, settle  # noqa: E402

#: A made-up citizen's card, in the layout of the chip ID card's QR code.
CARD = "001190012345|013456789|Phạm Thị Thu Hương|14071990|Nữ|Số 8 ngõ 25 phố Hàng Gà, phường Hoàn Kiếm, Hà Nội|10082021"


def scan(text: str, start_ms: int, gap_ms: int = 4) -> None:
    """`text` and Enter typed into the focused widget as a scanner in keyboard mode types them."""
    now = start_ms
    for ch in (*text, "\r"):
        now += gap_ms
        key = (
            int(Qt.Key.Key_Return)
            if ch == "\r"
            else ord(ch.upper())
            if ord(ch) < 128
            else int(Qt.Key.Key_unknown)
        )
        mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            target = QApplication.focusWidget()
            assert target is not None, "nothing has keyboard focus"
            event = QKeyEvent(kind, key, mods, ch)
            event.setTimestamp(now)
            QCoreApplication.sendEvent(target, event)


def shoot(lang: str, out: Path, work: Path, app: QApplication) -> None:
    import build_translations

    from counter_app.app import CounterApp
    from counter_app.gui.app import install_translators, remove_translators
    from counter_app.gui.controller import CounterController
    from counter_app.settings import CounterSettings
    from counter_app.storage.demo import ensure_demo_profile
    from counter_app.storage.store import CounterStore

    translators = []
    if lang == "en":
        qm = build_translations.compile_ts(build_translations.ts_path("en"), work / "counter_app_en.qm")
        translators = install_translators(app, "en", qm.parent)
    data = work / f"data-{lang}"
    store = CounterStore(data)
    ensure_demo_profile(store)
    controller = CounterController(CounterApp(store), CounterSettings.for_data_dir(data), lang, demo=True)
    controller.start()
    sign_in = controller.sign_in
    assert sign_in is not None
    sign_in.username.setText("canbo")
    sign_in.password.setText("motcua2026")
    sign_in.sign_in_button.click()
    settle(app, lambda: controller.main_window is not None)
    main = controller.main_window
    assert main is not None
    main.resize(*SIZE)
    main.show_panel("intake")
    panel = main.panel("intake")
    settle(app, lambda: panel.picker.model.rowCount() > 0)
    panel.picker.search.setText("khai sinh")
    panel.picker._on_search_return()
    name = panel.applicant.applicant.editors["name"]
    main.activateWindow()
    name.setFocus()
    settle(app, name.hasFocus)
    scan(CARD, start_ms=1_000_000)
    settle(app)
    assert name.text() == "Phạm Thị Thu Hương", name.text()
    save(main, out / f"{lang}-intake-card.png")
    controller.shutdown()
    sign_in.close()
    store.close()
    remove_translators(app, translators)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["vi", "en"], choices=["vi", "en"])
    args = parser.parse_args(argv)
    from counter_app.gui.app import ensure_application

    app = ensure_application()
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        time_machine.travel(SHOT_TIME, tick=True),
        tempfile.TemporaryDirectory(prefix="counter-shots-") as work,
    ):
        for lang in args.lang:
            shoot(lang, args.out, Path(work), app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
