"""Catalogue files: read and write the procedure catalogue as JSON, XLSX or CSV, and find the embedded seed.

JSON is the shape of `core.catalogue.catalogue_to_json_obj` (a bare list of procedures is accepted too).

XLSX, made for an administrator to edit in Excel or LibreOffice, has two sheets:

* «Thủ tục», one row per procedure: Mã thủ tục | Tên thủ tục | Lĩnh vực | Cấp | Cơ quan giải quyết | Thời hạn |
  Đơn vị thời hạn | Giờ chốt trong ngày | Phí, lệ phí (đồng) | Tên phí | Nộp trực tuyến toàn trình (có/không) |
  Căn cứ pháp lý | Nguồn | Ngày đối chiếu
* «Thành phần», one row per component: Mã thủ tục | STT | Tên thành phần | Bản chính | Bản sao chứng thực |
  Bản photo | Chỉ xuất trình | Bắt buộc | Ghi chú

CSV has one row per component: the fourteen procedure columns above, repeated on every row of the procedure,
then STT | Tên thành phần | Bản chính | Bản sao chứng thực | Bản photo | Chỉ xuất trình | Bắt buộc | Ghi chú.
A procedure without components has one row with the component columns empty. Written as UTF-8 with BOM and
commas (so Excel opens Vietnamese text correctly); semicolon-separated files are accepted when read.

Cells: the duration unit is "ngày làm việc" / "ngày" / "giờ làm việc" (or "working-days" / "days" / "hours");
yes/no columns take "có" / "không"; the cut-off is HH:MM. "Phí, lệ phí (đồng)" is the total of the fees and
"Tên phí" the fee's name; several fees are written "Lệ phí: 8000; Phí: 2000" (their names contain no ";").
"Nguồn" says where the procedure's values come from (the announcing decision, the portal page) and "Ngày đối
chiếu" the date they were compared with it, written YYYY-MM-DD (a date cell is accepted too).
An amount without a name is read as one fee called "Lệ phí". Header cells may be written without tone marks
and columns may come in any order; only Mã thủ tục, Tên thủ tục, Lĩnh vực, STT and Tên thành phần are
mandatory. In CSV, further rows of a procedure may leave its columns empty.

Reading is all or nothing: every problem becomes a `CatalogueIssue` naming the sheet (None for CSV and JSON),
the row as the spreadsheet shows it (header = row 1) and the field key; `COLUMN_TITLES` gives each key's
column title. Besides the core codes, issues here are ``file.unsupported``, ``json.invalid``,
``xlsx.invalid``, ``file.encoding``, ``sheet.missing``, ``column.missing``, ``number.invalid``, ``fee.total``,
``procedure.unknown`` (a component row whose code has no procedure row) and ``value.conflict`` (CSV rows of
one procedure that disagree).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, time
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .. import shipped
from ..core.catalogue import (
    CatalogueError,
    CatalogueIssue,
    catalogue_from_json_obj,
    catalogue_to_json_obj,
    format_cutoff,
    parse_catalogue,
)
from ..core.model import DurationUnit, Procedure
from ..core.text import fold

PROCEDURE_SHEET = "Thủ tục"
COMPONENT_SHEET = "Thành phần"
PROCEDURE_COLUMNS: dict[str, str] = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "level": "Cấp",
    "resolving_agency": "Cơ quan giải quyết",
    "duration": "Thời hạn",
    "duration_unit": "Đơn vị thời hạn",
    "same_day_cutoff": "Giờ chốt trong ngày",
    "fee_amount": "Phí, lệ phí (đồng)",
    "fee_name": "Tên phí",
    "fully_online": "Nộp trực tuyến toàn trình (có/không)",
    "legal_basis": "Căn cứ pháp lý",
    "source": "Nguồn",
    "checked": "Ngày đối chiếu",
}
COMPONENT_COLUMNS: dict[str, str] = {
    "component.number": "STT",
    "component.name": "Tên thành phần",
    "component.originals": "Bản chính",
    "component.certified_copies": "Bản sao chứng thực",
    "component.photocopies": "Bản photo",
    "component.shown_only": "Chỉ xuất trình",
    "component.required": "Bắt buộc",
    "component.note": "Ghi chú",
}
COLUMN_TITLES: dict[str, str] = {**PROCEDURE_COLUMNS, **COMPONENT_COLUMNS}
_WIDTHS = {
    "code": 12,
    "name": 60,
    "field": 18,
    "level": 6,
    "resolving_agency": 16,
    "duration": 9,
    "duration_unit": 15,
    "same_day_cutoff": 11,
    "fee_amount": 14,
    "fee_name": 40,
    "fully_online": 14,
    "legal_basis": 60,
    "source": 60,
    "checked": 14,
    "component.number": 6,
    "component.name": 70,
    "component.originals": 10,
    "component.certified_copies": 12,
    "component.photocopies": 10,
    "component.shown_only": 10,
    "component.required": 10,
    "component.note": 50,
}
#: Columns a file must have; the others may be left out (their values take the catalogue defaults).
_REQUIRED_COLUMNS = frozenset({"code", "name", "field", "component.number", "component.name"})
_UNIT_WORDS = {
    DurationUnit.WORKING_DAYS: "ngày làm việc",
    DurationUnit.DAYS: "ngày",
    DurationUnit.HOURS: "giờ làm việc",
}
_INTEGER = re.compile(r"^-?\d{1,3}(?:[.,\s\u00a0]\d{3})+$|^-?\d+$")
_FEE_PART = re.compile(r"^(?P<name>.+):\s*(?P<amount>-?[\d.,\s\u00a0]+)$")
Row = dict[str, object]
#: Longer digit strings are no number a catalogue holds (and Python refuses to convert thousands of digits).
_MAX_DIGITS = 40


def seed_catalogue_path() -> Path:
    """The shipped sample catalogue (db/seed/catalogue.json), found by `counter_app.shipped`."""
    return shipped.seed_catalogue()


def load_seed_catalogue() -> list[Procedure]:
    return read_catalogue_file(seed_catalogue_path())


def read_catalogue_file(path: Path) -> list[Procedure]:
    """Read and validate a .json, .xlsx or .csv catalogue.

    Raises `CatalogueError` listing every problem (nothing is returned then), `OSError` if the file cannot be read.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            obj = json.loads(path.read_bytes().decode("utf-8-sig"))
        except RecursionError as exc:  # nesting deeper than any catalogue has
            raise CatalogueError([CatalogueIssue(None, "file", "json.too_deep")]) from exc
        except ValueError as exc:  # bad JSON, bad UTF-8, an integer of thousands of digits
            raise CatalogueError([CatalogueIssue(None, "file", "json.invalid")]) from exc
        return parse_catalogue(obj) if isinstance(obj, list) else catalogue_from_json_obj(obj)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise CatalogueError([CatalogueIssue(None, "file", "file.unsupported")])


def write_catalogue_file(path: Path, procs: Sequence[Procedure]) -> None:
    """Write the catalogue as .json, .xlsx or .csv (by extension), replacing the file only once complete."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        text = json.dumps(catalogue_to_json_obj(procs), ensure_ascii=False, indent=2) + "\n"
        _write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    elif suffix == ".xlsx":
        _write_atomically(path, lambda tmp: _workbook(procs).save(tmp))
    elif suffix == ".csv":
        _write_atomically(
            path, lambda tmp: tmp.write_text(_csv_text(procs), encoding="utf-8-sig", newline="")
        )
    else:
        raise CatalogueError([CatalogueIssue(None, "file", "file.unsupported")])


def _write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(name))
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


# ---- writing ------------------------------------------------------------------------------------------------
def _procedure_cells(p: Procedure) -> list[object]:
    several = "; ".join(f"{f.name}: {f.amount}" for f in p.fees)
    fee_name = p.fees[0].name if len(p.fees) == 1 else several
    duration = int(p.duration) if float(p.duration).is_integer() else p.duration
    return [
        p.code,
        p.name,
        p.field,
        p.level,
        p.resolving_agency,
        duration,
        _UNIT_WORDS[p.duration_unit],
        format_cutoff(p.same_day_cutoff),
        p.total_fee if p.fees else None,
        fee_name or None,
        _yes_no(p.fully_online),
        p.legal_basis,
        p.source or None,
        p.checked.isoformat() if p.checked else None,
    ]


def _component_rows(p: Procedure) -> list[list[object]]:
    return [
        [
            c.number,
            c.name,
            c.originals,
            c.certified_copies,
            c.photocopies,
            _yes_no(c.shown_only),
            _yes_no(c.required),
            c.note,
        ]
        for c in p.components
    ]


def _yes_no(value: bool) -> str:
    return "có" if value else "không"


def _workbook(procs: Sequence[Procedure]) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    procedures = wb.active
    assert isinstance(procedures, Worksheet)
    procedures.title = PROCEDURE_SHEET
    _fill_sheet(procedures, list(PROCEDURE_COLUMNS), [_procedure_cells(p) for p in procs])
    keys = ["code", *COMPONENT_COLUMNS]
    rows = [[p.code, *row] for p in procs for row in _component_rows(p)]
    _fill_sheet(wb.create_sheet(COMPONENT_SHEET), keys, rows)
    return wb


def _fill_sheet(ws: Worksheet, keys: list[str], rows: Iterable[list[object]]) -> None:
    ws.append([COLUMN_TITLES[k] for k in keys])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append(row)
    for i, key in enumerate(keys, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = _WIDTHS[key]
        if key in ("code", "checked"):  # keep "2.000900" a code, not the number 2.0009; dates as typed
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = "@"
        choices: tuple[str, ...] = ()
        if key == "duration_unit":
            choices = tuple(_UNIT_WORDS.values())
        elif key in ("fully_online", "component.shown_only", "component.required"):
            choices = ("có", "không")
        if choices:
            rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            rule.add(f"{letter}2:{letter}{max(ws.max_row, 1000)}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def _csv_text(procs: Sequence[Procedure]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*PROCEDURE_COLUMNS.values(), *COMPONENT_COLUMNS.values()])
    for p in procs:
        head = ["" if v is None else v for v in _procedure_cells(p)]
        for row in _component_rows(p) or [[""] * len(COMPONENT_COLUMNS)]:
            writer.writerow([*head, *row])
    return out.getvalue()


# ---- reading: tables -------------------------------------------------------------------------------------
def _lookup(keys: Iterable[str]) -> dict[str, str]:
    return {fold(name): key for key in keys for name in (key, COLUMN_TITLES[key])}


def _table(
    sheet: str | None, rows: Iterable[Sequence[object]], keys: list[str], issues: list[CatalogueIssue]
) -> list[tuple[int, Row]]:
    """Map a header row to field keys, then return (row number, {key: value}) for every non-blank data row."""
    it = iter(rows)
    header = next(it, None) or ()
    lookup = _lookup(keys)
    columns = {
        i: lookup[fold(str(v))] for i, v in enumerate(header) if v is not None and fold(str(v)) in lookup
    }
    for key in keys:
        if key in _REQUIRED_COLUMNS and key not in columns.values():
            issues.append(CatalogueIssue(1, key, "column.missing", sheet))
    table = []
    for number, cells in enumerate(it, start=2):
        row: Row = {}
        for i, key in columns.items():
            value = cells[i] if i < len(cells) else None
            if isinstance(value, str) and not value.strip():
                value = None
            if value is not None:
                row[key] = value
        if row:
            table.append((number, row))
    return table


def _read_xlsx(path: Path) -> list[Procedure]:
    issues: list[CatalogueIssue] = []
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError:  # missing or unreadable: the same as for the other formats
        raise
    except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
        raise CatalogueError([CatalogueIssue(None, "file", "xlsx.invalid")]) from exc
    try:
        sheets = {fold(name): name for name in wb.sheetnames}
        tables: list[list[tuple[int, Row]]] = []
        for title, keys in (
            (PROCEDURE_SHEET, list(PROCEDURE_COLUMNS)),
            (COMPONENT_SHEET, ["code", *COMPONENT_COLUMNS]),
        ):
            name = sheets.get(fold(title))
            if name is None:
                issues.append(CatalogueIssue(None, "sheet", "sheet.missing", title))
                tables.append([])
            else:
                tables.append(_table(title, wb[name].iter_rows(values_only=True), keys, issues))
    finally:
        wb.close()
    if issues:
        raise CatalogueError(issues)
    builder = _Builder(PROCEDURE_SHEET, COMPONENT_SHEET, issues)
    for number, row in tables[0]:
        builder.add_procedure(number, row)
    for number, row in tables[1]:
        builder.add_component(number, row)
    return builder.finish()


def _read_csv(path: Path) -> list[Procedure]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogueError([CatalogueIssue(None, "file", "file.encoding")]) from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    issues: list[CatalogueIssue] = []
    keys = [*PROCEDURE_COLUMNS, *COMPONENT_COLUMNS]
    table = _table(None, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), keys, issues)
    if issues:
        raise CatalogueError(issues)
    builder = _Builder(None, None, issues)
    for number, row in table:
        proc_part = {k: v for k, v in row.items() if k in PROCEDURE_COLUMNS}
        comp_part = {k: v for k, v in row.items() if k in COMPONENT_COLUMNS}
        builder.add_procedure(number, proc_part, merge=True)
        if comp_part and "code" in row:
            builder.add_component(number, {"code": row["code"], **comp_part})
    return builder.finish()


# ---- reading: cells to records -----------------------------------------------------------------------------
class _Builder:
    """Turns table rows into catalogue records, remembering where each value came from for error reports."""

    def __init__(self, proc_sheet: str | None, comp_sheet: str | None, issues: list[CatalogueIssue]) -> None:
        self.proc_sheet, self.comp_sheet, self.issues = proc_sheet, comp_sheet, issues
        self.records: list[dict[str, object]] = []
        self.rows: list[tuple[int, list[int], Row]] = []  # procedure row, component rows, raw cells
        self.by_code: dict[str, int] = {}

    def flag(self, sheet: str | None, row: int, field: str, code: str) -> None:
        self.issues.append(CatalogueIssue(row, field, code, sheet))

    def add_procedure(self, number: int, row: Row, *, merge: bool = False) -> None:
        code = _code_text(row.get("code"))
        if merge and code in self.by_code:  # CSV: a further component row of a procedure already seen
            _, _, first = self.rows[self.by_code[code]]
            for key, value in row.items():
                if fold(_plain(value)) != fold(_plain(first.get(key))):
                    self.flag(None, number, key, "value.conflict")
            return
        record: dict[str, object] = {"code": code, "components": []}
        for key in ("name", "field", "level", "resolving_agency", "legal_basis", "duration_unit", "source"):
            if key in row:
                record[key] = _plain(row[key])
        if "checked" in row:  # ISO text, or the date (a datetime at midnight) a spreadsheet cell holds
            record["checked"] = row["checked"]
        if "duration" in row:
            record["duration"] = self.number(
                self.proc_sheet, number, "duration", row["duration"], integer=False
            )
        if "same_day_cutoff" in row:
            record["same_day_cutoff"] = _cutoff_text(row["same_day_cutoff"])
        if "fully_online" in row:
            record["fully_online"] = row["fully_online"]
        record["fees"] = self.fees(number, row.get("fee_name"), row.get("fee_amount"))
        if code and code not in self.by_code:
            self.by_code[code] = len(self.records)
        self.records.append(record)
        self.rows.append((number, [], row))

    def add_component(self, number: int, row: Row) -> None:
        code = _code_text(row.get("code"))
        if not code:
            self.flag(self.comp_sheet, number, "code", "required")
            return
        if code not in self.by_code:
            self.flag(self.comp_sheet, number, "code", "procedure.unknown")
            return
        index = self.by_code[code]
        component: dict[str, object] = {}
        for key, value in row.items():
            if key == "code":
                continue
            name = key.removeprefix("component.")
            if name in ("number", "originals", "certified_copies", "photocopies"):
                value = self.number(self.comp_sheet, number, key, value, integer=True)
            component[name] = _plain(value) if name in ("name", "note") else value
        components = self.records[index]["components"]
        assert isinstance(components, list)
        components.append(component)
        self.rows[index][1].append(number)

    def number(self, sheet: str | None, row: int, field: str, value: object, *, integer: bool) -> object:
        """A number from a cell, or None (value left to its default) after reporting ``number.invalid``."""
        if isinstance(value, bool):
            self.flag(sheet, row, field, "number.invalid")
            return None
        if isinstance(value, int | float):
            return value
        text = str(value).strip()
        if _INTEGER.fullmatch(text) and len(text) <= _MAX_DIGITS:
            return int(re.sub(r"[.,\s\u00a0]", "", text))
        if not integer:
            try:
                return float(text.replace(",", "."))
            except ValueError:
                pass
        self.flag(sheet, row, field, "number.invalid")
        return None

    def fees(self, row: int, name: object, amount: object) -> list[dict[str, object]]:
        """Fees from the total and the name cell ("Lệ phí: 8000; Phí: 2000" for several fees)."""
        total = (
            None if amount is None else self.number(self.proc_sheet, row, "fee_amount", amount, integer=True)
        )
        text = _plain(name).strip()
        pieces = text.split(";") if text else []
        pairs = [m for m in (_FEE_PART.fullmatch(p.strip()) for p in pieces) if m]
        if pairs and len(pairs) == len(pieces) and (len(pairs) > 1 or amount is None):
            fees: list[dict[str, object]] = []
            amounts: list[int] = []
            for m in pairs:
                value = self.number(self.proc_sheet, row, "fee_name", m["amount"].strip(), integer=True)
                if isinstance(value, int):
                    fees.append({"name": m["name"].strip(), "amount": value})
                    amounts.append(value)
            if isinstance(total, int) and len(amounts) == len(pairs) and sum(amounts) != total:
                self.flag(self.proc_sheet, row, "fee_amount", "fee.total")
            return fees
        if text:
            return [{"name": text, "amount": total}]
        return [] if amount is None else [{"name": "Lệ phí", "amount": total}]

    def finish(self) -> list[Procedure]:
        try:
            procedures = parse_catalogue(self.records)
        except CatalogueError as exc:  # keep one report per cell: a bad cell left its field to the default
            seen = {(i.sheet, i.row, i.field) for i in self.issues}
            located = (self.locate(issue) for issue in exc.issues)
            self.issues.extend(i for i in located if (i.sheet, i.row, i.field) not in seen)
            procedures = []
        if self.issues:
            order = {self.proc_sheet: 0, self.comp_sheet: 1}
            self.issues.sort(key=lambda i: (order.get(i.sheet, 0), i.row or 0, i.field))
            raise CatalogueError(self.issues)
        return procedures

    def locate(self, issue: CatalogueIssue) -> CatalogueIssue:
        """Translate a core issue (record index, JSON field path) to the sheet, row and column it came from."""
        assert issue.row is not None
        proc_row, comp_rows, _ = self.rows[issue.row - 1]
        m = re.fullmatch(r"components\[(\d+)\]\.(\w+)", issue.field)
        if m:
            return CatalogueIssue(comp_rows[int(m[1])], f"component.{m[2]}", issue.code, self.comp_sheet)
        if issue.field == "components":
            return CatalogueIssue(
                comp_rows[0] if comp_rows else proc_row,
                "component.number",
                issue.code,
                self.comp_sheet if comp_rows else self.proc_sheet,
            )
        if issue.field.startswith("fees["):
            field = "fee_amount" if issue.field.endswith(".amount") else "fee_name"
            return CatalogueIssue(proc_row, field, issue.code, self.proc_sheet)
        return CatalogueIssue(proc_row, issue.field, issue.code, self.proc_sheet)


def _plain(value: object) -> str:
    """A cell as text: integral floats without ".0", times as HH:MM."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time | datetime):
        return value.strftime("%H:%M")
    return str(value)


def _code_text(value: object) -> str:
    """A procedure code; a spreadsheet that stored 2.000900 as a number gets its six decimals back."""
    if isinstance(value, float):
        return f"{value:.6f}"
    return _plain(value).strip()


def _cutoff_text(value: object) -> object:
    if isinstance(value, datetime):
        return value.strftime("%H:%M")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and 0 <= value < 1:  # Excel stores times as a fraction of a day
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return _plain(value).strip()
