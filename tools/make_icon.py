"""Draws the application icon: resources/icons/app.svg, and from it app.png (256 px) and app.ico (16–256 px).

The icon is a red tile with the letters "MC" (Một cửa) drawn as strokes above a golden reception counter;
shapes only, no text, so it looks the same whatever fonts a machine has. Run from the repository root:
`.venv/bin/python tools/make_icon.py`.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Quầy Một cửa</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="#C62828"/>
  <g fill="none" stroke="#FFFFFF" stroke-width="22" stroke-linecap="round" stroke-linejoin="round">
    <path d="M 46 142 L 46 60 L 86 108 L 126 60 L 126 142"/>
    <path d="M 210 74 A 42 42 0 1 0 210 128"/>
  </g>
  <rect x="30" y="164" width="196" height="20" rx="6" fill="#FFCA28"/>
  <rect x="46" y="184" width="164" height="42" rx="4" fill="#FFE082"/>
  <rect x="120" y="184" width="16" height="42" fill="#C62828" opacity="0.35"/>
</svg>
"""


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG rasterised by Qt at `size`×`size` pixels, as PNG bytes (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt paints only while an application exists)

    ICONS.mkdir(parents=True, exist_ok=True)
    svg = SVG.encode("utf-8")
    (ICONS / "app.svg").write_bytes(svg)
    (ICONS / "app.png").write_bytes(render_png(svg, 256))
    # Each ICO size is drawn from the vector, not scaled down from 256 px, so small sizes stay crisp.
    frames = [Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA") for size in ICO_SIZES]
    frames[-1].save(ICONS / "app.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    for name in ("app.svg", "app.png", "app.ico"):
        print(ICONS / name, (ICONS / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
