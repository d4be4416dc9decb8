"""`counter-app setup`: configure this counter's unit, or join a central server."""

from __future__ import annotations

import argparse

from ..core.model import UnitConfig
from .context import CliContext, CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="configure this counter (unit, counter number, central server)")
    p.add_argument("--agency-id", help="agency electronic ID, e.g. 000.00.06.H56")
    p.add_argument("--agency-name", help="issuing unit, e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …")
    p.add_argument("--parent-body", help="governing body, e.g. UBND PHƯỜNG …")
    p.add_argument("--place", help="place name printed before the date on forms")
    p.add_argument("--counter", type=int, help="counter number 1–99")
    p.add_argument("--phone", default=None, help="hotline printed on forms")
    p.add_argument("--email", default=None)
    p.add_argument("--server", help="central server URL to join")
    p.add_argument("--token", help="one-time enrolment token from `counter-server add-counter`")
    p.add_argument(
        "--insecure",
        action="store_true",
        help="allow a plain http:// server address that is not this machine (token and data travel in clear)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    unit_fields = (args.agency_id, args.agency_name, args.parent_body, args.place, args.counter)
    if args.server or args.token:
        if not (args.server and args.token):
            raise CliError(
                ctx.say(
                    "Cần cả --server và --token để kết nối máy chủ.", "Both --server and --token are needed."
                )
            )
        from ..sync.enrol import join_server

        identity = join_server(ctx.store(), args.server, args.token, insecure=args.insecure)
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
    if any(f is None for f in unit_fields):
        existing = ctx.store().unit()
        if existing is None:
            raise CliError(
                ctx.say(
                    "Lần cấu hình đầu cần đủ --agency-id, --agency-name, --parent-body, --place và --counter.",
                    "The first setup needs --agency-id, --agency-name, --parent-body, --place and --counter.",
                )
            )
    store = ctx.store()
    old = store.unit()
    unit = UnitConfig(
        agency_id=args.agency_id if args.agency_id is not None else old.agency_id,
        agency_name=args.agency_name if args.agency_name is not None else old.agency_name,
        parent_body=args.parent_body if args.parent_body is not None else old.parent_body,
        place=args.place if args.place is not None else old.place,
        counter=args.counter if args.counter is not None else old.counter,
        phone=args.phone if args.phone is not None else (old.phone if old else ""),
        email=args.email if args.email is not None else (old.email if old else ""),
    )
    store.set_unit(unit)
    if store.catalogue_is_empty():
        from ..storage.catalogue_files import load_seed_catalogue

        store.replace_catalogue(load_seed_catalogue())
    print(
        ctx.say(
            f"Đã cấu hình quầy {unit.counter:02d} của {unit.agency_name} (mã {unit.agency_id}).",
            f"Configured counter {unit.counter:02d} of {unit.agency_name} (ID {unit.agency_id}).",
        ),
        file=ctx.out,
    )
    return 0
