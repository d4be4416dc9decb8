"""Digitised pages (JPEG images, one per page) assembled into one PDF, each page at its true paper size.

`img2pdf` embeds each JPEG as it is (no second compression, no loss) and sizes the page from the image's
resolution, so an A4 page photographed and corrected at 200 dpi prints as A4.
"""

from __future__ import annotations

from collections.abc import Sequence

import img2pdf


def pdf_from_jpegs(pages: Sequence[bytes], dpi: int = 200, title: str = "") -> bytes:
    """One PDF holding `pages` in order; every page is `dpi` pixels to the inch."""
    if not pages:
        raise ValueError("a scan needs at least one page")
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    data = img2pdf.convert(list(pages), layout_fun=layout, title=title or None, creator="Quầy Một cửa")
    assert isinstance(data, bytes)
    return data
