"""Digitised pages (JPEG images, one per page) assembled into one PDF, each page at its true paper size.

`img2pdf` embeds each JPEG as it is (no second compression, no loss) and sizes the page from the image's
resolution, so an A4 page photographed and corrected at 200 dpi prints as A4.
"""

from __future__ import annotations

import io
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


class ScanFileError(ValueError):
    """A file that cannot become part of a digitised paper: `reason` is "pdf_damaged" or "pdf_encrypted"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF has; `ScanFileError` for a damaged or password-protected one."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise ScanFileError("pdf_encrypted") from exc
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise ScanFileError("pdf_damaged") from exc


def merge(parts: Sequence[bytes]) -> tuple[bytes, int]:
    """PDFs (each already checked with `pdf_pages`) joined into one, in order; returns it and its page count."""
    import pikepdf

    if len(parts) == 1:
        return parts[0], pdf_pages(parts[0])
    out = pikepdf.new()
    sources = []
    try:
        for part in parts:
            source = pikepdf.open(io.BytesIO(part))
            sources.append(source)
            out.pages.extend(source.pages)
        buffer = io.BytesIO()
        out.save(buffer)
        return buffer.getvalue(), len(out.pages)
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise ScanFileError("pdf_damaged") from exc
    finally:
        for source in sources:
            source.close()
        out.close()
