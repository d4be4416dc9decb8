"""`counter-server`: run the central server, enrol and revoke counters, publish catalogue and calendar days."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from ..core.catalogue import CatalogueError, catalogue_from_json_obj
from ..core.errors import DomainError
from ..messages import describe
from .admin import CounterExistsError, add_counter, list_counters, publish_catalogue, revoke_counter, set_day
from .database import DEFAULT_URL, DatabaseUrlError, open_database
from .models import bind_models
from .schema import migrate

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter-server", description="Quầy Một cửa — central sync server")
    parser.add_argument(
        "--database", default=DEFAULT_URL, help="sqlite:///FILE or postgresql://USER@HOST:PORT/DB"
    )
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--certfile", help="TLS certificate (PEM); serve HTTPS with --keyfile")
    parser.add_argument("--keyfile", help="TLS private key (PEM)")
    parser.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    parser.add_argument("--no-access-log", action="store_true", help="do not log every request")
    parser.add_argument(
        "--api-docs", action="store_true", help="serve the interactive API pages /docs and /redoc"
    )
    parser.add_argument(
        "--body-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="seconds a client may take to send a request body before it gets 408 (default 30)",
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default=None, help="language of messages (default vi)"
    )
    sub = parser.add_subparsers(dest="command")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--database", default=argparse.SUPPRESS, help="as for the server")
        return p

    p = command("add-counter", "enrol a counter and print its one-time token")
    p.add_argument("--agency-id", required=True)
    p.add_argument("--counter", type=int, required=True, help="counter number 1–99 (its dossier-code slot)")
    p.add_argument(
        "--slot-digits",
        type=int,
        choices=(1, 2),
        default=None,
        help="width of the counter slot in the unit's dossier codes: 1 for a unit of at most 9 counters (codes "
        "stay four digits up to 999 dossiers a counter a day), 2 for up to 99 counters (default for a new unit; "
        "an existing unit keeps its own unless given)",
    )
    p = command("revoke-counter", "stop accepting a counter's token")
    p.add_argument("--agency-id", required=True)
    p.add_argument("--counter", type=int, required=True)
    command("list-counters", "list enrolled counters")
    p = command("import-catalogue", "publish an agency's procedure catalogue (JSON file) to its counters")
    p.add_argument("--agency-id", required=True)
    p.add_argument("file", type=Path)
    p = command(
        "set-day",
        "publish a day off or make-up working day to an agency's counters: the agency's own override, or with "
        "--document a day a government notice decides",
    )
    p.add_argument("--agency-id", required=True)
    p.add_argument("--day", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    p.add_argument(
        "--kind",
        choices=("off", "work", "none"),
        required=True,
        help="'none' removes the override (with --document: the notice day)",
    )
    p.add_argument("--name", default="")
    p.add_argument("--document", default="", help="the notice's number and symbol, e.g. 12729/VPCP-KGVX")
    p.add_argument("--document-date", type=date.fromisoformat, help="the notice's date, YYYY-MM-DD")
    command("migrate", "apply pending database migrations and exit")
    p = command("audit-incidents", "list gaps, forks and forged entries found in the counters' audit chains")
    p.add_argument("--agency-id", default=None)
    return parser


def _lang(args: argparse.Namespace) -> str:
    if args.lang:
        return str(args.lang)
    env = os.environ.get("COUNTER_APP_LANG") or os.environ.get("LANG", "")
    return "en" if env.lower().startswith("en") else "vi"


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser().parse_args(argv)
    lang = _lang(args)

    def say(vi: str, en: str) -> str:
        return f"counter-server: {en if lang == 'en' else vi}"

    try:
        db = open_database(args.database)
    except DatabaseUrlError:
        print(
            say(
                f"địa chỉ --database không hợp lệ: {args.database}",
                f"invalid --database URL: {args.database}",
            ),
            file=err,
        )
        return 2
    try:
        migrate(db)
        if args.command is None:
            return _serve(args, db)
        return _admin(args, db, out, lang)
    except CounterExistsError:
        print(
            say(
                "quầy này đã được đăng ký; hãy thu hồi (revoke-counter) trước khi cấp mã mới.",
                "counter already enrolled; revoke it first to issue a new token.",
            ),
            file=err,
        )
        return 2
    except CatalogueError as exc:
        print(say(f"danh mục thủ tục không hợp lệ: {exc}", f"invalid catalogue: {exc}"), file=err)
        return 2
    except DomainError as exc:
        print(f"counter-server: {describe(exc, lang)}", file=err)
        return 2
    except (OSError, ValueError) as exc:
        print(f"counter-server: {exc}", file=err)
        return 2
    finally:
        db.close()


def _admin(args: argparse.Namespace, db: object, out: TextIO, lang: str) -> int:
    m = bind_models(db)  # type: ignore[arg-type]

    def say(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    if args.command == "add-counter":
        token = add_counter(m, args.agency_id, args.counter, args.slot_digits)
        print(token, file=out)
    elif args.command == "revoke-counter":
        revoke_counter(m, args.agency_id, args.counter)
        print(
            say(
                f"Đã thu hồi mã của quầy {args.counter:02d} ({args.agency_id}).",
                f"Revoked counter {args.counter:02d} of {args.agency_id}.",
            ),
            file=out,
        )
    elif args.command == "list-counters":
        for agency, number, revoked, created in list_counters(m):
            print(f"{agency}\t{number:02d}\t{'revoked' if revoked else 'active'}\t{created}", file=out)
    elif args.command == "import-catalogue":
        procedures = catalogue_from_json_obj(json.loads(args.file.read_text(encoding="utf-8")))
        publish_catalogue(m, args.agency_id, procedures)
        print(
            say(
                f"Đã phát hành {len(procedures)} thủ tục cho {args.agency_id}.",
                f"Published {len(procedures)} procedures to {args.agency_id}.",
            ),
            file=out,
        )
    elif args.command == "audit-incidents":
        from .audit import list_incidents

        found = list_incidents(m, args.agency_id)
        for i in found:
            print(
                f"{i.at}\t{i.agency_id}\t{i.counter:02d}\t{i.chain_id}\t{i.seq}\t{i.kind}\t{i.detail}",
                file=out,
            )
        if not found:
            print(say("Không có sự cố nào.", "No incidents."), file=out)
    elif args.command == "set-day":
        kind = None if args.kind == "none" else args.kind
        set_day(m, args.agency_id, args.day, kind, args.name, args.document.strip(), args.document_date)
        cited = f" ({args.document.strip()})" if args.document.strip() else ""
        print(f"{args.day.isoformat()}: {args.kind}{cited}", file=out)
    return 0


def _serve(args: argparse.Namespace, db: object) -> int:
    import uvicorn

    from .app import create_app

    if bool(args.certfile) != bool(args.keyfile):
        raise ValueError("--certfile and --keyfile go together")
    # The push writer thread waits on the database many times per batch; a short switch interval lets it
    # take the interpreter back quickly from request threads busy encoding JSON (shorter push latency tails).
    sys.setswitchinterval(0.0005)
    # Requests make many short-lived dicts; collecting cycles less often keeps pauses out of the latency tail.
    gc.set_threshold(50_000, 50, 100)
    uvicorn.run(
        create_app(
            db,  # type: ignore[arg-type]
            api_docs=getattr(args, "api_docs", False),
            body_timeout_s=args.body_timeout,
        ),
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level=args.log_level,
        access_log=not args.no_access_log,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
