"""`counter-app attach` and `counter-app attachments`: a dossier's digitised papers kept in the profile's
content-addressed file store, listed, written out, and bad files refused with one sentence, nothing half-stored."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import cv2
import pytest
from pypdf import PdfReader, PdfWriter

from counter_app.devices.page_samples import photograph, png_header_only

RECEIVE = (
    "dossier", "receive", "--procedure", "1.001193", "--applicant-name", "Nguyễn Văn Đức", "--applicant-id",
    "001090012345", "--phone", "0912345678", "--received", "2026-11-27T16:00", "--json",
)  # fmt: skip


def blank_pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as f:
        writer.write(f)
    return path


@pytest.fixture
def received(configured, clock) -> str:
    result = configured(*RECEIVE)
    assert result.code == 0, result.err
    return str(json.loads(result.out)["code"])


def stored_files(data_dir: Path) -> list[Path]:
    return (
        sorted(p for p in (data_dir / "files").rglob("*") if p.is_file())
        if (data_dir / "files").exists()
        else []
    )


def test_a_component_from_a_scanner_pdf_and_a_photograph_is_kept_once_and_listed(
    configured, received: str, data_dir: Path, tmp_path: Path
) -> None:
    scanned = blank_pdf(tmp_path / "to-khai.pdf", 2)
    photo = tmp_path / "giay-chung-sinh.jpg"
    cv2.imwrite(str(photo), photograph(5, turn_degrees=10).frame)
    kept = configured("attach", received, "--component", "1", str(scanned), str(photo), "--json")
    assert kept.code == 0, kept.err
    paper = json.loads(kept.out)
    assert paper["kind"] == "component" and paper["component"] == 1 and paper["pages"] == 3
    assert paper["synced"] is False and len(paper["sha256"]) == 64 and paper["bytes"] > 0

    [on_disk] = stored_files(data_dir)
    assert on_disk.name == paper["sha256"] and on_disk.parent.name == paper["sha256"][:2]
    if os.name == "posix":
        assert on_disk.stat().st_mode & 0o777 == 0o600
        assert (data_dir / "files").stat().st_mode & 0o777 == 0o700

    listed = json.loads(configured("attachments", received, "--json").out)
    assert listed == [paper]
    assert set(listed[0]) == {"kind", "component", "name", "sha256", "pages", "bytes", "synced"}

    out = tmp_path / "ra"
    extracted = configured("attachments", received, "--extract", str(out))
    assert extracted.code == 0, extracted.err
    [pdf] = sorted(out.glob("*.pdf"))
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == paper["sha256"]
    assert len(PdfReader(str(pdf)).pages) == 3

    # the same paper again: one more record, still one file
    again = configured("attach", received, "--component", "1", str(scanned), str(photo), "--json")
    assert json.loads(again.out)["sha256"] == paper["sha256"]
    assert (
        len(stored_files(data_dir)) == 1
        and len(json.loads(configured("attachments", received, "--json").out)) == 2
    )


def test_the_result_waits_until_it_is_ready(configured, received: str, tmp_path: Path) -> None:
    result_pdf = blank_pdf(tmp_path / "trich-luc.pdf", 1)
    early = configured("attach", received, "--result", str(result_pdf))
    assert early.code == 2 and "chưa có kết quả" in early.err and "Traceback" not in early.err
    assert configured("dossier", "advance", received, "--status", "9").code == 0
    ready = configured("attach", received, "--result", str(result_pdf), "--json")
    assert ready.code == 0, ready.err
    assert json.loads(ready.out)["kind"] == "result" and json.loads(ready.out)["component"] is None


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("ghi-chu.txt", "không phải PDF".encode(), "chỉ nhận tệp PDF hoặc ảnh"),
        ("hong.pdf", b"%PDF-1.7\n1 0 obj <<", "bị hỏng"),
        ("gia.pdf", b"not a pdf at all", "bị hỏng"),
        ("anh-gia.jpg", b"\xff\xd8\xff not really a JPEG", "chỉ nhận tệp PDF hoặc ảnh"),
    ],
)
def test_bad_files_are_refused_in_one_sentence_and_nothing_is_stored(
    configured, received: str, data_dir: Path, tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    good = blank_pdf(tmp_path / "tot.pdf", 1)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = configured("attach", received, "--component", "1", str(good), str(bad))
    assert result.code == 2 and words in result.err and bad.name in result.err, result.err
    assert "Traceback" not in result.err
    assert json.loads(configured("attachments", received, "--json").out) == []
    assert stored_files(data_dir) == []


def test_an_image_too_large_to_open_and_a_paper_of_too_many_pages(
    configured, received: str, data_dir: Path, tmp_path: Path
) -> None:
    huge = png_header_only(tmp_path / "khong-lo.png", 20000, 20000)
    refused = configured("attach", received, "--component", "1", str(huge), lang="en")
    assert refused.code == 2 and "too large" in refused.err and "khong-lo.png" in refused.err
    thick = blank_pdf(tmp_path / "day.pdf", 301)
    many = configured("attach", received, "--component", "1", str(thick))
    assert many.code == 2 and "tối đa 300 trang" in many.err
    unknown = configured("attach", received, "--component", "42", str(blank_pdf(tmp_path / "a.pdf", 1)))
    assert unknown.code == 2 and "số 42" in unknown.err
    assert stored_files(data_dir) == []


def test_a_damaged_stored_file_is_an_error_never_a_wrong_document(
    configured, received: str, data_dir: Path, tmp_path: Path
) -> None:
    kept = json.loads(
        configured(
            "attach", received, "--component", "1", str(blank_pdf(tmp_path / "a.pdf", 1)), "--json"
        ).out
    )
    [on_disk] = stored_files(data_dir)
    on_disk.write_bytes(on_disk.read_bytes()[:-10] + b"0123456789")
    result = configured("attachments", received, "--extract", str(tmp_path / "ra"))
    assert result.code == 2 and kept["sha256"] in result.err and "hỏng" in result.err
    assert not list((tmp_path / "ra").glob("*.pdf"))


def test_the_report_counts_a_dossier_digitised_once_every_required_component_is(
    configured, received: str, tmp_path: Path
) -> None:
    def shares() -> tuple[int, int]:
        data = json.loads(configured("report", "--from", "2026-11-01", "--to", "2026-11-30", "--json").out)
        return data["digitised"], data["received"]

    assert shares() == (0, 1)
    paper = str(blank_pdf(tmp_path / "a.pdf", 1))
    assert configured("attach", received, "--component", "1", paper).code == 0
    assert shares() == (0, 1)  # component 2 is required too (6 is only shown, 3–5 are optional)
    assert configured("attach", received, "--component", "2", paper).code == 0
    assert shares() == (1, 1)
    text = configured("report", "--from", "2026-11-01", "--to", "2026-11-30").out
    assert "Hồ sơ đã số hóa đủ thành phần: 100% (1/1)" in text
