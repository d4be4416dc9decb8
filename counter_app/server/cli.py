"""`counter-server`: run the central server, enrol and revoke counters, publish catalogue and calendar days."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from ..core.catalogue import CatalogueError, catalogue_from_json_obj
from ..core.errors import DomainError
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
    sub = parser.add_subparsers(dest="command")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--database", default=argparse.SUPPRESS, help="as for the server")
        return p

    p = command("add-counter", "enrol a counter and print its one-time token")
    p.add_argument("--agency-id", required=True)
    p.add_argument("--counter", type=int, required=True, help="counter number 1–99 (its dossier-code slot)")
    p = command("revoke-counter", "stop accepting a counter's token")
    p.add_argument("--agency-id", required=True)
    p.add_argument("--counter", type=int, required=True)
    command("list-counters", "list enrolled counters")
    p = command("import-catalogue", "publish an agency's procedure catalogue (JSON file) to its counters")
    p.add_argument("--agency-id", required=True)
    p.add_argument("file", type=Path)
    p = command(
        "set-day", "publish a calendar override (day off, make-up working day) to an agency's counters"
    )
    p.add_argument("--agency-id", required=True)
    p.add_argument("--day", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    p.add_argument(
        "--kind", choices=("off", "work", "none"), required=True, help="'none' removes the override"
    )
    p.add_argument("--name", default="")
    command("migrate", "apply pending database migrations and exit")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        db = open_database(args.database)
    except DatabaseUrlError:
        print(f"counter-server: invalid --database URL: {args.database}", file=err)
        return 2
    try:
        migrate(db)
        if args.command is None:
            return _serve(args, db)
        return _admin(args, db, out)
    except CounterExistsError:
        print("counter-server: counter already enrolled; revoke it first to issue a new token", file=err)
        return 2
    except CatalogueError as exc:
        print(f"counter-server: invalid catalogue: {exc}", file=err)
        return 2
    except (DomainError, OSError, ValueError) as exc:
        print(f"counter-server: {exc}", file=err)
        return 2
    finally:
        db.close()


def _admin(args: argparse.Namespace, db: object, out: TextIO) -> int:
    m = bind_models(db)  # type: ignore[arg-type]
    if args.command == "add-counter":
        token = add_counter(m, args.agency_id, args.counter)
        print(token, file=out)
    elif args.command == "revoke-counter":
        revoke_counter(m, args.agency_id, args.counter)
        print(f"revoked counter {args.counter:02d} of {args.agency_id}", file=out)
    elif args.command == "list-counters":
        for agency, number, revoked, created in list_counters(m):
            print(f"{agency}\t{number:02d}\t{'revoked' if revoked else 'active'}\t{created}", file=out)
    elif args.command == "import-catalogue":
        procedures = catalogue_from_json_obj(json.loads(args.file.read_text(encoding="utf-8")))
        publish_catalogue(m, args.agency_id, procedures)
        print(f"published {len(procedures)} procedures to {args.agency_id}", file=out)
    elif args.command == "set-day":
        set_day(m, args.agency_id, args.day, None if args.kind == "none" else args.kind, args.name)
        print(f"{args.day.isoformat()}: {args.kind}", file=out)
    return 0


def _serve(args: argparse.Namespace, db: object) -> int:
    import uvicorn

    from .app import create_app

    if bool(args.certfile) != bool(args.keyfile):
        raise ValueError("--certfile and --keyfile go together")
    # The push writer thread waits on the database many times per batch; a short switch interval lets it
    # take the interpreter back quickly from request threads busy encoding JSON (shorter push latency tails).
    sys.setswitchinterval(0.0005)
    uvicorn.run(
        create_app(db),  # type: ignore[arg-type]
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
