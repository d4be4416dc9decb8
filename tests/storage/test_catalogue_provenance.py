"""A procedure's source and the date it was checked travel through the spreadsheets and the local store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from counter_app.core.catalogue import CatalogueError
from counter_app.core.model import Procedure
from counter_app.storage.catalogue_files import (
    COMPONENT_COLUMNS,
    COMPONENT_SHEET,
    PROCEDURE_COLUMNS,
    PROCEDURE_SHEET,
    read_catalogue_file,
    write_catalogue_file,
)
from counter_app.storage.store import CounterStore

SOURCE = "Luật Hộ tịch 60/2014/QH13, Điều 28; https://dichvucong.laichau.gov.vn/dichvucong/bothutuc/chiTietThuTuc?maThuTuc=30428"
PROCEDURE = Procedure(
    "1.004859", "Thay đổi, cải chính hộ tịch", "Hộ tịch", duration=3, source=SOURCE, checked=date(2026, 12, 2)
)


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "json"])
def test_source_and_checked_survive_each_file_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"catalogue.{suffix}"
    write_catalogue_file(path, [PROCEDURE])
    [back] = read_catalogue_file(path)
    assert (back.source, back.checked) == (SOURCE, date(2026, 12, 2))


def test_the_spreadsheet_has_the_two_columns_and_accepts_a_typed_date(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.xlsx"
    write_catalogue_file(path, [PROCEDURE])
    wb = openpyxl.load_workbook(path)
    ws = wb[PROCEDURE_SHEET]
    titles = [c.value for c in ws[1]]
    assert titles[-2:] == ["Nguồn", "Ngày đối chiếu"]
    assert ws.cell(2, len(titles)).value == "2026-12-02"
    ws.cell(2, len(titles)).value = datetime(2027, 1, 15)  # what a spreadsheet makes of a typed date
    wb.save(path)
    assert read_catalogue_file(path)[0].checked == date(2027, 1, 15)


def test_a_date_that_is_not_iso_is_reported_at_its_cell(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = PROCEDURE_SHEET
    ws.append(list(PROCEDURE_COLUMNS.values()))
    row = {key: "" for key in PROCEDURE_COLUMNS}
    row.update(code="1.004859", name="Thay đổi, cải chính hộ tịch", field="Hộ tịch", checked="2/12/2026")
    ws.append([row[key] for key in PROCEDURE_COLUMNS])
    components = wb.create_sheet(COMPONENT_SHEET)
    components.append(["Mã thủ tục", *COMPONENT_COLUMNS.values()])
    components.append(["1.004859", 1, "Tờ khai", 1, 0, 0, "không", "có", ""])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    with pytest.raises(CatalogueError) as caught:
        read_catalogue_file(path)
    assert [(i.sheet, i.row, i.field, i.code) for i in caught.value.issues] == [
        (PROCEDURE_SHEET, 2, "checked", "date.format")
    ]


def test_the_store_keeps_them_and_a_dossier_does_not_carry_them(store: CounterStore) -> None:
    store.replace_catalogue([PROCEDURE])
    kept = store.procedure("1.004859")
    assert (kept.source, kept.checked) == (SOURCE, date(2026, 12, 2))
    seeded = store.procedure("1.001193")  # from the sample catalogue the demo profile installs
    assert seeded.source and seeded.checked is not None
