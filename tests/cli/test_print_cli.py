"""`counter-app print` and `counter-app book`: files written, unknown form or code refused with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

RECEIVE = (
    "dossier",
    "receive",
    "--procedure",
    "1.004873",
    "--applicant-name",
    "Tôn Nữ Thị Huyền Trân",
    "--applicant-id",
    "001190012345",
    "--received",
    "2026-11-27T09:00",
    "--json",
)


@pytest.fixture
def code(store, cli, clock) -> str:  # the store fixture configures the demo unit in the same data folder
    result = cli(*RECEIVE)
    assert result.code == 0, result.err
    return json.loads(result.out)["code"]


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize("form", ["receipt", "refusal", "control"])
def test_print_writes_the_form(cli, code: str, tmp_path: Path, form: str) -> None:
    out = tmp_path / f"{form}.pdf"
    result = cli("print", form, code, "-o", str(out))
    assert result.code == 0, result.err
    text = _text(out)
    assert code in text and "Tôn Nữ Thị Huyền Trân" in text


def test_print_thermal_receipt(cli, code: str, tmp_path: Path) -> None:
    out = tmp_path / "thermal.pdf"
    assert cli("print", "receipt", code, "-o", str(out), "--paper", "thermal80").code == 0
    width_mm = float(PdfReader(out).pages[0].mediabox.width) / 72 * 25.4
    assert abs(width_mm - 80) < 1


def test_unknown_form_or_code_exits_2(cli, code: str, tmp_path: Path) -> None:
    bad_form = cli("print", "invoice", code, "-o", str(tmp_path / "x.pdf"))
    assert bad_form.code == 2 and "Không có mẫu" in bad_form.err
    bad_code = cli("print", "receipt", "000.00.06.H56-261127-9999", "-o", str(tmp_path / "x.pdf"))
    assert bad_code.code == 2 and "Không tìm thấy hồ sơ" in bad_code.err
    assert not (tmp_path / "x.pdf").exists()


def test_book_as_pdf_and_xlsx(cli, code: str, tmp_path: Path) -> None:
    pdf = tmp_path / "so.pdf"
    assert cli("book", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(pdf)).code == 0
    assert code in _text(pdf)
    xlsx = tmp_path / "so.xlsx"
    assert (
        cli("book", "--from", "2026-11-01", "--to", "2026-11-30", "--field", "Hộ tịch", "-o", str(xlsx)).code
        == 0
    )
    from openpyxl import load_workbook

    cells = [
        str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None
    ]
    assert any(code in c for c in cells)
    other_field = tmp_path / "other.xlsx"
    assert (
        cli(
            "book",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--field",
            "Chứng thực",
            "-o",
            str(other_field),
        ).code
        == 0
    )
    cells = [
        str(c.value)
        for row in load_workbook(other_field).active.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert not any(code in c for c in cells)
