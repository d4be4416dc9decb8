"""`counter-app catalog`: import, export and list the procedure catalogue."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..app import catalogue, intake
from ..core.catalogue import CatalogueError, procedure_to_dict
from ..core.roles import Operation
from ..messages import describe_catalogue_issue
from .context import CliContext, CliError, check_output_path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("catalog", help="procedure catalogue")
    s = p.add_subparsers(dest="catalog_command", required=True)
    imp = s.add_parser("import", help="import a catalogue (JSON, XLSX or CSV); all or nothing")
    imp.add_argument("file", type=Path)
    exp = s.add_parser("export", help="export the catalogue (JSON, XLSX or CSV by extension)")
    exp.add_argument("file", type=Path)
    lst = s.add_parser("list", help="list procedures")
    lst.add_argument("--json", action="store_true")
    seed = s.add_parser("seed", help="install the embedded sample catalogue")
    seed.set_defaults(catalog_command="seed")
    p.set_defaults(handler=run)


def _issue_text(issue: object, ctx: CliContext) -> str:
    sheet = getattr(issue, "sheet", None)
    row = getattr(issue, "row", None)
    where = []
    if sheet:
        where.append(ctx.say(f"trang «{sheet}»", f"sheet «{sheet}»"))
    if row is not None:
        where.append(ctx.say(f"dòng {row}", f"row {row}"))
    where.append(ctx.say(f"trường «{issue.field}»", f"field «{issue.field}»"))  # type: ignore[attr-defined]
    return f"{', '.join(where)}: {describe_catalogue_issue(issue.code, ctx.lang)}"  # type: ignore[attr-defined]


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    app = ctx.app()
    account = ctx.act(Operation.CATALOGUE if args.catalog_command in ("import", "seed") else Operation.VIEW)
    if args.catalog_command == "import":
        if not args.file.is_file():
            raise CliError(ctx.say(f"Không tìm thấy tệp {args.file}.", f"File {args.file} not found."))
        try:
            procedures = catalogue.read_file(args.file)
        except CatalogueError as exc:
            lines = [_issue_text(i, ctx) for i in exc.issues]
            head = ctx.say(
                f"Danh mục có {len(lines)} lỗi; không nhập thủ tục nào:",
                f"The catalogue has {len(lines)} errors; nothing imported:",
            )
            raise CliError(("\n" if len(lines) > 1 else " ").join([head, *lines])) from exc
        except OSError as exc:
            raise CliError(
                ctx.say(
                    f"Không đọc được tệp {args.file} ({exc.strerror or exc}); không nhập thủ tục nào.",
                    f"Cannot read {args.file} ({exc.strerror or exc}); nothing imported.",
                )
            ) from exc
        catalogue.replace(app, account, procedures, str(args.file))
        print(
            ctx.say(f"Đã nhập {len(procedures)} thủ tục.", f"Imported {len(procedures)} procedures."),
            file=ctx.out,
        )
    elif args.catalog_command == "export":
        if args.file.suffix.lower() not in (".json", ".xlsx", ".csv"):
            raise CliError(
                ctx.say("Chỉ xuất được .json, .xlsx hoặc .csv.", "Export to .json, .xlsx or .csv only.")
            )
        check_output_path(ctx, args.file)
        try:
            catalogue.export_file(app, account, args.file)
        except OSError as exc:
            raise CliError(
                ctx.say(
                    f"Không ghi được tệp {args.file} ({exc.strerror or exc}).",
                    f"Cannot write {args.file} ({exc.strerror or exc}).",
                )
            ) from exc
        print(ctx.say(f"Đã xuất ra {args.file}.", f"Exported to {args.file}."), file=ctx.out)
    elif args.catalog_command == "seed":
        catalogue.replace(app, account, catalogue.sample(), "sample")
        print(ctx.say("Đã cài danh mục mẫu.", "Installed the sample catalogue."), file=ctx.out)
    else:
        procedures = intake.procedures(app, account)
        if args.json:
            json.dump([procedure_to_dict(p) for p in procedures], ctx.out, ensure_ascii=False, indent=2)
            ctx.out.write("\n")
        else:
            for p in procedures:
                print(f"{p.code}\t{p.field}\t{p.name}", file=ctx.out)
    return 0
