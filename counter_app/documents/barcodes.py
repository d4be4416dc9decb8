"""Vector Code 128 and QR symbols of the dossier code, as flowables with their quiet zones built in."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

#: Narrowest bar (X dimension); 0.33 mm keeps the code readable on 203 dpi thermal heads and office printers.
MODULE = 0.33 * mm
#: Quiet zone each side of the Code 128 symbol, in modules.
QUIET_MODULES = 10
#: Smallest printed side of the QR symbol itself (its 4-module quiet zone comes on top).
QR_SYMBOL = 22 * mm
QR_QUIET_MODULES = 4


class LinearCode(Flowable):
    """Code 128 with the human-readable code beneath; `rotated` turns it 90° to run down a receipt roll."""

    def __init__(
        self,
        value: str,
        *,
        font: str,
        font_size: float,
        bar_height: float = 10 * mm,
        rotated: bool = False,
    ) -> None:
        super().__init__()
        self.value = value
        self.font = font
        self.font_size = font_size
        self.bar_height = bar_height
        self.rotated = rotated
        quiet = QUIET_MODULES * MODULE
        self.symbol = Code128(
            value, barWidth=MODULE, barHeight=bar_height, lquiet=quiet, rquiet=quiet, humanReadable=False
        )
        self.text_height = font_size * 1.25
        self.hAlign = "CENTER"

    @property
    def length(self) -> float:
        """Extent along the bars' run, quiet zones included."""
        return float(self.symbol.width)

    @property
    def depth(self) -> float:
        """Extent across the bars: bar height plus the human-readable line."""
        return self.bar_height + self.text_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.rotated:
            return self.depth, self.length
        return self.length, self.depth

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        if self.rotated:
            # Local x runs up the page; the human-readable line ends up on the right-hand side.
            canv.translate(self.depth, 0)
            canv.rotate(90)
        self.symbol.drawOn(canv, 0, self.text_height)
        canv.setFont(self.font, self.font_size)
        canv.drawCentredString(self.length / 2, self.font_size * 0.3, self.value)
        canv.restoreState()


class QrSymbol(Flowable):
    """A QR code (error correction M, 4-module quiet zone) whose dark symbol is at least `QR_SYMBOL` wide.

    Modules are drawn straight onto the canvas as filled rectangles (one per horizontal run).
    """

    def __init__(self, value: str, *, symbol_size: float = QR_SYMBOL) -> None:
        super().__init__()
        self.value = value
        encoder = QrCodeWidget(value, barLevel="M", barBorder=QR_QUIET_MODULES).qr
        encoder.make()
        self.modules: list[list[bool]] = [[bool(m) for m in row] for row in encoder.modules]
        count = len(self.modules)
        self.module = symbol_size / count
        self.size = self.module * (count + 2 * QR_QUIET_MODULES)
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        canv, m = self.canv, self.module
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        top = self.size - QR_QUIET_MODULES * m
        for r, row in enumerate(self.modules):
            y = top - (r + 1) * m
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                canv.rect((QR_QUIET_MODULES + start) * m, y, (c - start) * m, m, stroke=0, fill=1)
        canv.restoreState()
