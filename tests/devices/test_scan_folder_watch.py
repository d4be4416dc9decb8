"""The scanner's folder, watched by listing it: a file is reported once, only when it is whole (its size and time
unchanged over two polls), never when it was there before watching, nor under a temporary or hidden name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counter_app.devices.scan_folder import ScanFolderError, ScanFolderWatch, is_candidate


def _touch(path: Path, data: bytes, at_ns: int) -> None:
    path.write_bytes(data)
    os.utime(path, ns=(at_ns, at_ns))


def test_a_file_is_reported_once_and_only_when_whole(tmp_path: Path) -> None:
    _touch(tmp_path / "cu.pdf", b"%PDF-old", 1_000)
    watch = ScanFolderWatch(tmp_path)
    watch.start()
    assert watch.poll() == []  # what was there before is not ours

    scan = tmp_path / "scan_0001.pdf"
    with scan.open("wb") as out:
        out.write(b"%PDF-1.7 first half")
        out.flush()
        assert watch.poll() == []  # seen once: maybe still being written
        out.write(b" second half")
    os.utime(scan, ns=(2_000, 2_000))
    assert watch.poll() == []  # it changed since the last look
    assert watch.poll() == [scan]  # unchanged over two polls: whole
    assert watch.poll() == []  # reported once


def test_temporary_hidden_and_unknown_names_are_left_and_a_rename_into_place_counts(tmp_path: Path) -> None:
    watch = ScanFolderWatch(tmp_path)
    watch.start()
    for name in ("scan.pdf.part", ".scan.pdf", "~$scan.pdf", "scan.tmp", "ghi-chu.txt", "scan.pdf~"):
        _touch(tmp_path / name, b"data", 3_000)
    (tmp_path / "sub.pdf").mkdir()
    assert watch.poll() == [] and watch.poll() == []
    (tmp_path / "scan.pdf.part").rename(tmp_path / "scan.pdf")
    assert watch.poll() == []
    assert watch.poll() == [tmp_path / "scan.pdf"]


def test_an_empty_or_deleted_file_is_not_reported_and_files_come_oldest_first(tmp_path: Path) -> None:
    watch = ScanFolderWatch(tmp_path)
    watch.start()
    _touch(tmp_path / "b.jpg", b"jpeg-2", 5_000)
    _touch(tmp_path / "a.jpg", b"jpeg-1", 4_000)
    _touch(tmp_path / "rong.pdf", b"", 4_500)
    _touch(tmp_path / "xoa.pdf", b"%PDF", 4_600)
    watch.poll()
    (tmp_path / "xoa.pdf").unlink()
    assert watch.poll() == [tmp_path / "a.jpg", tmp_path / "b.jpg"]


def test_a_folder_that_cannot_be_listed_says_so(tmp_path: Path) -> None:
    with pytest.raises(ScanFolderError):
        ScanFolderWatch(tmp_path / "khong-co").start()
    assert is_candidate("Scan 12.PDF") and is_candidate("trang.tiff") and not is_candidate("Thumbs.db")
