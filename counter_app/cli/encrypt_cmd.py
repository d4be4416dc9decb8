"""`counter-app encrypt`: convert the counter's plain data into an encrypted profile (a backup first)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..app import encryption
from ..core.roles import Operation
from .context import CliContext


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "encrypt",
        help="encrypt the counter's data with a key kept in the operating system's key store (a backup first)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    data_dir = Path(ctx.data_dir)
    say = ctx.say
    current = encryption.state(data_dir)
    if current.encrypted:
        print(
            say("Dữ liệu của quầy đã được mã hóa.", "The counter's data is already encrypted."), file=ctx.out
        )
        return 0
    if not current.exists:  # opening the profile to check the actor would create it
        raise ctx.error(encryption.EncryptionError("encryption.no_profile", folder=str(data_dir)))
    actor = ctx.act(Operation.BACKUP).username
    ctx.close()  # the conversion needs the database closed by everyone, this process included
    result = encryption.encrypt(data_dir, actor=actor)
    print(
        say(
            f"Đã mã hóa dữ liệu {result.database}; bản sao lưu trước khi mã hóa (mã hóa bằng cùng khóa): "
            f"{result.backup}.",
            f"Encrypted {result.database}; the backup made before (encrypted with the same key): {result.backup}.",
        ),
        file=ctx.out,
    )
    if result.converted_backups:
        count = len(result.converted_backups)
        print(
            say(f"Đã mã hóa {count} bản sao lưu cũ.", f"Encrypted {count} earlier backups as well."),
            file=ctx.out,
        )
    for path in result.left_plain:
        print(
            say(
                f"Vẫn chưa mã hóa: {path} — chuyển đến nơi an toàn hoặc xoá khi không cần nữa.",
                f"Still in plain text: {path} — move it somewhere safe or delete it once it is no longer needed.",
            ),
            file=ctx.out,
        )
    print(
        say(
            "Hãy xuất khóa ngay để phòng khi thay máy: counter-app key export --file TỆP.",
            "Export the key now, for the day this PC is replaced: counter-app key export --file FILE.",
        ),
        file=ctx.out,
    )
    return 0
