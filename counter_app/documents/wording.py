"""Vietnamese wording printed on forms: dates and times, money, durations, labels of domain values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from xml.sax.saxutils import escape

from counter_app.core.model import ApplicantKind, DurationUnit, IdType, Person, Procedure, UnitConfig
from counter_app.core.statuses import Timeliness
from counter_app.core.text import fold, nfc

DOTS = "……………"

ID_LABELS: dict[IdType, str] = {
    IdType.PERSONAL_ID: "Số định danh cá nhân",
    IdType.OLD_ID: "Số chứng minh nhân dân",
    IdType.PASSPORT: "Số hộ chiếu",
    IdType.TAX_CODE: "Mã số doanh nghiệp/mã số thuế",
    IdType.OTHER: "Số giấy tờ",
}

DURATION_UNITS: dict[DurationUnit, str] = {
    DurationUnit.WORKING_DAYS: "ngày làm việc",
    DurationUnit.DAYS: "ngày",
    DurationUnit.HOURS: "giờ làm việc",
}

STEP_RESULTS: dict[Timeliness, str] = {
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
}

RETURN_METHODS: dict[str, str] = {
    "counter": "Trực tiếp",
    "post": "Qua dịch vụ bưu chính công ích",
}

COLLECT_BY_POST = "Địa chỉ của người nộp hồ sơ, qua dịch vụ bưu chính công ích"
FREE = "Miễn phí"

#: The commune-level (and provincial) one-stop body as Decree 118/2025/NĐ-CP names it.
CENTRE = "Trung tâm Phục vụ hành chính công"
#: How a governing body's name may begin ("UBND phường Ba Đình", "Ủy ban nhân dân xã …").
_GOVERNING_PREFIXES = ("ubnd", "uy ban nhan dan")
#: Kinds of administrative unit that can follow, longest first (folded, without tone marks).
_LOCALITY_KINDS = ("dac khu", "thanh pho", "thi tran", "phuong", "tinh", "xa")


def _locality(words: str) -> str:
    """`PHƯỜNG BA ĐÌNH` or `phường Ba Đình` → `phường Ba Đình`: the kind in lower case, an all-capitals name
    with each word capitalised; "" when `words` does not start with a kind of administrative unit."""
    words = nfc(words)
    folded = fold(words)
    for kind in _LOCALITY_KINDS:
        if folded.startswith(kind + " "):
            size = len(kind.split())
            parts = words.split(" ")
            name = parts[size:]
            if all(w == w.upper() for w in name):
                name = [w.capitalize() for w in name]
            return " ".join([*(w.lower() for w in parts[:size]), *name])
    return ""


def centre_name(parent_body: str) -> str:
    """The lawful name of the unit's one-stop body built from its governing body:
    `UBND PHƯỜNG BA ĐÌNH` → `Trung tâm Phục vụ hành chính công phường Ba Đình` ("" when it names no locality)."""
    body = nfc(parent_body)
    folded = fold(body)
    for prefix in _GOVERNING_PREFIXES:
        if folded.startswith(prefix + " "):
            locality = _locality(" ".join(body.split(" ")[len(prefix.split()) :]))
            return f"{CENTRE} {locality}" if locality else ""
    return ""


def body_name(unit: UnitConfig) -> str:
    """The unit's legal name for running text: as configured, except that an all-capitals
    `TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …` is written the way the decree writes it."""
    name = nfc(unit.agency_name)
    head = len(CENTRE.split())
    if name == name.upper() and fold(name).startswith(fold(CENTRE) + " "):
        locality = _locality(" ".join(name.split(" ")[head:]))
        if locality:
            return f"{CENTRE} {locality}"
    return name


def text(value: object) -> str:
    """NFC, trimmed, escaped for reportlab paragraph markup."""
    return escape(nfc(str(value)))


def block(value: str) -> str:
    """Like `text` but keeps the author's line breaks (reasons, notes)."""
    lines = [nfc(line) for line in value.splitlines()]
    return "<br/>".join(escape(line) for line in lines if line)


def clock(moment: datetime) -> str:
    """`14 giờ 30 phút`."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def short_date(day: date) -> str:
    """`27/10/2026`."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def moment_text(moment: datetime | None) -> str:
    """`14 giờ 30 phút, ngày 27/10/2026` (dotted blank when unknown)."""
    if moment is None:
        return DOTS
    return f"{clock(moment)}, ngày {short_date(moment)}"


def compact_moment(moment: datetime | None) -> str:
    """`14:30 27/10/2026`, for narrow table cells and the thermal slip."""
    if moment is None:
        return ""
    return f"{moment.hour:02d}:{moment.minute:02d} {short_date(moment)}"


def long_date(day: date) -> str:
    """`ngày 05 tháng 01 năm 2026`: day below 10 and months 1–2 take a leading zero (official style)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: date) -> str:
    """`Phường Ba Đình, ngày 27 tháng 10 năm 2026`."""
    place = nfc(place)
    return f"{place}, {long_date(day)}" if place else long_date(day).capitalize()


def money(amount: int) -> str:
    """`8.000 đồng` (dot as thousands separator)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,} đồng".replace(",", ".")


def fees_text(procedure: Procedure) -> str:
    """The fees and charges a receipt prints: `8.000 đồng`, or `Miễn phí` when every amount is 0 (or none is set)."""
    total = procedure.total_fee
    return money(total) if total else FREE


def number(value: float) -> str:
    """`5`, `0,5` (decimal comma)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}".replace(".", ",")


def duration(procedure: Procedure) -> str:
    """`5 ngày làm việc`."""
    return f"{number(procedure.duration)} {DURATION_UNITS[procedure.duration_unit]}"


def addressee(person: Person) -> str:
    """`Ông/Bà` for citizens, `Tổ chức` otherwise."""
    return "Ông/Bà" if person.kind is ApplicantKind.CITIZEN else "Tổ chức"


def full_name(username: str, names: Mapping[str, str] | None) -> str:
    """The officer's full name for a signature, falling back to the username."""
    if not username:
        return ""
    return nfc((names or {}).get(username, username))


def return_method(value: object) -> str:
    """How the result was returned, in words (unknown values printed as given)."""
    if value is None or value == "":
        return ""
    key = str(getattr(value, "value", value))
    return RETURN_METHODS.get(key, nfc(key))
