"""The government's day-off notices: the days off and make-up working days each one decides, as data.

The Labour Code (Art. 111–112) fixes the public holidays; every year the Government Office conveys the Prime
Minister's decision and the ministry in charge (Home Affairs since 2025) announces the exact days off of civil
servants, often swapping a weekday with a Saturday. The maintained `holidays` package does not always carry these
notices, so they ship as data (`db/seed/days_off.json`, read by `storage/day_notices.py`) and an administrator can
record new ones (`counter-app calendar set-day`, the server's `set-day`). This module only validates and combines
them; the calendar applies them between the `holidays` package and the centre's own overrides.

A year is *provisional* when it comes after the last year an official notice (one with a document number)
decides a day of: its lunar holidays are computed and its swaps are not decided yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import ValidationError

#: The `format` and `version` a notices file declares.
FORMAT = "quay-mot-cua/days-off"
VERSION = 1
#: Day kinds a notice decides.
KINDS = ("off", "work")
#: Codes this module can raise (each needs a sentence in messages.py).
ERROR_CODES: tuple[str, ...] = ("day_notices.invalid", "calendar.kind")


@dataclass(frozen=True)
class NoticeDay:
    """One day a notice decides: a day off (`off`) or a make-up working day (`work`), with its document."""

    day: date
    kind: str
    name: str
    document: str = ""
    document_date: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError("kind", "calendar.kind")

    @property
    def reference(self) -> str:
        """The document as cited: «12729/VPCP-KGVX ngày 25/12/2025» (empty when none was recorded)."""
        if not self.document:
            return ""
        if self.document_date is None:
            return self.document
        return f"{self.document} ngày {self.document_date:%d/%m/%Y}"


@dataclass(frozen=True)
class Notice:
    """One government notice as shipped: its number, date, issuer, title, where it was read, and its days."""

    document: str
    document_date: date
    issuer: str
    title: str
    source: str
    days: tuple[NoticeDay, ...]


@dataclass(frozen=True)
class NotAHoliday:
    """A day the `holidays` package lists that no law in force makes a day off, and why.

    Every package holiday whose Vietnamese name starts with `name` is left out (its "(nghỉ bù)" day too).
    """

    name: str
    month: int
    day: int
    reason: str


@dataclass(frozen=True)
class DayNotices:
    """Notice days by date (a later notice or an administrator's record replaces an earlier one for its date)."""

    days: Mapping[date, NoticeDay] = field(default_factory=dict)
    not_holidays: tuple[NotAHoliday, ...] = ()
    notices: tuple[Notice, ...] = ()

    @property
    def decided_through(self) -> int | None:
        """The last year an official notice (with a document number) decides a day of; None without any."""
        years = [d.day.year for d in self.days.values() if d.document]
        return max(years) if years else None

    @property
    def first_provisional_year(self) -> int | None:
        last = self.decided_through
        return None if last is None else last + 1

    def is_provisional(self, day: date) -> bool:
        """True for a day in a year after the last official notice (False when no notice is known at all)."""
        first = self.first_provisional_year
        return first is not None and day.year >= first

    def with_days(self, recorded: Iterable[NoticeDay]) -> DayNotices:
        """These notices with the administrator's recorded days on top (they win for their dates)."""
        days = dict(self.days)
        days.update((d.day, d) for d in recorded)
        return DayNotices(days, self.not_holidays, self.notices)


NO_NOTICES = DayNotices()


def _invalid(where: str) -> ValidationError:
    return ValidationError("days_off", "day_notices.invalid", where=where)


def _text(obj: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _invalid(f"{where}.{key}")
    return value.strip()


def _date(value: object, where: str) -> date:
    if not isinstance(value, str):
        raise _invalid(where)
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _invalid(where) from exc


def _notice(obj: object, where: str) -> Notice:
    if not isinstance(obj, Mapping):
        raise _invalid(where)
    document = _text(obj, "document", where)
    document_date = _date(obj.get("date"), f"{where}.date")
    days: list[NoticeDay] = []
    for kind, key in (("off", "days_off"), ("work", "working_days")):
        entries = obj.get(key, [])
        if not isinstance(entries, list):
            raise _invalid(f"{where}.{key}")
        for i, entry in enumerate(entries):
            at = f"{where}.{key}[{i}]"
            if not isinstance(entry, Mapping):
                raise _invalid(at)
            day = _date(entry.get("day"), f"{at}.day")
            days.append(NoticeDay(day, kind, _text(entry, "name", at), document, document_date))
    if not days or len({d.day for d in days}) != len(days):
        raise _invalid(f"{where}.days")
    return Notice(
        document,
        document_date,
        _text(obj, "issuer", where),
        _text(obj, "title", where),
        _text(obj, "source", where),
        tuple(days),
    )


def _not_a_holiday(obj: object, where: str) -> NotAHoliday:
    if not isinstance(obj, Mapping):
        raise _invalid(where)
    month, day = obj.get("month"), obj.get("day")
    if (
        not (isinstance(month, int) and isinstance(day, int))
        or isinstance(month, bool)
        or isinstance(day, bool)
    ):
        raise _invalid(where)
    try:
        date(2000, month, day)
    except ValueError as exc:
        raise _invalid(where) from exc
    return NotAHoliday(_text(obj, "name", where), month, day, _text(obj, "reason", where))


def parse_day_notices(obj: object) -> DayNotices:
    """Validate a notices file's JSON object; raises `ValidationError('days_off', 'day_notices.invalid')`.

    Two notices may decide the same date only alike (same kind); the later document then names it.
    """
    if not isinstance(obj, Mapping) or obj.get("format") != FORMAT or obj.get("version") != VERSION:
        raise _invalid("format")
    raw_notices, raw_not = obj.get("notices", []), obj.get("not_holidays", [])
    if not isinstance(raw_notices, list) or not isinstance(raw_not, list):
        raise _invalid("format")
    notices = tuple(_notice(n, f"notices[{i}]") for i, n in enumerate(raw_notices))
    days: dict[date, NoticeDay] = {}
    for notice in sorted(notices, key=lambda n: n.document_date):
        for d in notice.days:
            earlier = days.get(d.day)
            if earlier is not None and earlier.kind != d.kind:
                raise _invalid(f"{notice.document}.{d.day.isoformat()}")
            days[d.day] = d
    not_holidays = tuple(_not_a_holiday(n, f"not_holidays[{i}]") for i, n in enumerate(raw_not))
    return DayNotices(days, not_holidays, notices)
