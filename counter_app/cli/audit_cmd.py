"""`counter-app audit`: check this counter's tamper-evident audit trail, or list its latest entries."""

from __future__ import annotations

import argparse
import json

from ..app import audit
from ..core.roles import Operation
from .context import CliContext

#: Why an entry breaks the chain, as the administrator reads it.
REASONS: dict[str, tuple[str, str]] = {
    "seq": ("thiếu mục (số thứ tự bị đứt)", "an entry is missing (the numbering breaks)"),
    "link": ("mục không nối tiếp mục trước", "the entry does not follow the previous one"),
    "hash": ("nội dung mục đã bị sửa", "the entry's content was changed"),
    "event_changed": ("lịch sử hồ sơ đã bị sửa", "the dossier's history was changed"),
    "event_missing": ("một bước của hồ sơ đã bị xóa", "a step of the dossier was removed"),
    "outbox_missing": (
        "thay đổi chờ gửi máy chủ đã bị xóa",
        "a change waiting for the server was removed",
    ),
    "outbox_changed": (
        "thay đổi chờ gửi máy chủ đã bị sửa",
        "a change waiting for the server was changed",
    ),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="check or list the tamper-evident audit trail")
    s = p.add_subparsers(dest="audit_command", required=True)
    v = s.add_parser("verify", help="exit 0 when the chain is intact, 1 naming the first broken entry")
    v.add_argument("--json", action="store_true")
    ls = s.add_parser("list", help="the latest entries")
    ls.add_argument("--limit", type=int, default=20)
    ls.add_argument("--json", action="store_true")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    account = ctx.act(Operation.AUDIT)
    app = ctx.app()
    if args.audit_command == "list":
        entries = audit.latest(app, account, max(1, min(int(args.limit), 10_000)))
        if args.json:
            print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1), file=ctx.out)
        else:
            for e in entries:
                print(f"{e.seq}\t{e.at}\t{e.kind}\t{e.actor}\t{e.dossier_id or ''}", file=ctx.out)
        return 0
    check = audit.verify(app, account)
    if args.json:
        broken = check.broken
        print(
            json.dumps(
                {
                    "ok": check.ok,
                    "entries": check.entries,
                    "broken": None
                    if broken is None
                    else {"seq": broken.seq, "entry_id": broken.entry_id, "reason": broken.reason},
                }
            ),
            file=ctx.out,
        )
        return 0 if check.ok else 1
    if check.broken is None:
        print(
            ctx.say(
                f"Nhật ký kiểm toán nguyên vẹn: {check.entries} mục.",
                f"The audit trail is intact: {check.entries} entries.",
            ),
            file=ctx.out,
        )
        return 0
    broken = check.broken
    entry = next(iter(audit.entries(app, account, broken.seq - 1, 1)), None)
    what = (
        f" ({entry.at}, {entry.kind}, {entry.actor})" if entry is not None and entry.seq == broken.seq else ""
    )
    vi, en = REASONS.get(broken.reason, (broken.reason, broken.reason))
    print(
        ctx.say(
            f"Nhật ký kiểm toán bị phá vỡ tại mục số {broken.seq}{what}: {vi}.",
            f"The audit trail is broken at entry {broken.seq}{what}: {en}.",
        ),
        file=ctx.err,
    )
    return 1
