"""`counter-app setup`: configure this counter's unit, or join a central server."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..app import accounts, catalogue, settings, sync
from ..core.codes import check_counter
from ..core.model import UnitConfig
from ..core.roles import Account, Operation, Role
from .context import DEFAULT_ADMIN, CliContext, CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="configure this counter (unit, counter number, central server)")
    p.add_argument("--agency-id", help="agency electronic ID, e.g. 000.00.06.H56")
    p.add_argument(
        "--agency-name",
        help="the unit's legal name printed on forms, e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …; at the first "
        "setup it defaults to the name Decree 118/2025/NĐ-CP gives, built from --parent-body",
    )
    p.add_argument("--parent-body", help="governing body, e.g. UBND PHƯỜNG …")
    p.add_argument("--place", help="place name printed before the date on forms")
    p.add_argument("--counter", type=int, help="counter number 1–99")
    p.add_argument(
        "--slot-digits",
        type=int,
        choices=(1, 2),
        default=None,
        help="standalone counter: width of its slot in dossier codes, 1 (counter 1–9, four-digit codes up to "
        "999 dossiers a day) or 2 (default); a counter that joins a server takes its unit's",
    )
    p.add_argument("--phone", default=None, help="hotline printed on forms")
    p.add_argument("--email", default=None)
    p.add_argument("--server", help="central server URL to join")
    p.add_argument("--token", help="one-time enrolment token from `counter-server add-counter`")
    p.add_argument(
        "--insecure",
        action="store_true",
        help="allow a plain http:// server address that is not this machine (token and data travel in clear)",
    )
    p.add_argument(
        "--admin",
        default=None,
        metavar="USERNAME",
        help=f"the administrator account to create if missing (default {DEFAULT_ADMIN}); the CLI acts as it",
    )
    p.add_argument(
        "--admin-password-file",
        type=Path,
        default=None,
        help="file holding the new administrator's password (otherwise it is asked for)",
    )
    p.set_defaults(handler=run)


def _new_password(args: argparse.Namespace, ctx: CliContext, username: str) -> str:
    if args.admin_password_file is not None:
        try:
            text = args.admin_password_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(
                ctx.say(
                    f"Không đọc được tệp mật khẩu {args.admin_password_file}.",
                    f"Cannot read the password file {args.admin_password_file}.",
                )
            ) from exc
        return text.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError(
            ctx.say(
                f"Cần mật khẩu cho tài khoản quản trị «{username}»: dùng --admin-password-file TỆP.",
                f"The administrator «{username}» needs a password: give --admin-password-file FILE.",
            )
        )
    first = getpass.getpass(ctx.say(f"Mật khẩu cho «{username}»: ", f"Password for «{username}»: "))
    second = getpass.getpass(ctx.say("Nhập lại mật khẩu: ", "Repeat the password: "))
    if first != second:
        raise CliError(ctx.say("Hai lần nhập mật khẩu không khớp.", "The two passwords differ."))
    return first


def _acting_admin(args: argparse.Namespace, ctx: CliContext) -> Account:
    """Who runs this setup: on a profile without an administrator, the one it creates; else a real account
    allowed to configure the counter."""
    app = ctx.app()
    wanted = (args.admin or "").strip().lower()
    full_name = ctx.say("Quản trị quầy", "Counter administrator")
    if not accounts.any_admin(app, None):
        username = wanted or DEFAULT_ADMIN
        made = accounts.create_first_admin(
            app, None, username, full_name, _new_password(args, ctx, username)
        ).value
        accounts.set_cli_default(app, made, made.username)
        print(
            ctx.say(f"Đã tạo tài khoản quản trị «{username}».", f"Created the administrator «{username}»."),
            file=ctx.out,
        )
        return made
    actor = ctx.act(Operation.CONFIGURE)
    if wanted and wanted not in {a.username for a in accounts.list_accounts(app, actor)}:
        accounts.create(app, actor, wanted, full_name, Role.ADMIN, _new_password(args, ctx, wanted))
    if wanted:
        accounts.set_cli_default(app, actor, wanted)
    return actor


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    unit_fields = (args.agency_id, args.agency_name, args.parent_body, args.place, args.counter)
    if args.server and not args.token or args.token and not args.server:
        raise CliError(
            ctx.say("Cần cả --server và --token để kết nối máy chủ.", "Both --server and --token are needed.")
        )
    if args.server:
        sync.check_server_url(args.server, insecure=args.insecure)  # before anything is written
    actor = _acting_admin(args, ctx)
    app = ctx.app()
    if args.server:
        identity = sync.join(app, actor, args.server, args.token, args.insecure).value
        print(ctx.say(f"Đã kết nối máy chủ {args.server}.", f"Joined server {args.server}."), file=ctx.out)
        if identity.reinstalled:
            print(
                ctx.say(
                    f"Số quầy {identity.counter:02d} đã từng được dùng: quầy chưa cấp mã hồ sơ cho đến khi "
                    "đồng bộ xong lần đầu (counter-app sync --once).",
                    f"Counter number {identity.counter:02d} was used before: no dossier code is issued until "
                    "the first sync has finished (counter-app sync --once).",
                ),
                file=ctx.out,
            )
        if not any(f is not None for f in unit_fields):
            return 0
    if args.slot_digits is not None and not any(f is not None for f in unit_fields):
        _set_slot_digits(args, ctx, actor)
        return 0
    old = settings.unit(app, None)
    if old is None and args.agency_name is None and args.parent_body is not None:
        args.agency_name = settings.lawful_agency_name(args.parent_body) or None
        unit_fields = (args.agency_id, args.agency_name, args.parent_body, args.place, args.counter)
    if any(f is None for f in unit_fields) and old is None:
        raise CliError(
            ctx.say(
                "Lần cấu hình đầu cần đủ --agency-id, --agency-name, --parent-body, --place và --counter.",
                "The first setup needs --agency-id, --agency-name, --parent-body, --place and --counter.",
            )
        )
    unit = UnitConfig(
        agency_id=args.agency_id if args.agency_id is not None else old.agency_id,  # type: ignore[union-attr]
        agency_name=args.agency_name if args.agency_name is not None else old.agency_name,  # type: ignore[union-attr]
        parent_body=args.parent_body if args.parent_body is not None else old.parent_body,  # type: ignore[union-attr]
        place=args.place if args.place is not None else old.place,  # type: ignore[union-attr]
        counter=args.counter if args.counter is not None else old.counter,  # type: ignore[union-attr]
        phone=args.phone if args.phone is not None else (old.phone if old else ""),
        email=args.email if args.email is not None else (old.email if old else ""),
    )
    # the counter number must fit the width of the slot its dossier codes are written with
    check_counter(unit.counter, args.slot_digits or sync.slot_digits(app, actor))
    if args.slot_digits is not None:
        _set_slot_digits(args, ctx, actor, unit.counter)
    settings.set_unit(app, actor, unit)
    if catalogue.is_empty(app, None):
        catalogue.replace(app, actor, catalogue.sample(), "sample")
    print(
        ctx.say(
            f"Đã cấu hình quầy {unit.counter:02d} của {unit.agency_name} (mã {unit.agency_id}).",
            f"Configured counter {unit.counter:02d} of {unit.agency_name} (ID {unit.agency_id}).",
        ),
        file=ctx.out,
    )
    return 0


def _set_slot_digits(
    args: argparse.Namespace, ctx: CliContext, actor: Account, counter: int | None = None
) -> None:
    sync.set_slot_digits(ctx.app(), actor, args.slot_digits, counter)
    print(
        ctx.say(
            f"Mã hồ sơ của quầy ghi số quầy bằng {args.slot_digits} chữ số.",
            f"This counter's dossier codes write the counter with {args.slot_digits} digit(s).",
        ),
        file=ctx.out,
    )
