"""Working-time calendar: office hours, Vietnamese public holidays with local overrides, and appointment dates.

Rules (DOMAIN.md, "Time"):

- A working day is a weekday that is not a public holiday, or a make-up Saturday decreed nationally.
  A centre may add its own days off and its own working days; its working days win over its days off,
  which win over the government's day-off notices (`core/day_notices.py`: the days each notice moves, and the
  package holidays no law makes a day off), which win over the maintained ``holidays`` package (country VN).
- A duration of N working days runs N × the office day length (8 h by default) of office time from the
  moment of receipt; receipt outside office hours counts from the next opening. An appointment that lands
  exactly on the end of a period (11:30, 17:00) stays there.
- Hours are working hours, counted the same way.
- Calendar days: receipt + N days; when that day is not a working day the appointment moves to the next
  working day at the same clock time; a clock time outside office hours becomes the closing time of
  that day (the citizen can come back any time that day).
- Same-day procedures (a cut-off hour is set): received on a working day at or before the cut-off (and
  before closing) → the start day is that day, otherwise the next working day; the appointment is the
  closing time of working day ⌈max(N, 1)⌉ − 1 counted from the start day. For hours the cut-off only
  moves the start to the next opening day.

All datetimes are naive local time (Vietnam, UTC+7). Aware datetimes are accepted and converted to
UTC+7; every datetime returned is naive local time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

import holidays

from .day_notices import NO_NOTICES, DayNotices, NotAHoliday, NoticeDay
from .errors import ValidationError
from .model import DurationUnit

#: Vietnam's time zone (no daylight saving).
VN_TZ = timezone(timedelta(hours=7), "UTC+07:00")
#: Name given to a day off that the centre adds without naming it.
LOCAL_DAY_OFF = "Nghỉ theo quyết định của đơn vị"
#: Longest duration (in days of any unit) the calendar accepts; longer ones are data errors.
MAX_DURATION_DAYS = 3660
#: Codes this module can raise (each needs a sentence in the GUI).
ERROR_CODES: tuple[str, ...] = ("office_hours.invalid", "duration.invalid", "calendar.no_working_day")

_SATURDAY = 5
_PERIOD = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")

Periods = tuple[tuple[time, time], ...]


@dataclass(frozen=True)
class NationalYear:
    """The national calendar of one year: holidays (with Vietnamese names) and make-up weekend days."""

    holidays: Mapping[date, str]
    make_up_days: frozenset[date]


@lru_cache(maxsize=64)
def national_year(year: int, not_holidays: tuple[NotAHoliday, ...] = ()) -> NationalYear:
    """National holidays and make-up days of `year` from the `holidays` package (built once per year; intake
    calls this often), without the holidays `not_holidays` names (each part of a joined name is looked at)."""
    table = holidays.country_holidays("VN", years=year, language="vi")
    days: dict[date, str] = {}
    for day, name in table.items():
        parts = [p for p in str(name).split("; ") if not any(p.startswith(n.name) for n in not_holidays)]
        if day.year == year and parts:
            days[day] = "; ".join(parts)
    make_up = frozenset(day for day in table.weekend_workdays if day.year == year)
    return NationalYear(days, make_up)


def to_local(moment: datetime) -> datetime:
    """Naive local time: aware datetimes are converted to UTC+7, naive ones are taken as local already."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone(VN_TZ).replace(tzinfo=None)


def _hours_error() -> ValidationError:
    return ValidationError("office_hours", "office_hours.invalid")


@dataclass(frozen=True)
class OfficeHours:
    """The daily office periods, e.g. 07:00–11:30 and 13:30–17:00; ordered and not overlapping."""

    periods: Periods = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))

    def __post_init__(self) -> None:
        try:
            periods = tuple((start, end) for start, end in self.periods)
        except (TypeError, ValueError) as exc:
            raise _hours_error() from exc
        if not periods:
            raise _hours_error()
        previous_end: time | None = None
        for start, end in periods:
            if not (isinstance(start, time) and isinstance(end, time)) or start.tzinfo or end.tzinfo:
                raise _hours_error()
            if start >= end or (previous_end is not None and start < previous_end):
                raise _hours_error()
            previous_end = end
        object.__setattr__(self, "periods", periods)

    @property
    def opening(self) -> time:
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        return self.periods[-1][1]

    @property
    def day_length(self) -> timedelta:
        """Office time in one working day (8 h by default)."""
        day = date(2000, 1, 3)
        return sum(
            (datetime.combine(day, end) - datetime.combine(day, start) for start, end in self.periods),
            timedelta(0),
        )

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Read ``"07:00-11:30,13:30-17:00"``; raises `ValidationError('office_hours', 'office_hours.invalid')`."""
        periods: list[tuple[time, time]] = []
        for part in text.split(","):
            m = _PERIOD.fullmatch(part)
            if not m:
                raise _hours_error()
            try:
                periods.append((time(int(m[1]), int(m[2])), time(int(m[3]), int(m[4]))))
            except ValueError as exc:
                raise _hours_error() from exc
        return cls(tuple(periods))

    def __str__(self) -> str:
        return ",".join(f"{_clock(start)}-{_clock(end)}" for start, end in self.periods)


def _clock(t: time) -> str:
    return f"{t:%H:%M}" if not (t.second or t.microsecond) else t.isoformat()


DEFAULT_HOURS = OfficeHours()


def _as_date(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day


class WorkingCalendar:
    """Which days are worked and how much office time lies between two moments."""

    def __init__(
        self,
        hours: OfficeHours = DEFAULT_HOURS,
        days_off: Iterable[date | tuple[date, str]] | Mapping[date, str] = (),
        working_days: Iterable[date] = (),
        use_national_holidays: bool = True,
        notices: DayNotices = NO_NOTICES,
    ) -> None:
        """`days_off` holds dates (named `LOCAL_DAY_OFF`) or (date, name) pairs, or a date → name mapping;
        `notices` are the government's day-off notices (part of the national calendar)."""
        self.hours = hours
        self.use_national_holidays = use_national_holidays
        self.notices = notices
        self.local_days_off: dict[date, str] = {}
        items = days_off.items() if isinstance(days_off, Mapping) else days_off
        for item in items:
            day, name = item if isinstance(item, tuple) else (item, LOCAL_DAY_OFF)
            self.local_days_off[_as_date(day)] = name or LOCAL_DAY_OFF
        self.local_working_days: frozenset[date] = frozenset(_as_date(d) for d in working_days)

    # Days -------------------------------------------------------------------------------------------

    def _national(self, year: int) -> NationalYear:
        return national_year(year, self.notices.not_holidays)

    def is_working_day(self, day: date) -> bool:
        """Local working days win over local days off, which win over the notices, then the `holidays` package."""
        day = _as_date(day)
        if day in self.local_working_days:
            return True
        if day in self.local_days_off:
            return False
        weekend = day.weekday() >= _SATURDAY
        if not self.use_national_holidays:
            return not weekend
        notice = self.notices.days.get(day)
        if notice is not None:
            return notice.kind == "work"
        national = self._national(day.year)
        return day in national.make_up_days if weekend else day not in national.holidays

    def notice_for(self, day: date) -> NoticeDay | None:
        """The notice deciding `day`, when one does and the national calendar is in use."""
        return self.notices.days.get(_as_date(day)) if self.use_national_holidays else None

    def is_provisional(self, day: date) -> bool:
        """True when `day` lies in a year after the last official notice: its days off are not decided yet."""
        return self.use_national_holidays and self.notices.is_provisional(_as_date(day))

    def left_out(self, year: int) -> list[tuple[date, str, str]]:
        """Holidays of `year` the `holidays` package lists but the notices leave out: (day, name, reason)."""
        if not self.use_national_holidays or not self.notices.not_holidays:
            return []
        found = []
        for day, name in sorted(national_year(year).holidays.items()):
            for part in name.split("; "):
                rule = next((r for r in self.notices.not_holidays if part.startswith(r.name)), None)
                if rule is not None:
                    found.append((day, part, rule.reason))
        return found

    def days_off(self, year: int) -> list[tuple[date, str]]:
        """Weekdays of `year` that are not worked, sorted, with their Vietnamese names (a notice's own name for
        a day it decides, else the `holidays` package's, else the centre's)."""
        named: dict[date, str] = {}
        if self.use_national_holidays:
            named.update(self._national(year).holidays)
            for day, notice in self.notices.days.items():
                if day.year == year and notice.kind == "off":
                    named[day] = notice.name  # the notice's own words for the days it decides
        for day, name in self.local_days_off.items():
            if day.year == year:
                named.setdefault(day, name)
        return sorted(
            (day, name)
            for day, name in named.items()
            if day.weekday() < _SATURDAY and not self.is_working_day(day)
        )

    def make_up_days(self, year: int) -> list[date]:
        """Weekend days of `year` that are worked (national make-up Saturdays, notices and local working days)."""
        candidates: set[date] = set()
        if self.use_national_holidays:
            candidates.update(self._national(year).make_up_days)
            candidates.update(d for d, n in self.notices.days.items() if d.year == year and n.kind == "work")
        candidates.update(d for d in self.local_working_days if d.year == year)
        return sorted(d for d in candidates if d.weekday() >= _SATURDAY and self.is_working_day(d))

    def working_day_on_or_after(self, day: date) -> date:
        day = _as_date(day)
        for _ in range(MAX_DURATION_DAYS):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValidationError("calendar", "calendar.no_working_day")

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after `day` (before it when n < 0); n = 0 → `day` or the next working day."""
        day = _as_date(day)
        if n == 0:
            return self.working_day_on_or_after(day)
        step = timedelta(days=1 if n > 0 else -1)
        remaining, idle = abs(n), 0
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining, idle = remaining - 1, 0
            else:
                idle += 1
                if idle > MAX_DURATION_DAYS:
                    raise ValidationError("calendar", "calendar.no_working_day")
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d ≤ end (negative when end is before start)."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        return sum(self.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))

    # Office time ------------------------------------------------------------------------------------

    def periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The office periods of `day` as datetimes; empty on a day that is not worked."""
        day = _as_date(day)
        if not self.is_working_day(day):
            return []
        return [(datetime.combine(day, s), datetime.combine(day, e)) for s, e in self.hours.periods]

    def opening_of(self, day: date) -> datetime:
        return datetime.combine(_as_date(day), self.hours.opening)

    def closing_of(self, day: date) -> datetime:
        return datetime.combine(_as_date(day), self.hours.closing)

    def is_office_time(self, moment: datetime, *, include_end: bool = False) -> bool:
        """True inside an office period of a working day (the period end counts only with `include_end`)."""
        moment = to_local(moment)
        return any(
            s <= moment < e or (include_end and moment == e) for s, e in self.periods_on(moment.date())
        )

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` itself inside office hours, else the start of the next office period."""
        moment = to_local(moment)
        day = moment.date()
        for _ in range(MAX_DURATION_DAYS):
            for start, end in self.periods_on(day):
                if moment < end:
                    return max(moment, start)
            day += timedelta(days=1)
        raise ValidationError("calendar", "calendar.no_working_day")

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest moment after `start` with `amount` of office time in between.

        The result always lies in office hours of a working day, period ends included; a zero amount
        gives `start` when it is in office hours, else the next opening.
        """
        if amount < timedelta(0):
            raise ValidationError("duration", "duration.invalid")
        moment = to_local(start)
        if amount == timedelta(0):
            return moment if self.is_office_time(moment, include_end=True) else self.next_opening(moment)
        remaining, day, idle = amount, moment.date(), 0
        while True:
            periods = self.periods_on(day)
            for period_start, period_end in periods:
                if period_end <= moment:
                    continue
                begin = max(period_start, moment)
                if remaining <= period_end - begin:
                    return begin + remaining
                remaining -= period_end - begin
            idle = 0 if periods else idle + 1
            if idle > MAX_DURATION_DAYS:
                raise ValidationError("calendar", "calendar.no_working_day")
            day += timedelta(days=1)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time between two moments (negative when `end` is before `start`)."""
        start, end = to_local(start), to_local(end)
        if end < start:
            return -self.working_time_between(end, start)
        total = timedelta(0)
        day = start.date()
        while day <= end.date():
            for period_start, period_end in self.periods_on(day):
                overlap = min(period_end, end) - max(period_start, start)
                if overlap > timedelta(0):
                    total += overlap
            day += timedelta(days=1)
        return total

    # Appointments -----------------------------------------------------------------------------------

    def appointment_for(
        self, received: datetime, duration: float, unit: DurationUnit, cutoff: time | None = None
    ) -> datetime:
        """When the result is due for a dossier received at `received` (rules in the module docstring)."""
        received = to_local(received)
        if not math.isfinite(duration) or duration < 0 or duration > MAX_DURATION_DAYS:
            raise ValidationError("duration", "duration.invalid")
        unit = DurationUnit(unit)
        if cutoff is not None:
            on_start_day = self.is_working_day(received) and received <= min(
                datetime.combine(received.date(), cutoff), self.closing_of(received)
            )
            start_day = received.date() if on_start_day else self.add_working_days(received.date(), 1)
            if unit is DurationUnit.HOURS:
                begin = received if on_start_day else self.opening_of(start_day)
                return self.add_working_time(begin, timedelta(hours=duration))
            return self.closing_of(self.add_working_days(start_day, math.ceil(max(duration, 1)) - 1))
        if unit is DurationUnit.WORKING_DAYS:
            return self.add_working_time(received, self.hours.day_length * duration)
        if unit is DurationUnit.HOURS:
            return self.add_working_time(received, timedelta(hours=duration))
        return self._calendar_days_after(received, duration)

    def _calendar_days_after(self, received: datetime, days: float) -> datetime:
        due = received + timedelta(days=days)
        day = self.working_day_on_or_after(due.date())
        moment = datetime.combine(day, due.time())
        return moment if self.is_office_time(moment, include_end=True) else self.closing_of(day)
