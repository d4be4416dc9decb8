"""`counter-app report`: the leaders' figures for a period, as JSON, text or a spreadsheet."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..app import reports
from ..core.report import Report
from ..core.roles import Operation
from ..messages import status_name
from .context import CliContext, CliError, check_output_path, parse_date


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="figures for a period (national on-time indicator)")
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
    lines = [
        ctx.say(f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", f"From {start:%d/%m/%Y} to {end:%d/%m/%Y}"),
        *_indicator_lines(report, ctx),
        ctx.say(f"Tiếp nhận trong kỳ: {report.received}", f"Received in the period: {report.received}"),
        _portal_line(report, ctx),
        *_digitised_lines(report, ctx),
        ctx.say(
            f"Đã giải quyết: {report.resolved} · đúng hạn {report.resolved_on_time} "
            f"(trước hạn {report.resolved_early}) · quá hạn {report.resolved_late} · "
            f"tỷ lệ giải quyết đúng hạn (trên hồ sơ đã giải quyết): {_percent(report.resolved_on_time_rate, ctx)}",
            f"Resolved: {report.resolved} · on time {report.resolved_on_time} (early {report.resolved_early}) · "
            f"late {report.resolved_late} · resolved on time (of those resolved): "
            f"{_percent(report.resolved_on_time_rate, ctx)}",
        ),
        ctx.say(f"Đã trả kết quả: {report.returned}", f"Returned: {report.returned}"),
        ctx.say("Hồ sơ tiếp nhận trong kỳ theo trạng thái:", "Received in the period, by status:"),
    ]
    for status, count in sorted(report.by_status.items()):
        lines.append(f"  {status_name(status, ctx.lang)}: {count}")
    print("\n".join(lines), file=ctx.out)
    return 0


def _percent(value: float | None, ctx: CliContext) -> str:
    if value is None:
        return "—"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if ctx.lang != "en" else text) + "%"


def _portal_line(report: Report, ctx: CliContext) -> str:
    """The synchronisation indicator: received dossiers the national portal holds by now."""
    rate, r = _percent(report.portal_synced_rate, ctx), report
    return ctx.say(
        f"  Đã đồng bộ lên Cổng Dịch vụ công quốc gia: {rate} ({r.portal_synced}/{r.received})",
        f"  Synchronised to the National Public Service Portal: {rate} ({r.portal_synced}/{r.received})",
    )


def _digitised_lines(report: Report, ctx: CliContext) -> list[str]:
    """The digitisation shares: received dossiers with every required component digitised, resolved with their
    result digitised."""
    r = report
    papers, results = _percent(r.digitised_rate, ctx), _percent(r.results_digitised_rate, ctx)
    return [
        ctx.say(
            f"  Hồ sơ đã số hóa đủ thành phần: {papers} ({r.digitised}/{r.received})",
            f"  Dossiers with every required component digitised: {papers} ({r.digitised}/{r.received})",
        ),
        ctx.say(
            f"  Kết quả đã số hóa: {results} ({r.results_digitised}/{r.resolved})",
            f"  Results digitised: {results} ({r.results_digitised}/{r.resolved})",
        ),
    ]


def _indicator_lines(report: Report, ctx: CliContext) -> list[str]:
    """The national indicator (Decision 766/QĐ-TTg) and what it is made of."""
    as_of = f"{report.as_of:%d/%m/%Y %H:%M}" if report.as_of else ""
    rate = _percent(report.on_time_rate, ctx)
    r = report
    return [
        ctx.say(
            f"Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (QĐ 766/QĐ-TTg): {rate} ({r.on_time}/{r.counted})",
            f"On-time rate, national indicator (Decision 766/QĐ-TTg): {rate} ({r.on_time}/{r.counted})",
        ),
        ctx.say(
            f"  Hồ sơ tiếp nhận và xử lý trong kỳ: {r.counted} (kỳ trước chuyển sang: {r.carried_over})",
            f"  Received and processed in the period: {r.counted} (carried over: {r.carried_over})",
        ),
        ctx.say(
            f"  Đã xử lý xong, dừng hoặc rút: đúng hạn {r.finished_on_time} (trước hạn {r.finished_early}) · "
            f"quá hạn {r.finished_late} · trong đó dừng, rút {r.stopped}",
            f"  Ended (result, stop or withdrawal): on time {r.finished_on_time} (early {r.finished_early}) · "
            f"late {r.finished_late} · of which stopped or withdrawn {r.stopped}",
        ),
        ctx.say(
            f"  Đang xử lý lúc {as_of}: trong hạn {r.open_in_time} · quá hạn {r.overdue_open}",
            f"  Still open at {as_of}: in time {r.open_in_time} · overdue {r.overdue_open}",
        ),
    ]
