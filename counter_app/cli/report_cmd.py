"""`counter-app report`: the leaders' figures for a period, as JSON, text or a spreadsheet."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..app import reports
from ..core.roles import Operation
from ..messages import status_name
from .context import CliContext, CliError, check_output_path, parse_date


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="figures for a period (national on-time rule)")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", type=Path, default=None, help="also write an .xlsx workbook")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    start, end = parse_date(ctx, args.date_from), parse_date(ctx, args.date_to)
    if end < start:
        raise CliError(ctx.say("Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date."))
    if args.output is not None and args.output.suffix.lower() != ".xlsx":
        raise CliError(ctx.say("Tệp báo cáo phải là .xlsx.", "The report file must be .xlsx."))
    if args.output is not None:
        check_output_path(ctx, args.output)
    app = ctx.app()
    account = ctx.act(Operation.REPORT)
    if args.output is not None:
        report = reports.save_report(app, account, start, end, args.output, ctx.lang).value
    else:
        report = reports.report(app, account, start, end)
    if args.json:
        json.dump(report.to_dict(), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    rate = "—" if report.on_time_rate is None else f"{report.on_time_rate:.1f}%"
    lines = [
        ctx.say(f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", f"From {start:%d/%m/%Y} to {end:%d/%m/%Y}"),
        ctx.say(f"Tiếp nhận: {report.received}", f"Received: {report.received}"),
        ctx.say(f"Đã giải quyết: {report.resolved}", f"Resolved: {report.resolved}"),
        ctx.say(f"Đã trả kết quả: {report.returned}", f"Returned: {report.returned}"),
        ctx.say(
            f"Đúng hạn: {report.on_time} · Quá hạn: {report.late} · Tỷ lệ đúng hạn: {rate}",
            f"On time: {report.on_time} · Late: {report.late} · On-time rate: {rate}",
        ),
    ]
    for status, count in sorted(report.by_status.items()):
        lines.append(f"  {status_name(status, ctx.lang)}: {count}")
    print("\n".join(lines), file=ctx.out)
    return 0
