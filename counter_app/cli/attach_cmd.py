"""`counter-app attach CODE --component N FILE... [--json]`, `counter-app attach CODE --result FILE...` and
`counter-app attachments CODE (--json | --extract DIR)`: a dossier's digitised papers."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ..app import digitise
from ..core.roles import Operation
from .context import CliContext, CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "attach",
        help="keep the digitised copy of a component, or the electronic result, of a dossier",
        description="The files (PDFs or images) become one PDF kept with the dossier: a component the citizen "
        "handed in (--component N, its number in the procedure) or the electronic result (--result).",
    )
    p.add_argument("code", metavar="CODE", help="the dossier's code")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--component", type=int, metavar="N", help="the component's number in the procedure")
    which.add_argument("--result", action="store_true", help="the electronic result")
    p.add_argument("files", nargs="+", metavar="FILE", type=Path, help="PDF files or images, in page order")
    p.add_argument("--json", action="store_true", help="print the kept paper as JSON")
    p.set_defaults(handler=run_attach)

    p = sub.add_parser("attachments", help="list a dossier's digitised papers, or write them out as PDFs")
    p.add_argument("code", metavar="CODE")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print them as a JSON array")
    out.add_argument("--extract", type=Path, metavar="DIR", help="write each PDF into DIR")
    p.set_defaults(handler=run_list)


def run_attach(args: argparse.Namespace, ctx: CliContext) -> int:
    app = ctx.app()
    if args.result:
        done = digitise.attach_result(app, ctx.act(Operation.MOVE), args.code, list(args.files))
    else:
        account = ctx.act(Operation.RECEIVE)
        done = digitise.attach_component(app, account, args.code, args.component, list(args.files))
    kept = done.value
    if args.json:
        print(json.dumps(kept.to_dict(), ensure_ascii=False, indent=2), file=ctx.out)
    else:
        print(
            ctx.say(
                f"Đã số hóa «{kept.name}»: {kept.pages} trang, {kept.bytes // 1024} KB.",
                f"Digitised «{kept.name}»: {kept.pages} pages, {kept.bytes // 1024} KB.",
            ),
            file=ctx.out,
        )
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    app = ctx.app()
    account = ctx.act(Operation.VIEW)
    found = digitise.attachments(app, account, args.code)
    if args.extract is not None:
        folder: Path = args.extract
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for index, item in enumerate(found, start=1):
                label = f"tp{item.component:02d}" if item.component is not None else "ket-qua"
                target = folder / f"{index:02d}-{label}-{item.sha256[:12]}.pdf"
                partial = target.with_name(f".{target.name}.partial")
                partial.write_bytes(digitise.read_attachment(app, account, item))
                os.replace(partial, target)
                print(target, file=ctx.out)
        except OSError as exc:
            raise CliError(
                ctx.say(
                    f"Không ghi được vào {folder}: {exc.strerror}",
                    f"Cannot write into {folder}: {exc.strerror}",
                )
            ) from exc
        return 0
    if args.json:
        print(json.dumps([a.to_dict() for a in found], ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    for a in found:
        which = (
            ctx.say(f"thành phần {a.component}", f"component {a.component}")
            if a.component
            else ctx.say("kết quả", "result")
        )
        sent = ctx.say("đã đồng bộ", "synced") if a.synced else ctx.say("chưa đồng bộ", "not synced")
        print(f"{which}\t{a.name}\t{a.pages}\t{a.bytes}\t{a.sha256}\t{sent}", file=ctx.out)
    if not found:
        print(ctx.say("Hồ sơ chưa có giấy tờ số hóa.", "The dossier has no digitised papers."), file=ctx.out)
    return 0
