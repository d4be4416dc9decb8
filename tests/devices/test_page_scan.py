"""Photographed pages made into scans: a rendered page (text, a QR code in its top-left corner) warped onto a wood
desk at several angles, with shadow, blur and noise; the corners found within 2 % of the page's diagonal, and the
corrected page's QR code decodable, upright and in its corner. Then `counter-app scan-page`."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from pypdf import PdfReader

from counter_app.devices.page_samples import PAGE_PX, QR_TEXT, empty_desk, photograph, png_header_only
from counter_app.devices.page_scan import (
    PageCorners,
    PhotoError,
    correct_page,
    detect_page,
    encode_jpeg,
    page_size,
    read_photo,
    steady,
)
from counter_app.documents.scans import pdf_from_jpegs

#: (seed, turn on the desk in degrees, camera tilt in degrees, shadow, blur kernel, noise σ)
PHOTOS = [
    (0, 0.0, 0.0, 0.0, 0, 0.0),
    (1, 8.0, 15.0, 0.35, 3, 6.0),
    (2, -15.0, 25.0, 0.45, 5, 8.0),
    (3, 25.0, 10.0, 0.30, 3, 10.0),
    (4, -32.0, 30.0, 0.40, 5, 6.0),
    (5, 40.0, 20.0, 0.25, 3, 6.0),
]


def page_diagonal(corners: np.ndarray) -> float:
    return float(max(np.linalg.norm(corners[2] - corners[0]), np.linalg.norm(corners[3] - corners[1])))


@pytest.mark.parametrize(("seed", "turn", "tilt", "shadow", "blur", "noise"), PHOTOS)
def test_the_page_is_found_flattened_and_its_qr_code_read_upright_in_its_corner(
    seed: int, turn: float, tilt: float, shadow: float, blur: int, noise: float
) -> None:
    photo = photograph(seed, turn_degrees=turn, tilt_degrees=tilt, shadow=shadow, blur=blur, noise=noise)
    corners = detect_page(photo.frame)
    assert corners.found
    error = np.linalg.norm(np.array(corners.points) - photo.corners, axis=1).max()
    assert error <= 0.02 * page_diagonal(photo.corners), (error, corners.points, photo.corners.tolist())

    flat = correct_page(photo.frame, corners)
    assert flat.shape == (2339, 1654)  # an A4 page, portrait, at 200 dpi
    symbols = [s for s in zxingcpp.read_barcodes(flat) if s.format == zxingcpp.BarcodeFormat.QRCode]
    assert [s.text for s in symbols] == [QR_TEXT]
    qr = symbols[0]
    assert qr.orientation == pytest.approx(0, abs=3)  # upright
    top_left = qr.position.top_left
    assert top_left.x < flat.shape[1] * 0.25 and top_left.y < flat.shape[0] * 0.2  # in its corner


def test_a_frame_without_a_page_keeps_the_whole_frame() -> None:
    frame = empty_desk(7)
    corners = detect_page(frame)
    assert not corners.found
    assert corners.as_lists() == [[0, 0], [1919, 0], [1919, 1079], [0, 1079]]
    assert correct_page(frame, corners).shape == (1080, 1920)


def test_a_corrected_a4_page_in_grey_stays_under_200_kb_in_the_pdf_and_keeps_its_text() -> None:
    photo = photograph(11, turn_degrees=6, shadow=0.4, blur=3, noise=8)
    flat = correct_page(photo.frame, detect_page(photo.frame))
    pdf = pdf_from_jpegs([encode_jpeg(flat)])
    assert len(pdf) <= 200 * 1024, len(pdf)
    page = PdfReader(__import__("io").BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
        595,
        842,
    )  # A4 in points
    # the text survived: the rendered page's dark strokes are still there, sharp (most ink pixels nearly black)
    back = cv2.imdecode(np.frombuffer(encode_jpeg(flat), np.uint8), cv2.IMREAD_GRAYSCALE)
    ink = back < 128
    assert 0.02 < ink.mean() < 0.25
    assert np.median(back[ink]) < 70
    # and the paper is white, not grey
    assert np.median(back) >= 250


def test_black_and_white_pages_hold_two_levels() -> None:
    photo = photograph(12, turn_degrees=-4)
    flat = correct_page(photo.frame, detect_page(photo.frame), mode="bw")
    assert set(np.unique(flat).tolist()) <= {0, 255}


def test_proportions_snap_to_the_paper_and_otherwise_stay_as_measured() -> None:
    w, h = PAGE_PX
    a4 = PageCorners(((0, 0), (w, 0), (w, h), (0, h)), True)
    assert page_size(a4, 200)[2] == "A4"
    assert page_size(PageCorners(((0, 0), (h, 0), (h, w), (0, w)), True), 200) == (2339, 1654, "A4")
    square = PageCorners(((0, 0), (500, 0), (500, 500), (0, 500)), True)
    assert page_size(square, 200) == (2339, 2339, "")


def test_a_still_is_taken_only_once_the_corners_stop_moving() -> None:
    a = np.array([[10, 10], [200, 12], [205, 300], [8, 298]], dtype=float)
    assert not steady(None, a)
    assert steady(a, a + 2)
    assert not steady(a, a + np.array([[0, 0], [0, 0], [9, 0], [0, 0]]))


def test_bad_photographs_are_refused_before_they_are_decoded(tmp_path: Path) -> None:
    huge = png_header_only(tmp_path / "huge.png", 20000, 20000)
    with pytest.raises(PhotoError) as too_large:
        read_photo(huge)
    assert too_large.value.code == "image.too_large"
    (tmp_path / "note.png").write_text("not an image", encoding="utf-8")
    cut = tmp_path / "cut.jpg"
    ok, data = cv2.imencode(".jpg", photograph(1).frame)
    cut.write_bytes(data.tobytes()[:400])
    for bad in (tmp_path / "note.png", tmp_path / "missing.jpg", cut):
        with pytest.raises(PhotoError) as unreadable:
            read_photo(bad)
        assert unreadable.value.code == "image.unreadable"


def test_scan_page_writes_one_pdf_page_per_image_and_says_what_it_found(cli, tmp_path: Path) -> None:
    first, second = tmp_path / "trang-1.jpg", tmp_path / "ban.png"
    cv2.imwrite(str(first), photograph(3, turn_degrees=12).frame)
    cv2.imwrite(str(second), empty_desk(2))
    out = tmp_path / "ho-so.pdf"
    result = cli("scan-page", str(first), str(second), "-o", str(out), "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert [p["found"] for p in report["pages"]] == [True, False]
    assert [p["file"] for p in report["pages"]] == [str(first), str(second)]
    assert all(len(p["corners"]) == 4 and all(len(xy) == 2 for xy in p["corners"]) for p in report["pages"])
    assert report["bytes"] == out.stat().st_size
    assert len(PdfReader(str(out)).pages) == 2


def test_scan_page_refuses_a_bad_image_in_one_sentence_and_writes_nothing(cli, tmp_path: Path) -> None:
    good = tmp_path / "trang.jpg"
    cv2.imwrite(str(good), photograph(4).frame)
    huge = png_header_only(tmp_path / "to.png", 20000, 20000)
    out = tmp_path / "ho-so.pdf"
    result = cli("scan-page", str(good), str(huge), "-o", str(out))
    assert result.code == 2 and "quá lớn" in result.err and "Traceback" not in result.err
    assert not out.exists() and not list(tmp_path.glob(".*partial"))
    english = cli("scan-page", str(tmp_path / "none.jpg"), "-o", str(out), lang="en")
    assert english.code == 2 and "cannot be read" in english.err
