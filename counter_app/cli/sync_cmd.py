"""`counter-app sync`: one sync cycle, the sync status, re-queueing parked changes, exporting the outbox."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..app import CounterApp, sync
from ..core.roles import Account, Operation
from ..sync.status import SyncState, SyncStatus
from ..sync.wording import describe_sync
from .context import CliContext, CliError

STATE_NAMES = {
    SyncState.ONLINE: ("trực tuyến", "online"),
    SyncState.OFFLINE: ("ngoại tuyến", "offline"),
    SyncState.SYNCING: ("đang đồng bộ", "syncing"),
    SyncState.NEEDS_ATTENTION: ("cần xử lý", "needs attention"),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="synchronise with the central server, or show what waits")
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--once", action="store_true", help="run one full cycle: push the outbox, pull changes"
    )
    action.add_argument("--status", action="store_true", help="show pending and parked changes (the default)")
    action.add_argument(
        "--retry", nargs="*", metavar="CHANGE_ID", help="re-queue parked changes (all, or the ones named)"
    )
    action.add_argument(
        "--export", type=Path, metavar="FILE", help="write every unsent change to a JSON file"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the server (default 30)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from ..sync.client import SyncClient

    def client_factory(url: str, token: str, **kw: Any) -> SyncClient:
        return SyncClient(url, token, timeout=args.timeout, **kw)

    app = ctx.app()
    account = ctx.act(
        Operation.BACKUP
        if args.export is not None
        else Operation.CONFIGURE
        if args.retry is not None
        else Operation.VIEW
    )
    engine = sync.engine(app, client_factory)
    try:
        if args.once:
            return _once(app, account, engine, args, ctx)
        if args.retry is not None:
            count = sync.requeue(app, account, args.retry or None).value
            _emit(
                ctx,
                args,
                {"requeued": count},
                ctx.say(f"Đã đưa lại {count} mục vào hàng chờ.", f"Re-queued {count} items."),
            )
            return 0
        if args.export is not None:
            count = sync.export(app, account, args.export).value
            _emit(
                ctx,
                args,
                {"exported": count, "file": str(args.export)},
                ctx.say(
                    f"Đã xuất {count} thay đổi chưa gửi ra {args.export}.",
                    f"Exported {count} unsent changes to {args.export}.",
                ),
            )
            return 0
        status = sync.status(app, account, engine)
        if args.json:
            print(json.dumps(status.to_json(), ensure_ascii=False), file=ctx.out)
        else:
            _print_status(status, ctx)
        return 0
    finally:
        engine.close()


def _emit(ctx: CliContext, args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else text, file=ctx.out)


def _once(app: CounterApp, account: Account, engine: Any, args: argparse.Namespace, ctx: CliContext) -> int:
    report = sync.cycle(app, account, engine).value
    if report.outcome == "not_configured":
        raise CliError(describe_sync(report.error, ctx.lang))
    push, pull = report.push, report.pull
    if args.json:
        data = {
            "outcome": report.outcome,
            "error": report.error,
            "sent": push.sent,
            "duplicates": push.duplicates,
            "retried": push.retried,
            "received": pull.items,
            "dossiers": pull.dossiers,
            "kept_local": pull.kept_local,
            "catalogue": pull.catalogue,
            "calendar_days": pull.calendar_days,
            "parked": [p.to_dict() for p in push.parked],
            "clock_skew_s": report.clock_skew_s,
        }
        print(json.dumps(data, ensure_ascii=False), file=ctx.out)
    else:
        say = ctx.say
        print(
            say(
                f"Đã gửi: {push.sent} thay đổi ({push.duplicates} đã có trên máy chủ)",
                f"Sent: {push.sent} changes ({push.duplicates} already on the server)",
            ),
            file=ctx.out,
        )
        print(
            say(
                f"Đã nhận: {pull.items} mục ({pull.dossiers} hồ sơ cập nhật, {pull.kept_local} giữ bản chưa gửi, "
                f"{pull.catalogue} danh mục, {pull.calendar_days} ngày lịch)",
                f"Received: {pull.items} items ({pull.dossiers} dossiers updated, {pull.kept_local} kept unsent, "
                f"{pull.catalogue} catalogue, {pull.calendar_days} calendar days)",
            ),
            file=ctx.out,
        )
        print(say(f"Cần xử lý: {len(push.parked)}", f"Parked: {len(push.parked)}"), file=ctx.out)
        for item in push.parked:
            print(
                f"  - {item.code or item.dossier_id or item.change_id} ({item.kind}): "
                f"{describe_sync(item.reason, ctx.lang)}",
                file=ctx.out,
            )
        if report.clock_skew_s is not None and abs(report.clock_skew_s) > 300:
            print(
                say(
                    f"Cảnh báo: đồng hồ máy lệch {report.clock_skew_s:+.0f} giây so với máy chủ.",
                    f"Warning: this computer's clock is {report.clock_skew_s:+.0f} s off the server's.",
                ),
                file=ctx.out,
            )
    if report.ok:
        return 0
    if not args.json:
        print(describe_sync(report.error, ctx.lang), file=ctx.err)
    return 1


def _age(seconds: float | None, ctx: CliContext) -> str:
    if seconds is None:
        return "-"
    minutes = int(seconds // 60)
    if minutes < 60:
        return ctx.say(f"{minutes} phút", f"{minutes} min")
    return ctx.say(f"{minutes // 60} giờ {minutes % 60} phút", f"{minutes // 60} h {minutes % 60} min")


def _print_status(status: SyncStatus, ctx: CliContext) -> None:
    say = ctx.say
    vi, en = STATE_NAMES[status.state]
    print(say(f"Trạng thái: {vi}", f"State: {en}"), file=ctx.out)
    print(
        say(f"Máy chủ: {status.server or 'chưa kết nối'}", f"Server: {status.server or 'not joined'}"),
        file=ctx.out,
    )
    print(
        say(
            f"Chờ gửi: {status.pending} (cũ nhất: {_age(status.oldest_pending_age_s, ctx)})",
            f"Pending: {status.pending} (oldest: {_age(status.oldest_pending_age_s, ctx)})",
        ),
        file=ctx.out,
    )
    print(
        say(
            f"Đồng bộ thành công gần nhất: {status.last_success or 'chưa có'}",
            f"Last successful sync: {status.last_success or 'never'}",
        ),
        file=ctx.out,
    )
    if status.clock_skew_s is not None:
        warn = say(" — đồng hồ máy bị lệch", " — this computer's clock is off") if status.clock_is_off else ""
        print(
            say(
                f"Lệch đồng hồ: {status.clock_skew_s:+.0f} giây{warn}",
                f"Clock skew: {status.clock_skew_s:+.0f} s{warn}",
            ),
            file=ctx.out,
        )
    if status.problem and status.state is not SyncState.ONLINE:
        print(say("Lỗi gần nhất: ", "Last problem: ") + describe_sync(status.problem, ctx.lang), file=ctx.out)
    print(say(f"Cần xử lý: {len(status.parked)}", f"Parked: {len(status.parked)}"), file=ctx.out)
    for item in status.parked:
        print(
            f"  - {item.code or item.dossier_id or item.change_id} ({item.kind}, {item.change_id}): "
            f"{describe_sync(item.reason, ctx.lang)}",
            file=ctx.out,
        )
