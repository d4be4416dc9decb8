"""`counter-app print` and `counter-app book`: the official forms and the tracking book as files."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..app import reports, tracking
from ..core.roles import Operation
from .context import CliContext, CliError, parse_date

FORMS = ("receipt", "supplement", "refusal", "apology", "stop", "control")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="render a form of a dossier to PDF")
    p.add_argument("form", help=", ".join(FORMS))
    p.add_argument(
        "code", help="dossier code (or, for a dossier never received, its ID or the reference on form 02)"
    )
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--paper", default="a5", choices=("a5", "a4", "thermal80"))
    p.set_defaults(handler=run_print)
    b = sub.add_parser("book", help="tracking book (form 07) for a period, PDF or XLSX")
    b.add_argument("--from", dest="date_from", required=True)
    b.add_argument("--to", dest="date_to", required=True)
    b.add_argument("--field", default=None, help="field of procedures (lĩnh vực)")
    b.add_argument("-o", "--output", required=True, type=Path)
    b.set_defaults(handler=run_book)


def _writable(path: Path, ctx: CliContext) -> None:
    if not path.parent.exists():
        raise CliError(
            ctx.say(f"Thư mục {path.parent} không tồn tại.", f"Folder {path.parent} does not exist.")
        )


def run_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from ..documents import FormKind, Paper

    if args.form not in FORMS:
        raise CliError(
            ctx.say(
                f"Không có mẫu «{args.form}»; dùng một trong: {', '.join(FORMS)}.",
                f"Unknown form «{args.form}»; use one of: {', '.join(FORMS)}.",
            )
        )
    app = ctx.app()
    account = ctx.act(Operation.PRINT)
    dossier = tracking.get(app, account, args.code)
    kind = FormKind(args.form)
    if args.paper == "thermal80" and kind is not FormKind.RECEIPT:
        raise CliError(
            ctx.say("Khổ giấy 80 mm chỉ dùng cho giấy tiếp nhận.", "The 80 mm paper is for receipts only.")
        )
    _writable(args.output, ctx)
    reports.save_form(app, account, kind, dossier, args.output, Paper(args.paper))
    print(ctx.say(f"Đã ghi {args.output}.", f"Wrote {args.output}."), file=ctx.out)
    return 0


def run_book(args: argparse.Namespace, ctx: CliContext) -> int:

    start, end = parse_date(ctx, args.date_from), parse_date(ctx, args.date_to)
    if end < start:
        raise CliError(ctx.say("Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date."))
    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CliError(
            ctx.say("Tệp đầu ra phải là .pdf hoặc .xlsx.", "The output must be a .pdf or .xlsx file.")
        )
    _writable(args.output, ctx)
    account = ctx.act(Operation.PRINT)
    reports.save_book(ctx.app(), account, start, end, args.output, args.field)
    print(ctx.say(f"Đã ghi {args.output}.", f"Wrote {args.output}."), file=ctx.out)
    return 0
