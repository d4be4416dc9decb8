"""The procedure catalogue as data: parse and validate plain records into `Procedure`s, and back.

Pure domain code: the file formats (JSON, XLSX, CSV) live in `storage.catalogue_files`; this module sees only
mappings. Validation never stops at the first problem: every problem becomes a `CatalogueIssue` (a place and
a stable code) and the whole batch is rejected with one `CatalogueError`, so nothing is ever half imported.

Issue codes: ``required``, ``text.invalid``, ``code.format``, ``number.invalid``, ``number.negative``,
``number.range`` (component number below 1, or any number above `MAX_NUMBER`), ``bool.invalid``, ``time.format``,
``duration_unit.unknown``, ``duration.range`` (zero duration without a same-day cut-off, or longer than the calendar's
`MAX_DURATION_DAYS`, which would refuse every receipt), ``duplicate`` (procedure code or component
number), ``components.numbering`` (component numbers not 1..n), ``list.invalid``, ``object.invalid``,
``format.unknown`` and ``version.unsupported`` (whole-file shape), ``date.format`` (``checked`` not an ISO date
YYYY-MM-DD). Component fields are named ``components[i].field`` with ``i`` the 0-based position in the record's
list; fees likewise ``fees[i].field``.

Each procedure may say where its values come from: ``source`` (free text naming the document that announced
the procedure or its page on the National Public Service Portal, with the procedure code) and ``checked`` (the
ISO date those values were last compared with that source). Both are optional in a catalogue a unit imports;
the embedded seed catalogue carries them for every procedure (its test insists). They describe the catalogue
entry only: dossiers keep their procedure without them (`procedure_to_dict(provenance=False)`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from .calendar import MAX_DURATION_DAYS
from .errors import DomainError
from .model import Component, DurationUnit, Fee, Procedure
from .text import nfc

CATALOGUE_FORMAT = "quay-mot-cua/catalogue"
CATALOGUE_VERSION = 1
#: National code, optionally suffixed by an agency code: 1.001193, 2.000908, 2.000815.H19.
CODE_PATTERN = re.compile(r"^\d\.\d{6}(\.[A-Za-z0-9.]+)?$")
_CUTOFF_PATTERN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Largest number a catalogue may hold (a fee in đồng, a count of copies); beyond it the value is a typing error.
MAX_NUMBER = 10**12

#: Words accepted for a duration unit (folded to lower case, NFC) besides the enum values themselves.
DURATION_UNIT_WORDS: dict[str, DurationUnit] = {
    "ngày làm việc": DurationUnit.WORKING_DAYS,
    "ngày": DurationUnit.DAYS,
    "ngày lịch": DurationUnit.DAYS,
    "giờ": DurationUnit.HOURS,
    "giờ làm việc": DurationUnit.HOURS,
    "working days": DurationUnit.WORKING_DAYS,
}
_TRUE_WORDS = frozenset({"true", "có", "co", "x", "yes", "1", "đúng"})
_FALSE_WORDS = frozenset({"false", "không", "khong", "no", "0", "sai"})


@dataclass(frozen=True)
class CatalogueIssue:
    """One problem in a catalogue, named by its place: record/row, field and a stable code."""

    row: int | None  # 1-based: procedure index in JSON, row as the spreadsheet shows it (header = 1)
    field: str  # e.g. "code", "components[2].originals", "duration_unit"
    code: str  # e.g. "required", "code.format", "number.negative", "duplicate"
    sheet: str | None = None


class CatalogueError(DomainError):
    """A catalogue failed validation; `issues` lists every problem found (nothing was accepted)."""

    code = "catalogue.invalid"

    def __init__(self, issues: Sequence[CatalogueIssue]) -> None:
        self.issues = list(issues)
        super().__init__(count=len(self.issues))

    def __str__(self) -> str:
        parts = [
            f"{i.sheet + ' ' if i.sheet else ''}{i.row if i.row is not None else '-'} {i.field}: {i.code}"
            for i in self.issues[:10]
        ]
        more = f"; … {len(self.issues) - 10} more" if len(self.issues) > 10 else ""
        return f"{self.code} ({len(self.issues)}): " + "; ".join(parts) + more


def parse_duration_unit(value: object) -> DurationUnit | None:
    """A `DurationUnit` from its value ("working-days") or a Vietnamese word ("ngày làm việc"); else None."""
    if isinstance(value, DurationUnit):
        return value
    if not isinstance(value, str):
        return None
    text = nfc(value).lower()
    try:
        return DurationUnit(text)
    except ValueError:
        return DURATION_UNIT_WORDS.get(text)


def parse_flag(value: object) -> bool | None:
    """A yes/no value from a bool, 0/1 or a word ("có", "không", "x", "true"); None when unrecognised."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = nfc(value).lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


def format_cutoff(value: time | None) -> str | None:
    return None if value is None else f"{value.hour:02d}:{value.minute:02d}"


class _Checker:
    """Reads one record's fields, recording an issue for each bad value instead of raising."""

    def __init__(self, row: int | None, issues: list[CatalogueIssue]) -> None:
        self.row = row
        self.issues = issues

    def flag(self, field: str, code: str) -> None:
        self.issues.append(CatalogueIssue(self.row, field, code))

    def text(
        self, data: Mapping[str, object], key: str, field: str, *, required: bool = False, default: str = ""
    ) -> str:
        value = data.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.flag(field, "text.invalid")
            return default
        value = nfc(value)
        if not value:
            if required:
                self.flag(field, "required")
            return default
        return value

    def number(
        self, data: Mapping[str, object], key: str, field: str, *, default: float = 0, integer: bool = True
    ) -> float:
        value = data.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, str):
            try:
                value = float(value.strip().replace(",", "."))
            except ValueError:
                self.flag(field, "number.invalid")
                return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.flag(field, "number.invalid")
            return default
        if isinstance(value, float) and not math.isfinite(value):
            self.flag(field, "number.invalid")  # 1e400 arrives as infinity, NaN as itself
            return default
        if value > MAX_NUMBER:
            self.flag(field, "number.range")
            return default
        if integer and value != int(value):
            self.flag(field, "number.invalid")
            return default
        if value < 0:
            self.flag(field, "number.negative")
            return default
        return int(value) if value == int(value) else float(value)

    def day(self, data: Mapping[str, object], key: str, field: str) -> date | None:
        """An ISO date (YYYY-MM-DD), a `date`, or a spreadsheet's datetime at midnight; None when empty."""
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            if value.time() == time(0, 0):
                return value.date()
        elif isinstance(value, date):
            return value
        elif isinstance(value, str) and _DATE_PATTERN.fullmatch(value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.flag(field, "date.format")
        return None

    def count(self, data: Mapping[str, object], key: str, field: str, default: int = 0) -> int:
        return int(self.number(data, key, field, default=default))

    def flag_value(self, data: Mapping[str, object], key: str, field: str, default: bool) -> bool:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        parsed = parse_flag(value)
        if parsed is None:
            self.flag(field, "bool.invalid")
            return default
        return parsed

    def records(self, data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            self.flag(key, "list.invalid")
            return []
        out: list[Mapping[str, object]] = []
        for i, item in enumerate(value):
            if isinstance(item, Mapping):
                out.append(item)
            else:
                self.flag(f"{key}[{i}]", "object.invalid")
        return out


def _components(check: _Checker, data: Mapping[str, object]) -> tuple[Component, ...]:
    components: list[Component] = []
    seen: set[int] = set()
    numbering_ok = True
    for i, item in enumerate(check.records(data, "components")):
        at = f"components[{i}]"
        number = 0
        if item.get("number") in (None, ""):
            check.flag(f"{at}.number", "required")
            numbering_ok = False
        else:
            before = len(check.issues)
            number = check.count(item, "number", f"{at}.number")
            if len(check.issues) > before:
                numbering_ok = False
            elif number < 1:
                check.flag(f"{at}.number", "number.range")
                numbering_ok = False
            elif number in seen:
                check.flag(f"{at}.number", "duplicate")
                numbering_ok = False
            seen.add(number)
        components.append(
            Component(
                number=number,
                name=check.text(item, "name", f"{at}.name", required=True),
                originals=check.count(item, "originals", f"{at}.originals"),
                certified_copies=check.count(item, "certified_copies", f"{at}.certified_copies"),
                photocopies=check.count(item, "photocopies", f"{at}.photocopies"),
                shown_only=check.flag_value(item, "shown_only", f"{at}.shown_only", False),
                required=check.flag_value(item, "required", f"{at}.required", True),
                note=check.text(item, "note", f"{at}.note"),
            )
        )
    numbers = sorted(c.number for c in components)
    if numbering_ok and numbers != list(range(1, len(numbers) + 1)):
        check.flag("components", "components.numbering")
    return tuple(sorted(components, key=lambda c: c.number))


def _fees(check: _Checker, data: Mapping[str, object]) -> tuple[Fee, ...]:
    fees = []
    for i, item in enumerate(check.records(data, "fees")):
        name = check.text(item, "name", f"fees[{i}].name", required=True)
        if item.get("amount") in (None, ""):
            check.flag(f"fees[{i}].amount", "required")
        fees.append(Fee(name=name, amount=check.count(item, "amount", f"fees[{i}].amount")))
    return tuple(fees)


def _procedure(data: Mapping[str, object], row: int | None, issues: list[CatalogueIssue]) -> Procedure:
    check = _Checker(row, issues)
    code = check.text(data, "code", "code", required=True)
    if code and not CODE_PATTERN.fullmatch(code):
        check.flag("code", "code.format")

    unit = DurationUnit.WORKING_DAYS
    if data.get("duration_unit") not in (None, ""):
        parsed_unit = parse_duration_unit(data.get("duration_unit"))
        if parsed_unit is None:
            check.flag("duration_unit", "duration_unit.unknown")
        else:
            unit = parsed_unit

    cutoff: time | None = None
    raw_cutoff = data.get("same_day_cutoff")
    if isinstance(raw_cutoff, time):
        cutoff = raw_cutoff.replace(second=0, microsecond=0)
    elif raw_cutoff not in (None, ""):
        m = _CUTOFF_PATTERN.fullmatch(raw_cutoff.strip()) if isinstance(raw_cutoff, str) else None
        if m is None:
            check.flag("same_day_cutoff", "time.format")
        else:
            cutoff = time(int(m[1]), int(m[2]))

    before = len(issues)
    duration = check.number(data, "duration", "duration", default=1, integer=False)
    zero_without_cutoff = duration == 0 and cutoff is None and raw_cutoff in (None, "")
    if len(issues) == before and (zero_without_cutoff or duration > MAX_DURATION_DAYS):
        check.flag("duration", "duration.range")

    return Procedure(
        code=code,
        name=check.text(data, "name", "name", required=True),
        field=check.text(data, "field", "field", required=True),
        level=check.text(data, "level", "level", default="xã"),
        resolving_agency=check.text(data, "resolving_agency", "resolving_agency"),
        components=_components(check, data),
        duration=duration,
        duration_unit=unit,
        same_day_cutoff=cutoff,
        fees=_fees(check, data),
        fully_online=check.flag_value(data, "fully_online", "fully_online", False),
        legal_basis=check.text(data, "legal_basis", "legal_basis"),
        source=check.text(data, "source", "source"),
        checked=check.day(data, "checked", "checked"),
    )


def procedure_from_dict(data: Mapping[str, object], row: int | None = None) -> Procedure:
    """Build one validated `Procedure` from the catalogue JSON shape; raises `CatalogueError` with all issues."""
    issues: list[CatalogueIssue] = []
    procedure = _procedure(data, row, issues)
    if issues:
        raise CatalogueError(issues)
    return procedure


def procedure_to_dict(p: Procedure, *, provenance: bool = True) -> dict[str, object]:
    """The catalogue JSON shape of one procedure (the inverse of `procedure_from_dict`); `provenance=False`
    leaves out `source` and `checked` (a dossier's copy of its procedure, the wire's shape)."""
    duration = int(p.duration) if float(p.duration).is_integer() else p.duration
    data: dict[str, object] = {
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "level": p.level,
        "resolving_agency": p.resolving_agency,
        "duration": duration,
        "duration_unit": p.duration_unit.value,
        "same_day_cutoff": format_cutoff(p.same_day_cutoff),
        "fees": [{"name": f.name, "amount": f.amount} for f in p.fees],
        "fully_online": p.fully_online,
        "legal_basis": p.legal_basis,
    }
    if provenance:
        data["source"] = p.source
        data["checked"] = p.checked.isoformat() if p.checked else None
    data["components"] = [
        {
            "number": c.number,
            "name": c.name,
            "originals": c.originals,
            "certified_copies": c.certified_copies,
            "photocopies": c.photocopies,
            "shown_only": c.shown_only,
            "required": c.required,
            "note": c.note,
        }
        for c in p.components
    ]
    return data


def parse_catalogue(records: Sequence[Mapping[str, object]]) -> list[Procedure]:
    """Validate every record (row = 1-based position) and return all procedures, or raise with every issue."""
    issues: list[CatalogueIssue] = []
    procedures: list[Procedure] = []
    seen: set[str] = set()
    for index, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            issues.append(CatalogueIssue(index, "procedure", "object.invalid"))
            continue
        procedure = _procedure(record, index, issues)
        if procedure.code:
            if procedure.code in seen:
                issues.append(CatalogueIssue(index, "code", "duplicate"))
            seen.add(procedure.code)
        procedures.append(procedure)
    if issues:
        raise CatalogueError(issues)
    return procedures


def catalogue_to_json_obj(procs: Sequence[Procedure]) -> dict[str, object]:
    """The whole-file JSON object: format tag, version and the procedures."""
    return {
        "format": CATALOGUE_FORMAT,
        "version": CATALOGUE_VERSION,
        "procedures": [procedure_to_dict(p) for p in procs],
    }


def catalogue_from_json_obj(obj: object) -> list[Procedure]:
    """Check the whole-file shape made by `catalogue_to_json_obj`, then `parse_catalogue` its procedures."""
    if not isinstance(obj, Mapping):
        raise CatalogueError([CatalogueIssue(None, "format", "format.unknown")])
    issues: list[CatalogueIssue] = []
    if obj.get("format") != CATALOGUE_FORMAT:
        issues.append(CatalogueIssue(None, "format", "format.unknown"))
    version = obj.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= CATALOGUE_VERSION:
        issues.append(CatalogueIssue(None, "version", "version.unsupported"))
    records = obj.get("procedures")
    if not isinstance(records, list):
        issues.append(CatalogueIssue(None, "procedures", "list.invalid"))
    if issues:
        raise CatalogueError(issues)
    assert isinstance(records, list)
    return parse_catalogue(records)
