"""Digitised pages made into PDF/A-2b (`documents.scans.pdf_from_jpegs`): checked by pikepdf's PDF/A validator and,
independently of it, by reading the file's structure back (metadata, output intent, identifier, images, dates);
the dates come from the caller's clock, never the wall clock; officers' own PDFs are kept as they are."""

from __future__ import annotations

import io
import struct
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import cv2
import numpy as np
import pikepdf
import pikepdf.pdfa
import pytest
import time_machine
from pikepdf.models.metadata import decode_pdf_date
from PIL import ImageCms

from counter_app.app import CounterApp, digitise
from counter_app.devices.page_samples import photograph
from counter_app.devices.page_scan import correct_page, detect_page, encode_jpeg
from counter_app.documents import scans
from counter_app.storage.store import CounterStore

VN = timezone(timedelta(hours=7))
AT = datetime(2026, 12, 3, 9, 30, 15)  # naive: the counter's local time (Vietnam)


@pytest.fixture(scope="module")
def grey_page() -> bytes:
    """A photographed A4 page found, flattened and cleaned at 200 dpi, in grey (the camera's usual page)."""
    photo = photograph(11, turn_degrees=6, shadow=0.4, blur=3, noise=8)
    return encode_jpeg(correct_page(photo.frame, detect_page(photo.frame)))


@pytest.fixture(scope="module")
def colour_page() -> bytes:
    page = np.full((1170, 827, 3), 245, dtype=np.uint8)  # A4 at 100 dpi
    page[100:160, 80:700] = (40, 40, 200)  # a red stamp (BGR)
    return encode_jpeg(page)


def findings(data: bytes) -> list[str]:
    """What pikepdf's PDF/A-2b validator holds against the file (empty when it approves it)."""
    report = pikepdf.pdfa.validate_written(io.BytesIO(data), "2b")
    return [str(f) for f in report.findings]


def read_metadata(pdf: pikepdf.Pdf) -> dict[str, str]:
    keys = ("pdfaid:part", "pdfaid:conformance", "dc:title", "xmp:CreatorTool", "pdf:Producer")
    dates = ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        return {k: str(meta[k]) for k in keys + dates if k in meta}


def assert_pdfa_structure(data: bytes, *, title: str, at: datetime | None, pages: list[bytes]) -> None:
    """The rules of PDF/A-2b this kind of file must meet, read back from the bytes."""
    # 6.1.2: the header, then a comment of at least four bytes above 127 (marks the file as binary)
    first, second = data.split(b"\n")[:2]
    assert first == b"%PDF-1.7"
    assert second.startswith(b"%") and sum(b > 127 for b in second) >= 4
    with pikepdf.open(io.BytesIO(data)) as pdf:
        # 6.1.3: an identifier of two 16-byte strings, no encryption
        ids = pdf.trailer.ID
        assert len(ids) == 2 and all(len(bytes(i)) == 16 for i in ids)
        assert "/Encrypt" not in pdf.trailer and not pdf.is_encrypted

        # 6.6.2 and 6.6.4: the XMP metadata names the part and level; the title and tools are the same as the
        # document information's
        meta = read_metadata(pdf)
        info = pdf.docinfo
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(info.Title) == title
        assert meta["xmp:CreatorTool"] == str(info.Creator) == "Quầy Một cửa"
        assert meta["pdf:Producer"] == str(info.Producer)
        assert "xmp:MetadataDate" not in meta
        if at is None:
            assert not {"xmp:CreateDate", "xmp:ModifyDate"} & meta.keys()
            assert "/CreationDate" not in info and "/ModDate" not in info
        else:
            for xmp_key, info_key in (("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")):
                in_xmp = datetime.fromisoformat(meta[xmp_key])
                assert in_xmp.utcoffset() is not None  # zoned, so no reader guesses the time zone
                assert decode_pdf_date(str(info[info_key])) == in_xmp == at
        assert pdf.Root.Metadata.Subtype == "/XML" and "/Filter" not in pdf.Root.Metadata

        # 6.2.3: one PDF/A output intent whose profile is a monitor RGB profile with /N 3
        [intent] = pdf.Root.OutputIntents
        assert intent.Type == "/OutputIntent" and intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3
        icc = profile.read_bytes()
        assert struct.unpack(">I", icc[:4])[0] == len(icc) < 4096  # a few hundred bytes
        assert (
            icc[36:40] == b"acsp"
            and icc[12:16] == b"mntr"
            and icc[16:20] == b"RGB "
            and icc[20:24] == b"XYZ "
        )
        assert 2 <= icc[8] <= 4  # ICC version 4 at most (ICC.1:2004-10 is the one PDF/A-2 names)
        assert icc[84:100] == bytes(16)  # no profile ID, so the fixed header date needs no checksum
        assert (
            ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()
            == "sRGB built-in"
        )

        # 6.6.1: no actions or JavaScript; 6.4: nothing transparent; 6.2.8: images as they were taken
        assert not {"/OpenAction", "/AA", "/Names", "/AcroForm"} & set(pdf.Root.keys())
        assert len(pdf.pages) == len(pages)
        for page, jpeg in zip(pdf.pages, pages, strict=True):
            assert not {"/AA", "/Annots", "/Group"} & set(page.obj.keys())
            [(_, image)] = page.get_images().items()
            assert image.Filter == "/DCTDecode" and image.ColorSpace in ("/DeviceGray", "/DeviceRGB")
            assert "/SMask" not in image and "/Mask" not in image and not image.get("/Interpolate", False)
            assert image.read_raw_bytes() == jpeg  # embedded as it is, no second compression
            assert "/ExtGState" not in page.Resources


def test_grey_and_colour_pages_make_a_pdfa_2b_file_the_validator_approves(
    grey_page: bytes, colour_page: bytes
) -> None:
    data = scans.pdf_from_jpegs([grey_page, colour_page], title="Giấy chứng sinh", at=AT)
    assert findings(data) == []
    assert_pdfa_structure(
        data, title="Giấy chứng sinh", at=AT.replace(tzinfo=VN), pages=[grey_page, colour_page]
    )
    with pikepdf.open(io.BytesIO(data)) as pdf:
        spaces = [next(iter(p.get_images().values())).ColorSpace for p in pdf.pages]
        assert spaces == ["/DeviceGray", "/DeviceRGB"]  # grey pages are allowed beside the RGB output intent


def test_a_page_without_a_title_or_a_time_is_still_pdfa_and_carries_no_date(grey_page: bytes) -> None:
    data = scans.pdf_from_jpegs([grey_page])
    assert findings(data) == []
    assert_pdfa_structure(data, title=scans.DEFAULT_TITLE, at=None, pages=[grey_page])


def test_an_aware_time_keeps_its_zone_and_a_naive_one_is_vietnam_time(grey_page: bytes) -> None:
    utc = datetime(2026, 12, 3, 2, 30, 15, tzinfo=UTC)
    from_utc = scans.pdf_from_jpegs([grey_page], at=utc)
    assert_pdfa_structure(from_utc, title=scans.DEFAULT_TITLE, at=utc, pages=[grey_page])
    with pikepdf.open(io.BytesIO(from_utc)) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20261203023015")
    naive = scans.pdf_from_jpegs([grey_page], at=AT)
    with pikepdf.open(io.BytesIO(naive)) as pdf:
        assert read_metadata(pdf)["xmp:CreateDate"] == "2026-12-03T09:30:15+07:00"


def test_the_wall_clock_is_never_read_so_the_same_pages_give_the_same_bytes(grey_page: bytes) -> None:
    made = []
    for moment in (datetime(2027, 1, 5, 8, 0, tzinfo=UTC), datetime(2031, 6, 1, 17, 45, tzinfo=UTC)):
        with time_machine.travel(moment, tick=False):
            scans.srgb_profile.cache_clear()  # the profile too is made again under the other clock
            made.append((scans.pdf_from_jpegs([grey_page]), scans.pdf_from_jpegs([grey_page], at=AT)))
    assert made[0] == made[1]
    assert made[0][0] != made[0][1]  # the time given is what changes the file
    assert scans.srgb_profile()[24:36] == struct.pack(">6H", 2026, 1, 1, 0, 0, 0)


def test_a_corrected_a4_grey_page_stays_under_200_kb_with_the_profile_and_metadata(grey_page: bytes) -> None:
    data = scans.pdf_from_jpegs([grey_page], title="Tờ khai", at=AT)
    assert len(data) <= 200 * 1024, len(data)
    assert len(data) - len(grey_page) <= 4 * 1024, len(data) - len(grey_page)  # the PDF/A part costs a few KB
    with pikepdf.open(io.BytesIO(data)) as pdf:
        box = [round(float(v)) for v in pdf.pages[0].MediaBox]
        assert box == [0, 0, 595, 842]  # A4 in points


def test_the_validator_refuses_a_plain_image_pdf_and_a_join_of_pdfa_files(grey_page: bytes) -> None:
    import img2pdf

    plain = img2pdf.convert([grey_page], nodate=True)
    assert any("OutputIntent" in f or "Metadata" in f or "metadata" in f for f in findings(plain))
    one = scans.pdf_from_jpegs([grey_page], at=AT)
    joined, pages = scans.merge([one, one])
    assert pages == 2 and findings(joined) != []  # joining keeps pages, not the PDF/A declaration


def test_an_officers_pdf_is_kept_as_it_is(tmp_path: Path) -> None:
    brought = pikepdf.new()
    brought.add_blank_page(page_size=(595, 842))
    buffer = io.BytesIO()
    brought.save(buffer)
    data = buffer.getvalue()
    assert scans.merge([data]) == (data, 1)
    path = tmp_path / "may-quet.pdf"
    path.write_bytes(data)
    assert digitise.make_paper([path], AT) == digitise.Paper(data, 1)


def _photo_file(path: Path, seed: int) -> Path:
    cv2.imwrite(str(path), photograph(seed, turn_degrees=8).frame)
    return path


def test_photographs_picked_from_files_become_one_pdfa_file_but_a_mix_with_a_pdf_is_joined(
    tmp_path: Path,
) -> None:
    photos = [_photo_file(tmp_path / f"trang-{i}.jpg", seed) for i, seed in enumerate((3, 4))]
    paper = digitise.make_paper(photos, AT)
    assert paper.pages == 2 and findings(paper.data) == []
    with pikepdf.open(io.BytesIO(paper.data)) as pdf:
        assert read_metadata(pdf)["xmp:CreateDate"] == "2026-12-03T09:30:15+07:00"

    brought = pikepdf.new()
    brought.add_blank_page(page_size=(595, 842))
    scanner = tmp_path / "may-quet.pdf"
    brought.save(scanner)
    mixed = digitise.make_paper([scanner, photos[0]], AT)
    assert mixed.pages == 2
    with pikepdf.open(io.BytesIO(mixed.data)) as pdf:
        assert "/OutputIntents" not in pdf.Root  # not claimed to be PDF/A
        assert read_metadata(pdf).get("pdfaid:part") is None


def test_the_cameras_pages_kept_at_intake_are_dated_by_the_counters_clock(
    store: CounterStore, grey_page: bytes
) -> None:
    app = CounterApp(store, clock=lambda: datetime(2026, 11, 30, 10, 15, 0, 400_000))
    officer = store.accounts.get("canbo")
    prepared = digitise.prepare_captured(app, officer, 1, [grey_page, grey_page]).value
    data = store.attachments.files.get(prepared.sha256)
    assert findings(data) == []
    assert_pdfa_structure(
        data, title=scans.DEFAULT_TITLE, at=datetime(2026, 11, 30, 10, 15, tzinfo=VN), pages=[grey_page] * 2
    )
