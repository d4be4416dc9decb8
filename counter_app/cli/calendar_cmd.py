"""`counter-app calendar`: appointments on working time, and the year's days off."""

from __future__ import annotations

import argparse
from datetime import time

from ..app import settings
from ..core.model import DurationUnit
from ..core.roles import Operation
from .context import CliContext, CliError, parse_date, parse_datetime


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
    ovr = s.add_parser("override", help="add or remove a local day off / working day")
    ovr.add_argument("day", help="YYYY-MM-DD")
    ovr.add_argument("--kind", choices=("off", "work", "none"), required=True)
    ovr.add_argument("--name", default="")
    p.set_defaults(handler=run)


def _time(text: str, ctx: CliContext) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise CliError(
            ctx.say(f"Giờ chốt «{text}» phải có dạng HH:MM.", f"Cut-off «{text}» must be HH:MM.")
        ) from exc


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    app = ctx.app()
    if args.calendar_command == "due":
        received = parse_datetime(ctx, args.received)
        if args.duration < 0:
            raise CliError(ctx.say("Thời hạn không được âm.", "The duration cannot be negative."))
        cutoff = _time(args.cutoff, ctx) if args.cutoff else None
        due = settings.calendar(app, None).appointment_for(
            received, args.duration, DurationUnit(args.unit), cutoff
        )
        print(due.isoformat(timespec="minutes"), file=ctx.out)
    elif args.calendar_command == "holidays":
        if not 1990 <= args.year <= 2100:
            raise CliError(ctx.say("Năm phải từ 1990 đến 2100.", "The year must be between 1990 and 2100."))
        cal = settings.calendar(app, None)
        for day, name in cal.days_off(args.year):
            print(f"{day.isoformat()}\t{name}", file=ctx.out)
        for day in cal.make_up_days(args.year):
            print(
                f"{day.isoformat()}\t{ctx.say('Ngày làm bù (làm việc)', 'Make-up working day')}", file=ctx.out
            )
    else:
        day = parse_date(ctx, args.day)
        account = ctx.act(Operation.CONFIGURE)
        settings.set_override(app, account, day, None if args.kind == "none" else args.kind, args.name)
        print(ctx.say("Đã cập nhật lịch làm việc.", "Calendar updated."), file=ctx.out)
    return 0
