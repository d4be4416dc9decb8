"""`counter-app backup` and `counter-app restore`: a consistent copy of the counter's data, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..app import backup
from ..app.backup import DatabaseDamagedError
from ..core.roles import Operation
from .context import CliContext


def add_parser(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="copy the counter's database consistently (default: into backups/)")
    b.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="write the copy to FILE")
    b.set_defaults(handler=run_backup)
    r = sub.add_parser("restore", help="install a backup in place of the counter's database")
    r.add_argument("file", type=Path, help="a backup made by `counter-app backup` or the automatic backups")
    r.add_argument(
        "--force",
        action="store_true",
        help="restore even though the current database holds unsent changes (they are exported first)",
    )
    r.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    account = ctx.act(Operation.BACKUP)
    path = backup.backup(ctx.app(), account, args.output).value
    print(path, file=ctx.out)
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    if not backup.profile_exists(
        Path(ctx.data_dir)
    ):  # a new machine: nothing to open (and so to create) here
        actor = ctx.acting_username_without_store()
    else:
        try:
            actor = ctx.act(Operation.BACKUP).username
        except DatabaseDamagedError:  # a damaged profile proves no one: the owner of its folder restores it
            actor = ctx.acting_username_without_store()
    ctx.close()  # the restore needs the database closed by everyone, this process included
    result = backup.restore(Path(ctx.data_dir), args.file, actor=actor, force=args.force)
    say = ctx.say
    if result.export_file is not None:
        print(
            say(
                f"Đã xuất {result.exported} thay đổi chưa gửi của dữ liệu cũ ra {result.export_file}.",
                f"Exported {result.exported} unsent changes of the former data to {result.export_file}.",
            ),
            file=ctx.out,
        )
    if result.unreadable:
        print(
            say(
                "Không đọc được các thay đổi chưa gửi của dữ liệu cũ; chúng vẫn nằm trong tệp cũ.",
                "The unsent changes of the former data could not be read; they remain in the former file.",
            ),
            file=ctx.out,
        )
    aside = (
        say(
            f"; dữ liệu cũ được giữ ở {result.kept_aside}",
            f"; the former data is kept as {result.kept_aside}",
        )
        if result.kept_aside
        else ""
    )
    print(
        say(
            f"Đã khôi phục {args.file} vào {result.installed}{aside}.",
            f"Restored {args.file} into {result.installed}{aside}.",
        ),
        file=ctx.out,
    )
    if result.held:
        print(
            say(
                "Quầy chưa cấp mã hồ sơ mới cho đến khi đồng bộ với máy chủ: chạy `counter-app sync --once`.",
                "The counter issues no new dossier code until it has synced with the server: "
                "run `counter-app sync --once`.",
            ),
            file=ctx.out,
        )
    return 0
