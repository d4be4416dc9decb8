"""`counter-app dossier`: receive, complete (an intake that waited for papers), show, search and advance dossiers
from the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from ..app import intake, settings, tracking
from ..core.errors import NotFoundError
from ..core.intake import missing_components, new_dossier
from ..core.model import ApplicantKind, Component, Dossier, HandedComponent, IdType, Person, Procedure, Status
from ..core.roles import Operation
from ..core.serial import dt_text, event_to_dict, person_to_dict
from ..core.statuses import Timeliness, deadline, timeliness
from ..core.validation import clean_person
from ..messages import status_name
from .context import CliContext, CliError, not_in_future, parse_datetime

STATUS_CHOICES = "processing, supplement-requested, fees-due, withdrawal-requested, stopped, result-ready, returned, refused"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dossier", help="dossiers")
    s = p.add_subparsers(dest="dossier_command", required=True)
    r = s.add_parser("receive", help="receive a dossier at the counter")
    r.add_argument("--procedure", required=True, help="national procedure code")
    r.add_argument("--applicant-name", required=True)
    r.add_argument("--applicant-id", required=True)
    r.add_argument("--applicant-kind", default="citizen", choices=("citizen", "business", "agency", "other"))
    r.add_argument("--id-type", default=None, choices=[t.value for t in IdType])
    r.add_argument("--phone", default="")
    r.add_argument("--address", default="")
    r.add_argument("--email", default="")
    r.add_argument("--received", default=None, help="ISO date-time, for back-entry of paper intakes")
    r.add_argument(
        "--missing", type=int, nargs="+", default=[], help="numbers of required components not handed in"
    )
    r.add_argument(
        "--conditional",
        type=int,
        nargs="+",
        default=[],
        metavar="N",
        help="numbers of the conditional components (needed only in some cases) that were handed in; "
        "the others are not recorded",
    )
    r.add_argument("--json", action="store_true")
    c = s.add_parser(
        "complete",
        help="receive an intake that waited for papers (form 02), now that they are in",
        description="REF is the reference on form 02 (BS-…) or the id `dossier receive --missing … --json` printed. "
        "The papers then missing count as handed in now; the code and the appointment are counted from now.",
    )
    c.add_argument("ref", metavar="REF")
    c.add_argument(
        "--missing",
        type=int,
        nargs="+",
        default=[],
        help="numbers of required components still not handed in",
    )
    c.add_argument(
        "--conditional",
        type=int,
        nargs="+",
        default=[],
        metavar="N",
        help="numbers of conditional components handed in now (those handed in at the first visit are kept)",
    )
    c.add_argument("--json", action="store_true")
    sh = s.add_parser("show", help="one dossier")
    sh.add_argument("code")
    sh.add_argument("--json", action="store_true")
    se = s.add_parser("search", help="search by code, name, identifier or phone (tone marks ignored)")
    se.add_argument("query")
    se.add_argument("--json", action="store_true")
    se.add_argument("--limit", type=int, default=50)
    a = s.add_parser("advance", help="move a dossier to another status")
    a.add_argument("code")
    a.add_argument("--status", required=True, help=f"national number or one of: {STATUS_CHOICES}")
    a.add_argument("--unit", default="")
    a.add_argument("--note", default="")
    a.add_argument("--at", default=None, help="ISO date-time of the event (default now)")
    p.set_defaults(handler=run)


def _when(text: str | None, ctx: CliContext) -> datetime:
    if not text:
        return datetime.now().replace(microsecond=0)
    value = parse_datetime(ctx, text)
    local = value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone().replace(tzinfo=None)
    return not_in_future(ctx, text, local)


def dossier_json(d: Dossier, lang: str, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now()
    t = timeliness(d, now)
    dl = deadline(d, now)
    return {
        "id": d.id,
        "code": d.code,
        "status": int(d.status),
        "status_name": status_name(d.status, lang),
        "procedure": {"code": d.procedure.code, "name": d.procedure.name, "field": d.procedure.field},
        "received": dt_text(d.received_at),
        "appointment": dt_text(d.appointment),
        "new_appointment": dt_text(d.new_appointment),
        "due": dt_text(dl.due) if dl else None,
        "timeliness": t.value,
        "late": t in (Timeliness.LATE, Timeliness.OVERDUE),
        "applicant": person_to_dict(d.applicant),
        "unit": d.unit,
        "officer": d.officer,
        "counter": d.counter,
        "missing": list(d.missing),
        "reason": d.reason,
        "book_entry": d.book_entry,
        "history": [event_to_dict(e) for e in d.history],
    }


def _print(d: Dossier, args: argparse.Namespace, ctx: CliContext) -> None:
    if getattr(args, "json", False):
        json.dump(dossier_json(d, ctx.lang), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    else:
        print(
            f"{d.code or '-'}\t{status_name(d.status, ctx.lang)}\t{d.applicant.name}\t{d.procedure.name}",
            file=ctx.out,
        )


def _handed(
    procedure: Procedure, missing: list[int], conditional: list[int], ctx: CliContext
) -> list[HandedComponent]:
    """What the citizen handed in: every required component not listed as missing, and the conditional ones listed
    as handed in, with the catalogue's counts; a paper only shown is recorded as shown, with no copy kept."""
    numbers = {c.number for c in procedure.components}
    unknown = sorted({n for n in [*missing, *conditional] if n not in numbers})
    if unknown:
        raise CliError(
            ctx.say(
                f"Thủ tục {procedure.code} không có thành phần số {', '.join(map(str, unknown))}.",
                f"Procedure {procedure.code} has no component number {', '.join(map(str, unknown))}.",
            )
        )
    required = sorted(n for n in conditional if procedure.component(n).required)
    if required:
        listed = ", ".join(map(str, required))
        raise CliError(
            ctx.say(
                f"Thành phần số {listed} là bắt buộc, không phải giấy tờ tùy trường hợp: bỏ khỏi --conditional "
                "(thiếu thì ghi ở --missing).",
                f"Component {listed} is required, not conditional: leave it out of --conditional "
                "(list it under --missing when it is not handed in).",
            )
        )
    both = sorted(set(missing) & set(conditional))
    if both:
        listed = ", ".join(map(str, both))
        raise CliError(
            ctx.say(
                f"Thành phần số {listed} không thể vừa thiếu vừa được nộp.",
                f"Component {listed} cannot be both missing and handed in.",
            )
        )
    return [
        HandedComponent(c.number, c.name, shown=True)
        if c.shown_only
        else HandedComponent(c.number, c.name, c.originals, c.certified_copies, c.photocopies)
        for c in procedure.components
        if (c.required and c.number not in missing) or (not c.required and c.number in conditional)
    ]


def _receive(args: argparse.Namespace, ctx: CliContext) -> int:
    app = ctx.app()
    account = ctx.act(Operation.RECEIVE)
    officer = account.username
    unit = settings.require_unit(app, account)
    procedure = intake.procedure(app, account, args.procedure)
    kind = ApplicantKind.parse(args.applicant_kind)
    id_type = (
        IdType(args.id_type)
        if args.id_type
        else (IdType.TAX_CODE if kind is ApplicantKind.BUSINESS else IdType.PERSONAL_ID)
    )
    received = _when(args.received, ctx)
    applicant = clean_person(
        Person(args.applicant_name, args.applicant_id, id_type, kind, args.address, args.phone, args.email),
        today=received.date(),
    )
    handed = _handed(procedure, args.missing, args.conditional, ctx)
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=applicant,
        at=received,
        officer=officer,
        counter=unit.counter,
        components=handed,
    )
    missing = missing_components(procedure, handed)
    if missing:
        names = [c.name for c in missing]
        dossier = intake.request_supplement(
            app, account, draft, names, ctx.say("Hồ sơ chưa đủ thành phần.", "Incomplete dossier.")
        ).value
        _print(dossier, args, ctx)
        print(_missing_sentence(missing, ctx), file=ctx.err)
        return 1
    dossier = intake.receive(app, account, draft).value
    _print(dossier, args, ctx)
    return 0


def _missing_sentence(missing: list[Component], ctx: CliContext) -> str:
    listed = "; ".join(f"({c.number}) {c.name}" for c in missing)
    return ctx.say(f"Chưa tiếp nhận: hồ sơ còn thiếu {listed}", f"Not received: missing {listed}")


def _complete(args: argparse.Namespace, ctx: CliContext) -> int:
    """Receive the intake REF names now that its papers are in; a paper still missing changes nothing (exit 1)."""
    app = ctx.app()
    account = ctx.act(Operation.RECEIVE)
    settings.require_unit(app, account)
    waiting = intake.pending(app, account, args.ref)
    procedure = waiting.procedure
    kept = {h.number for h in waiting.components if not procedure.component(h.number).required}
    handed = _handed(procedure, args.missing, sorted(kept | set(args.conditional)), ctx)
    missing = missing_components(procedure, handed)
    if missing:
        print(_missing_sentence(missing, ctx), file=ctx.err)
        return 1
    revised = replace(waiting, received_at=_when(None, ctx), components=tuple(handed))
    dossier = intake.complete(app, account, args.ref, revised).value
    _print(dossier, args, ctx)
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    app = ctx.app()
    cmd = args.dossier_command
    if cmd == "receive":
        return _receive(args, ctx)
    if cmd == "complete":
        return _complete(args, ctx)
    account = ctx.act(Operation.MOVE if cmd == "advance" else Operation.VIEW)
    if cmd == "show":
        _print(tracking.get(app, account, args.code), args, ctx)
        return 0
    if cmd == "search":
        found = tracking.search(app, account, args.query, args.limit)
        if args.json:
            json.dump([dossier_json(d, ctx.lang) for d in found], ctx.out, ensure_ascii=False, indent=2)
            ctx.out.write("\n")
        else:
            for d in found:
                _print(d, args, ctx)
        return 0
    try:
        target = Status.parse(args.status)
    except (KeyError, ValueError) as exc:
        raise CliError(
            ctx.say(
                f"Trạng thái «{args.status}» không hợp lệ; dùng số 1–10 hoặc: {STATUS_CHOICES}.",
                f"Unknown status «{args.status}»; use 1–10 or one of: {STATUS_CHOICES}.",
            )
        ) from exc
    if tracking.find(app, account, args.code) is None:
        raise NotFoundError(kind="dossier", key=args.code)
    dossier = tracking.advance(
        app, account, args.code, target, at=_when(args.at, ctx), unit=args.unit, note=args.note
    ).value
    _print(dossier, args, ctx)
    return 0
