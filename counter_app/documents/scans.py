"""Digitised pages (JPEG images, one per page) assembled into one PDF/A-2b file, each page at its true paper size.

`img2pdf` embeds each JPEG as it is (no second compression, no loss) and sizes the page from the image's
resolution, so an A4 page photographed and corrected at 200 dpi prints as A4. pikepdf then makes the file PDF/A-2b
(ISO 19005-2, level B: the pages look the same in years to come): XMP metadata that names the part and level and
agrees with the document information, an sRGB output intent, a file identifier, no encryption. The pages are JPEG
images in DeviceGray (grey, black and white) or DeviceRGB (colour) and nothing else: no fonts, no transparency, no
actions. The files are written to PDF/A-2b's rules; the tests check them with pikepdf's PDF/A validator
(`pikepdf.pdfa`, a development dependency), not with veraPDF.

PDFs the officer brings (from the office scanner) are kept as they are: their fonts, transparency or colour may not
meet PDF/A and nothing here rewrites them, so a paper holding one of them is not claimed to be PDF/A (`merge`).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

import img2pdf

from ..core.calendar import VN_TZ

if TYPE_CHECKING:
    import pikepdf

CREATOR = "Quầy Một cửa"
#: The title of a digitised paper when the caller names none (the XMP dc:title and the document information).
DEFAULT_TITLE = "Giấy tờ số hóa"
#: The date written in the colour profile's header: fixed, so that the same pages always give the same bytes.
_PROFILE_DATE = (2026, 1, 1, 0, 0, 0)


def pdf_from_jpegs(
    pages: Sequence[bytes], dpi: int = 200, title: str = "", at: datetime | None = None
) -> bytes:
    """One PDF/A-2b file holding `pages` in order; every page is `dpi` pixels to the inch.

    `at` is when the paper was digitised (the caller's clock; naive times are Vietnam's local time): it becomes the
    creation and modification date of both the document information and the XMP metadata. Without it no date is
    written (PDF/A does not require one); the wall clock is never read, so the same pages and arguments always give
    the same bytes.
    """
    import pikepdf

    if not pages:
        raise ValueError("a scan needs at least one page")
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    # nodate: img2pdf would otherwise date the file with the wall clock; the dates are written below instead
    plain = img2pdf.convert(list(pages), layout_fun=layout, nodate=True)
    assert isinstance(plain, bytes)
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        _declare_pdfa(pdf, title or DEFAULT_TITLE, at)
        out = io.BytesIO()
        # deterministic_id: the trailer's /ID (required by PDF/A) is a digest of the content, not of the time
        pdf.save(out, min_version="1.7", deterministic_id=True)
    return out.getvalue()


def _declare_pdfa(pdf: pikepdf.Pdf, title: str, at: datetime | None) -> None:
    """Add what PDF/A-2b asks of a file made only of JPEG image pages: the output intent and the metadata."""
    import pikepdf
    from pikepdf.models.metadata import encode_pdf_date

    # ISO 19005-2, 6.2.4.3: DeviceRGB may be used only with a PDF/A output intent whose profile is RGB; DeviceGray
    # may be used whenever a PDF/A output intent is present (of any colour space) or DefaultGray is set. So one sRGB
    # output intent covers both the grey pages (DeviceGray) and colour ones (DeviceRGB). 6.2.3: the output profile's
    # device class is "mntr" or "prtr" and /N matches its colour space (3 for RGB).
    profile = pdf.make_stream(srgb_profile(), N=3, Alternate=pikepdf.Name.DeviceRGB)
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier="sRGB IEC61966-2.1",
        Info="sRGB IEC61966-2.1",
        RegistryName="http://www.color.org",
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])

    # Each entry of the document information has its equivalent in the XMP metadata with the same value (Title =
    # dc:title, Creator = xmp:CreatorTool, Producer = pdf:Producer, CreationDate = xmp:CreateDate, ModDate =
    # xmp:ModifyDate: the rule of ISO 19005-1, 6.7.3, kept here for part 2 so that every reader shows the same).
    # Both are written from the same values; pikepdf is told neither to add its own entries (it would date them
    # with the wall clock) nor to copy one into the other. Dates carry their time zone, so no reader has to guess.
    producer = f"img2pdf {img2pdf.__version__}; pikepdf {pikepdf.__version__}"
    info = pikepdf.Dictionary(Title=title, Creator=CREATOR, Producer=producer)
    moment = None if at is None else (at if at.utcoffset() is not None else at.replace(tzinfo=VN_TZ))
    if moment is not None:
        info.CreationDate = encode_pdf_date(moment)  # "D:20261203093000+07'00"
        info.ModDate = info.CreationDate
    pdf.trailer.Info = pdf.make_indirect(info)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["dc:title"] = title
        meta["xmp:CreatorTool"] = CREATOR
        meta["pdf:Producer"] = producer
        if moment is not None:
            meta["xmp:CreateDate"] = moment.isoformat()
            meta["xmp:ModifyDate"] = moment.isoformat()


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The sRGB ICC profile (built by Little CMS through Pillow, about 600 bytes) with a fixed header date."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # ICC.1 7.2.8: bytes 24-35 hold the profile's creation date and time, which Little CMS takes from the clock.
    # The profile ID (bytes 84-99) is left zero by Little CMS, so no checksum covers the header.
    data[24:36] = struct.pack(">6H", *_PROFILE_DATE)
    return bytes(data)


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
    """PDFs (each already checked with `pdf_pages`) joined into one, in order; returns it and its page count.

    A single part is returned as it is. Joined parts keep their pages but not their metadata or output intent, so
    the result is not PDF/A even when every part was: pages taken only from photographs are made into one file by
    `pdf_from_jpegs` instead, and a PDF brought by the officer is never rewritten to look like PDF/A.
    """
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
