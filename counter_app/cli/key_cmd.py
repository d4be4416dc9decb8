"""`counter-app key export|import`: the database key in a passphrase-protected file, for a replaced PC."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from ..app import encryption
from ..core.roles import Operation
from .context import CliContext, CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("key", help="the database key: export it once for recovery, import it on a new PC")
    s = p.add_subparsers(dest="key_command", required=True)
    e = s.add_parser("export", help="write the key to FILE, sealed with a passphrase (administrators)")
    i = s.add_parser("import", help="put the key from FILE into this computer's key store")
    for parser in (e, i):
        parser.add_argument("--file", type=Path, required=True, metavar="FILE", help="the key file")
        parser.add_argument(
            "--passphrase-file",
            type=Path,
            default=None,
            metavar="FILE",
            help="read the passphrase from the first line of FILE instead of asking for it",
        )
    p.set_defaults(handler=run)


def _passphrase(args: argparse.Namespace, ctx: CliContext, *, confirm: bool) -> str:
    if args.passphrase_file is not None:
        try:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CliError(
                ctx.say(
                    f"Không đọc được {args.passphrase_file}: {exc.strerror}.",
                    f"Cannot read {args.passphrase_file}: {exc.strerror}.",
                )
            ) from None
        return lines[0] if lines else ""
    first = getpass.getpass(ctx.say("Cụm mật khẩu của tệp khóa: ", "Key file passphrase: "))
    if confirm and getpass.getpass(ctx.say("Nhập lại cụm mật khẩu: ", "Repeat the passphrase: ")) != first:
        raise CliError(ctx.say("Hai lần nhập cụm mật khẩu không khớp.", "The two passphrases differ."))
    return first


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    say = ctx.say
    if args.key_command == "export":
        account = ctx.act(Operation.BACKUP)
        passphrase = _passphrase(args, ctx, confirm=True)
        encryption.export_key(ctx.app(), account, args.file, passphrase)
        print(
            say(
                f"Đã ghi khóa của dữ liệu quầy vào {args.file}. Cất tệp này ngoài máy quầy và giữ cụm mật khẩu ở "
                "nơi khác; khi thay máy: counter-app key import --file TỆP.",
                f"The counter's data key is in {args.file}. Keep that file off the counter PC and the passphrase "
                "elsewhere; on a replacement PC: counter-app key import --file FILE.",
            ),
            file=ctx.out,
        )
        return 0
    passphrase = _passphrase(args, ctx, confirm=False)
    encryption.import_key(Path(ctx.data_dir), args.file, passphrase)
    print(
        say(
            f"Đã đưa khóa vào kho khóa của máy này cho thư mục dữ liệu {ctx.data_dir}. Nếu thư mục chưa có dữ "
            "liệu, khôi phục bản sao lưu bằng counter-app restore TỆP.",
            f"The key is in this computer's key store for the data folder {ctx.data_dir}. If the folder holds no "
            "data yet, restore a backup with counter-app restore FILE.",
        ),
        file=ctx.out,
    )
    return 0
