"""`counter-app calendar`: appointments on working time, the year's days off, and the days an administrator sets.

Two ways to change a day, in two layers of the calendar (`core/calendar.py`):

* `set-day` records a day a government notice decides (a day off or a make-up working day), with the notice's
  number and date. It sits with the notices shipped in `db/seed/days_off.json` (and replaces one for its date),
  above the `holidays` package; the server publishes such days to every counter (`counter-server set-day
  --document …`). `--kind none` removes the record, so the shipped notices decide the day again.
* `override` is the centre's own decision (a local day off, a local working day). It wins over everything,
  notices included; `--kind none` removes it.
"""

from __future__ import annotations

import argparse
from datetime import date, time

from ..app import settings
from ..core.calendar import WorkingCalendar
from ..core.day_notices import NoticeDay
from ..core.model import DurationUnit
from ..core.roles import Operation
from .context import CliContext, CliError, parse_date, parse_datetime

KINDS = ("off", "work", "none")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("calendar", help="working-time calendar")
    s = p.add_subparsers(dest="calendar_command", required=True)
    due = s.add_parser("due", help="appointment for a receipt time and a duration")
    due.add_argument("--received", required=True, help="ISO 8601 date-time of receipt")
    due.add_argument("--duration", required=True, type=float)
    due.add_argument("--unit", required=True, choices=[u.value for u in DurationUnit])
    due.add_argument("--cutoff", help="same-day cut-off HH:MM")
    hol = s.add_parser("holidays", help="days off in a year")
    hol.add_argument("year", type=int)
    ovr = s.add_parser("override", help="the centre's own day off / working day (wins over every notice)")
    ovr.add_argument("day", help="YYYY-MM-DD")
    ovr.add_argument("--kind", choices=KINDS, required=True, help="'none' removes the centre's override")
    ovr.add_argument("--name", default="")
    day = s.add_parser(
        "set-day", help="record a day a government notice decides (day off / make-up working day)"
    )
    day.add_argument("day", help="YYYY-MM-DD")
    day.add_argument("--kind", choices=KINDS, required=True, help="'none' removes the recorded day")
    day.add_argument("--name", default="")
    day.add_argument("--document", default="", help="the notice's number and symbol, e.g. 12729/VPCP-KGVX")
    day.add_argument("--document-date", help="the notice's date, YYYY-MM-DD")
    p.set_defaults(handler=run)


def _time(text: str, ctx: CliContext) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise CliError(
            ctx.say(f"Giờ chốt «{text}» phải có dạng HH:MM.", f"Cut-off «{text}» must be HH:MM.")
        ) from exc


def _provisional_note(cal: WorkingCalendar, year: int, ctx: CliContext) -> str:
    last = cal.notices.decided_through
    return ctx.say(
        f"Năm {year} là lịch tạm tính: ngày lễ âm lịch được tính theo lịch, việc hoán đổi ngày nghỉ chưa được "
        f"quyết định (thông báo chính thức mới có đến năm {last}).",
        f"{year} is provisional: lunar holidays are computed, day swaps are not decided yet (official notices "
        f"only go up to {last}).",
    )


def _due(args: argparse.Namespace, ctx: CliContext) -> None:
    received = parse_datetime(ctx, args.received)
    if args.duration < 0:
        raise CliError(ctx.say("Thời hạn không được âm.", "The duration cannot be negative."))
    cutoff = _time(args.cutoff, ctx) if args.cutoff else None
    cal = settings.calendar(ctx.app(), None)
    due = cal.appointment_for(received, args.duration, DurationUnit(args.unit), cutoff)
    print(due.isoformat(timespec="minutes"), file=ctx.out)
    if cal.is_provisional(due):  # stdout stays one ISO line for scripts
        print(_provisional_note(cal, due.year, ctx), file=ctx.err)


def _holidays(args: argparse.Namespace, ctx: CliContext) -> None:
    if not 1990 <= args.year <= 2100:
        raise CliError(ctx.say("Năm phải từ 1990 đến 2100.", "The year must be between 1990 and 2100."))
    cal = settings.calendar(ctx.app(), None)
    if cal.is_provisional(date(args.year, 1, 1)):
        print(f"# {_provisional_note(cal, args.year, ctx)}", file=ctx.out)
    for day, name in cal.days_off(args.year):
        print(_line(cal, day, name), file=ctx.out)
    for day in cal.make_up_days(args.year):
        notice = cal.notice_for(day)
        name = notice.name if notice else ctx.say("Ngày làm bù (làm việc)", "Make-up working day")
        print(_line(cal, day, name), file=ctx.out)
    for day, name, reason in cal.left_out(args.year):
        if not cal.is_working_day(day):
            continue  # the centre gives the day off itself: it is listed above
        print(
            f"# {day.isoformat()} {name}: "
            + ctx.say(f"không phải ngày nghỉ — {reason}", f"not a day off — {reason}"),
            file=ctx.out,
        )


def _line(cal: WorkingCalendar, day: date, name: str) -> str:
    """`day<TAB>name`, and a third column citing the notice that decides the day, if one does."""
    notice = cal.notice_for(day)
    decided = notice is not None and notice.kind == ("work" if cal.is_working_day(day) else "off")
    reference = notice.reference if notice is not None and decided else ""
    return f"{day.isoformat()}\t{name}" + (f"\t{reference}" if reference else "")


def _set_day(args: argparse.Namespace, ctx: CliContext) -> None:
    day = parse_date(ctx, args.day)
    document = args.document.strip()
    document_date = parse_date(ctx, args.document_date) if args.document_date else None
    if document_date is not None and not document:
        raise CliError(
            ctx.say(
                "--document-date cần đi kèm số hiệu văn bản (--document).",
                "--document-date needs the document's number (--document).",
            )
        )
    account = ctx.act(Operation.CONFIGURE)
    kind = None if args.kind == "none" else args.kind
    settings.set_notice_day(ctx.app(), account, day, kind, args.name, document, document_date)
    if kind is None:
        text = ctx.say(f"Đã xóa ngày {day:%d/%m/%Y} ghi theo thông báo", f"Removed the notice day {day}")
    else:
        what = ctx.say(
            "ngày nghỉ" if kind == "off" else "ngày làm việc", "day off" if kind == "off" else "working day"
        )
        text = ctx.say(f"Đã ghi {day:%d/%m/%Y} là {what}", f"Recorded {day} as a {what}")
        reference = NoticeDay(day, kind, args.name, document, document_date).reference
        text += f" ({reference})" if reference else ""
    print(text + ".", file=ctx.out)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.calendar_command == "due":
        _due(args, ctx)
    elif args.calendar_command == "holidays":
        _holidays(args, ctx)
    elif args.calendar_command == "set-day":
        _set_day(args, ctx)
    else:
        day = parse_date(ctx, args.day)
        account = ctx.act(Operation.CONFIGURE)
        settings.set_override(ctx.app(), account, day, None if args.kind == "none" else args.kind, args.name)
        print(ctx.say("Đã cập nhật lịch làm việc.", "Calendar updated."), file=ctx.out)
    return 0
