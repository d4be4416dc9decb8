"""The intake right after a chip ID card was scanned, at 1366×768: docs/screenshots/<lang>-intake-card.png.

    python tools/card_screenshot.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a throw-away demo profile, on the fixed clock of tools/screenshots.py. The
card's QR text reaches the window as a USB scanner in keyboard mode sends it: key presses 4 ms apart, then Enter,
through the application-wide event filter, while the cursor is in the applicant's name; the picture shows what the
card filled, the line saying so and its undo button.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import DemoCounter, run, save, settle  # noqa: E402

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


def shoot(lang: str, out: Path, work: Path, app: QApplication, clock: object = None) -> None:
    counter = DemoCounter(app, lang, work)
    main = counter.sign_in_as("canbo")
    panel = counter.intake(main)
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
    counter.close()


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
