"""Catalogue files: the embedded seed, JSON/XLSX/CSV round trips and all-or-nothing spreadsheet import."""

from __future__ import annotations

import json
import unicodedata
from datetime import time
from pathlib import Path

import openpyxl
import pytest

from counter_app import shipped
from counter_app.core.catalogue import CODE_PATTERN, CatalogueError, catalogue_to_json_obj
from counter_app.core.model import Component, DurationUnit, Fee, Procedure
from counter_app.storage.catalogue_files import (
    COMPONENT_COLUMNS,
    COMPONENT_SHEET,
    PROCEDURE_COLUMNS,
    PROCEDURE_SHEET,
    load_seed_catalogue,
    read_catalogue_file,
    seed_catalogue_path,
    write_catalogue_file,
)


@pytest.fixture(scope="module")
def seed() -> list[Procedure]:
    return load_seed_catalogue()


def issues(path: Path) -> set[tuple[str | None, int | None, str, str]]:
    with pytest.raises(CatalogueError) as info:
        read_catalogue_file(path)
    return {(i.sheet, i.row, i.field, i.code) for i in info.value.issues}


def workbook(path: Path, procedures: list[list[object]], components: list[list[object]]) -> Path:
    """A hand-made spreadsheet as an administrator would type it (headers from the documented layout)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = PROCEDURE_SHEET
    ws.append(list(PROCEDURE_COLUMNS.values()))
    for row in procedures:
        ws.append(row)
    cs = wb.create_sheet(COMPONENT_SHEET)
    cs.append(["Mã thủ tục", *COMPONENT_COLUMNS.values()])
    for row in components:
        cs.append(row)
    wb.save(path)
    return path


def test_seed_is_a_valid_catalogue_of_real_commune_procedures(seed: list[Procedure]) -> None:
    assert len(seed) >= 28
    codes = [p.code for p in seed]
    assert len(set(codes)) == len(codes)
    assert all(CODE_PATTERN.fullmatch(c) for c in codes)
    assert all(p.components for p in seed)
    assert all(p.level == "xã" and p.resolving_agency == "UBND cấp xã" for p in seed)
    for p in seed:
        for text in (p.name, p.field, *(c.name for c in p.components), *(c.note for c in p.components)):
            assert unicodedata.is_normalized("NFC", text)
    by_code = {p.code: p for p in seed}
    for code in (
        "1.001193",
        "1.000656",
        "1.000894",
        "1.004873",
        "1.004884",
        "1.004859",
        "1.001022",
        "1.004837",
        "2.000815",
        "2.000884",
        "2.001035",
        "2.000992",
        "1.001776",
    ):
        assert code in by_code
    assert "khai sinh" in by_code["1.001193"].name and by_code["1.001193"].same_day_cutoff == time(15, 0)
    assert by_code["2.000815"].fees == (Fee(by_code["2.000815"].fees[0].name, 2000),)
    assert by_code["1.004873"].duration == 3 and by_code["1.004873"].same_day_cutoff is None
    fields = {p.field for p in seed}
    assert {"Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Nuôi con nuôi"} <= fields


def test_seed_file_is_the_documented_json_shape() -> None:
    obj = json.loads(seed_catalogue_path().read_text(encoding="utf-8"))
    assert obj["format"] == "quay-mot-cua/catalogue" and obj["version"] == 1
    assert set(obj["procedures"][0]) == {
        "code",
        "name",
        "field",
        "level",
        "resolving_agency",
        "duration",
        "duration_unit",
        "same_day_cutoff",
        "fees",
        "fully_online",
        "legal_basis",
        "source",
        "checked",
        "components",
    }


def test_the_seed_is_the_shipped_file_inside_the_installed_package() -> None:
    path = seed_catalogue_path()
    assert path == shipped.seed_catalogue() and path.is_file()
    assert path.parent.parent == shipped.package_folder(shipped.DATA_PACKAGE)


@pytest.mark.parametrize("middle", ["xlsx", "csv"])
def test_json_through_a_spreadsheet_and_back_is_unchanged(
    seed: list[Procedure], tmp_path: Path, middle: str
) -> None:
    write_catalogue_file(tmp_path / "a.json", seed)
    write_catalogue_file(tmp_path / f"b.{middle}", read_catalogue_file(tmp_path / "a.json"))
    write_catalogue_file(tmp_path / "c.json", read_catalogue_file(tmp_path / f"b.{middle}"))
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == (tmp_path / "a.json").read_text(
        encoding="utf-8"
    )
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8")) == catalogue_to_json_obj(seed)


def test_several_fees_and_odd_values_survive_the_spreadsheets(tmp_path: Path) -> None:
    odd = Procedure(
        code="2.000815.H19",
        name="Chứng thực bản sao",
        field="Chứng thực",
        duration=2.5,
        duration_unit=DurationUnit.HOURS,
        fees=(Fee("Lệ phí", 8000), Fee("Phí: bản sao", 2000)),
        components=(Component(1, "Bản chính", originals=1, shown_only=True, required=False, note="x"),),
    )
    bare = Procedure(code="1.000894", name="Kết hôn", field="Hộ tịch")
    for ext in ("xlsx", "csv", "json"):
        write_catalogue_file(tmp_path / f"f.{ext}", [odd, bare])
        assert read_catalogue_file(tmp_path / f"f.{ext}") == [odd, bare]


def test_spreadsheet_layout_is_editable(seed: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.xlsx"
    write_catalogue_file(path, seed)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [PROCEDURE_SHEET, COMPONENT_SHEET]
    for ws, titles in ((wb[PROCEDURE_SHEET], PROCEDURE_COLUMNS), (wb[COMPONENT_SHEET], COMPONENT_COLUMNS)):
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1])
        assert set(titles.values()) <= {cell.value for cell in ws[1]}
        assert ws.column_dimensions["B"].width >= 6
    assert wb[PROCEDURE_SHEET].max_row == len(seed) + 1
    assert wb[COMPONENT_SHEET].max_row == sum(len(p.components) for p in seed) + 1
    assert wb[PROCEDURE_SHEET]["A2"].value == seed[0].code


def test_csv_opens_in_excel_as_utf8(seed: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    write_catalogue_file(path, seed)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Mã thủ tục,Tên thủ tục,Lĩnh vực")
    assert len(text.splitlines()) == sum(len(p.components) for p in seed) + 1


def test_a_spreadsheet_with_three_mistakes_reports_all_three_and_imports_nothing(
    seed: list[Procedure], tmp_path: Path
) -> None:
    path = tmp_path / "sai.xlsx"
    write_catalogue_file(path, seed)
    wb = openpyxl.load_workbook(path)
    wb[PROCEDURE_SHEET]["B3"] = None  # Tên thủ tục
    wb[PROCEDURE_SHEET]["G4"] = "tuần"  # Đơn vị thời hạn
    wb[COMPONENT_SHEET]["D5"] = -1  # Bản chính
    wb.save(path)
    assert issues(path) == {
        (PROCEDURE_SHEET, 3, "name", "required"),
        (PROCEDURE_SHEET, 4, "duration_unit", "duration_unit.unknown"),
        (COMPONENT_SHEET, 5, "component.originals", "number.negative"),
    }


def test_cell_level_mistakes_are_reported_once_with_their_place(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "o.xlsx",
        [
            [
                "1.001193",
                "Khai sinh",
                "Hộ tịch",
                "xã",
                "UBND cấp xã",
                "một",
                "ngày",
                "3pm",
                "abc",
                None,
                "có",
                "",
            ],
            ["1.001193", "Trùng mã", "Hộ tịch", "xã", "", 1, "ngày", None, None, None, "không", ""],
        ],
        [
            ["1.001193", "x", "Tờ khai", 1, 0, 0, "không", "có", ""],
            ["9.999999", 1, "Mồ côi", 1, 0, 0, "không", "có", ""],
            [None, 2, "Không mã", 1, 0, 0, "không", "có", ""],
        ],
    )
    assert issues(path) == {
        (PROCEDURE_SHEET, 2, "duration", "number.invalid"),
        (PROCEDURE_SHEET, 2, "same_day_cutoff", "time.format"),
        (PROCEDURE_SHEET, 2, "fee_amount", "number.invalid"),
        (PROCEDURE_SHEET, 3, "code", "duplicate"),
        (COMPONENT_SHEET, 2, "component.number", "number.invalid"),
        (COMPONENT_SHEET, 3, "code", "procedure.unknown"),
        (COMPONENT_SHEET, 4, "code", "required"),
    }


def test_decomposed_text_in_a_spreadsheet_comes_back_composed(tmp_path: Path) -> None:
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    path = workbook(
        tmp_path / "nfd.xlsx",
        [
            [
                "1.001193",
                nfd("Thủ tục đăng ký khai sinh"),
                nfd("Hộ tịch"),
                nfd("xã"),
                nfd("UBND cấp xã"),
                1,
                nfd("ngày làm việc"),
                "15:00",
                0,
                nfd("Lệ phí"),
                nfd("có"),
                "",
            ]
        ],
        [["1.001193", 1, nfd("Tờ khai đăng ký khai sinh"), 1, 0, 0, nfd("không"), nfd("có"), nfd("Ghi chú")]],
    )
    (p,) = read_catalogue_file(path)
    assert p.name == "Thủ tục đăng ký khai sinh" and p.field == "Hộ tịch" and p.fees == (Fee("Lệ phí", 0),)
    assert p.components == (Component(1, "Tờ khai đăng ký khai sinh", originals=1, note="Ghi chú"),)
    assert all(unicodedata.is_normalized("NFC", t) for t in (p.name, p.level, p.resolving_agency))
    assert p.fully_online is True and p.duration_unit is DurationUnit.WORKING_DAYS


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("ngày làm việc", DurationUnit.WORKING_DAYS),
        ("Ngày", DurationUnit.DAYS),
        ("giờ làm việc", DurationUnit.HOURS),
        ("working-days", DurationUnit.WORKING_DAYS),
        ("hours", DurationUnit.HOURS),
    ],
)
def test_duration_units_in_words(tmp_path: Path, word: str, unit: DurationUnit) -> None:
    path = workbook(
        tmp_path / "u.xlsx",
        [
            [
                "1.004873",
                "Xác nhận tình trạng hôn nhân",
                "Hộ tịch",
                "xã",
                "UBND cấp xã",
                3,
                word,
                None,
                None,
                None,
                "không",
                "",
            ]
        ],
        [["1.004873", 1, "Tờ khai", 1, 0, 0, "không", "có", ""]],
    )
    (p,) = read_catalogue_file(path)
    assert p.duration_unit is unit and p.duration == 3 and p.fees == ()
    csv_path = tmp_path / "u.csv"
    header = ",".join([*PROCEDURE_COLUMNS.values(), *COMPONENT_COLUMNS.values()]).replace(
        "Phí, lệ phí (đồng)", '"Phí, lệ phí (đồng)"'
    )
    csv_path.write_text(
        f"{header}\n1.004873,XN,Hộ tịch,xã,,3,{word},,,,không,,,,1,Tờ khai,1,0,0,không,có,\n",
        encoding="utf-8",
    )
    assert read_catalogue_file(csv_path)[0].duration_unit is unit


def test_excel_typed_cells_are_understood(tmp_path: Path) -> None:
    """Codes typed as numbers, times as time cells, amounts with thousands separators, headers without marks."""
    path = tmp_path / "excel.xlsx"
    workbook(
        path,
        [
            [
                2.0009,
                "Cấp bản sao từ sổ gốc",
                "Chứng thực",
                "xã",
                "UBND cấp xã",
                1,
                "ngày làm việc",
                time(15, 0),
                "8.000",
                "Phí: 6.000; Lệ phí: 2000",
                "x",
                "",
            ]
        ],
        [[2.0009, 1.0, "Giấy tờ tùy thân", 1, 0, 0, "có", "có", ""]],
    )
    wb = openpyxl.load_workbook(path)
    wb[PROCEDURE_SHEET]["A1"] = "Ma thu tuc"
    wb.save(path)
    (p,) = read_catalogue_file(path)
    assert p.code == "2.000900" and p.same_day_cutoff == time(15, 0) and p.fully_online is True
    assert p.fees == (Fee("Phí", 6000), Fee("Lệ phí", 2000))
    assert p.components[0].shown_only is True and p.components[0].number == 1


def test_fee_total_must_match_the_listed_fees(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "fee.xlsx",
        [
            [
                "1.001193",
                "Khai sinh",
                "Hộ tịch",
                "xã",
                "",
                1,
                "ngày",
                None,
                9000,
                "Lệ phí: 8000; Phí: 2000",
                "có",
                "",
            ]
        ],
        [["1.001193", 1, "Tờ khai", 1, 0, 0, "không", "có", ""]],
    )
    assert issues(path) == {(PROCEDURE_SHEET, 2, "fee_amount", "fee.total")}


def test_csv_rows_of_one_procedure_must_agree(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    write_catalogue_file(
        path,
        [
            Procedure(
                "1.001193",
                "Khai sinh",
                "Hộ tịch",
                components=(
                    Component(1, "Tờ khai", originals=1),
                    Component(2, "Giấy chứng sinh", originals=1),
                ),
            )
        ],
    )
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("Khai sinh", "Khai tử", 1)
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    assert issues(path) == {(None, 3, "name", "value.conflict")}
    semicolons = tmp_path / "s.csv"
    semicolons.write_text(
        "Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn;STT;Tên thành phần;Bản chính\n"
        "1.001193;Khai sinh;Hộ tịch;1;1;Tờ khai;1\n1.001193;;;;2;Giấy chứng sinh;1\n",
        encoding="utf-8",
    )
    assert read_catalogue_file(semicolons) == [
        Procedure(
            "1.001193",
            "Khai sinh",
            "Hộ tịch",
            components=(Component(1, "Tờ khai", originals=1), Component(2, "Giấy chứng sinh", originals=1)),
        )
    ]
    (tmp_path / "n.csv").write_text("Mã thủ tục,Lĩnh vực,STT\n1.001193,Hộ tịch,1\n", encoding="utf-8")
    assert issues(tmp_path / "n.csv") == {
        (None, 1, "name", "column.missing"),
        (None, 1, "component.name", "column.missing"),
    }


def test_damaged_and_unknown_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("?")
    (tmp_path / "x.json").write_text("{not json")
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    (tmp_path / "old.json").write_text(
        json.dumps({"format": "quay-mot-cua/catalogue", "version": 1, "procedures": [{"code": "1.001193"}]})
    )
    assert issues(tmp_path / "x.txt") == {(None, None, "file", "file.unsupported")}
    assert issues(tmp_path / "x.json") == {(None, None, "file", "json.invalid")}
    assert issues(tmp_path / "x.xlsx") == {(None, None, "file", "xlsx.invalid")}
    assert issues(tmp_path / "old.json") == {(None, 1, "name", "required"), (None, 1, "field", "required")}
    only_one_sheet = openpyxl.Workbook()
    only_one_sheet.save(tmp_path / "one.xlsx")
    assert (COMPONENT_SHEET, None, "sheet", "sheet.missing") in issues(tmp_path / "one.xlsx")
    with pytest.raises(CatalogueError):
        write_catalogue_file(tmp_path / "x.pdf", [])


def test_a_bare_procedure_list_is_accepted(seed: list[Procedure], tmp_path: Path) -> None:
    from counter_app.core.catalogue import procedure_to_dict

    path = tmp_path / "list.json"
    path.write_text(
        json.dumps([procedure_to_dict(p) for p in seed[:3]], ensure_ascii=False), encoding="utf-8"
    )
    assert read_catalogue_file(path) == seed[:3]


@pytest.mark.parametrize("ext", ["json", "xlsx", "csv"])
def test_a_missing_file_is_an_os_error_not_a_catalogue_error(tmp_path: Path, ext: str) -> None:
    with pytest.raises(FileNotFoundError):
        read_catalogue_file(tmp_path / f"none.{ext}")
