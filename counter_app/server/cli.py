"""`counter-server`: run the central server, enrol and revoke counters, publish catalogue and calendar days."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TextIO

from ..core.catalogue import CatalogueError, catalogue_from_json_obj
from ..core.errors import DomainError
from ..messages import describe
from .admin import CounterExistsError, add_counter, list_counters, publish_catalogue, revoke_counter, set_day
from .database import DEFAULT_URL, DatabaseUrlError, open_database
from .files import DEFAULT_FILES_DIR
from .models import bind_models
from .portal_worker import PortalOptions
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
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="server processes sharing the port (default 1); more than one needs PostgreSQL",
    )
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
    parser.add_argument(
        "--files",
        type=Path,
        default=DEFAULT_FILES_DIR,
        metavar="DIR",
        help=f"folder of the digitised papers' files, one sub-folder per unit (default ./{DEFAULT_FILES_DIR})",
    )
    parser.add_argument(
        "--no-portal", action="store_true", help="do not send the national portal queue from this process"
    )
    _portal_pacing(parser)
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
    p = command(
        "portal-config",
        "connect a unit to the National Public Service Portal's adapter (through the province's LGSP); the "
        "unit's received dossiers are queued for it",
    )
    p.add_argument("--agency-id", required=True)
    p.add_argument("--adapter-url", required=True, help="e.g. https://lgsp.example.gov.vn")
    p.add_argument("--auth-path", required=True, help="the adapter's sign-in path")
    p.add_argument("--integration-path", required=True, help="the path of DongBoHoSoMC / CapNhatTienDoHoSoMC")
    p.add_argument("--share-path", required=True, help="the path of the look-ups TraCuuHoSo / LayThuTuc")
    p.add_argument("--unit-code", required=True, help="the unit's code on the portal (madonvi)")
    p.add_argument("--username", required=True)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--password-file", help="file holding the password (read at each new session)")
    source.add_argument("--password-env", help="environment variable holding the password")
    p.add_argument(
        "--unit-name", default="", help="the unit's name sent as DonViXuLy (default: the procedure's)"
    )
    p.add_argument(
        "--files-url",
        default="",
        help="the public http(s) address at which the portal (through the LGSP) reaches this server's "
        "/portal/files/ route; with it, digitised papers are listed by signed links (default: not listed)",
    )
    p.add_argument(
        "--new-link-key",
        action="store_true",
        help="replace the unit's secret the file links are signed with: every link given before stops working "
        "and the dossiers with papers are sent again with new links",
    )
    p = command("portal-sync", "send the portal queue of every connected unit (until stopped, or once)")
    p.add_argument("--once", action="store_true", help="one pass: send what can be sent now, then exit")
    _portal_pacing(p)
    p = command(
        "portal-status", "per unit: queued, sent and parked for the national portal, last success and error"
    )
    p.add_argument("--json", action="store_true")
    p = command(
        "portal-resend", "send a parked dossier (or every parked dossier of a unit) to the portal again"
    )
    p.add_argument("--agency-id", required=True)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--code", help="the dossier's code")
    which.add_argument("--all-parked", action="store_true")
    p = command("audit-incidents", "list gaps, forks and forged entries found in the counters' audit chains")
    p.add_argument("--agency-id", default=None)
    p = command("add-user", "make an account of the web console (/console)")
    p.add_argument("--username", required=True)
    p.add_argument("--role", required=True, choices=("admin", "unit-leader", "province-leader"))
    p.add_argument("--unit", default=None, metavar="AGENCY_ID", help="a unit leader's unit (its agency ID)")
    p.add_argument(
        "--password-file", type=Path, default=None, help="file holding the password (default: asked twice)"
    )
    return parser


def _portal_pacing(p: argparse.ArgumentParser) -> None:
    defaults = PortalOptions()
    p.add_argument(
        "--portal-interval",
        type=float,
        default=defaults.interval_s,
        metavar="SECONDS",
        help=f"seconds between looks at an empty portal queue (default {defaults.interval_s:g})",
    )
    p.add_argument(
        "--portal-lease",
        type=float,
        default=defaults.lease_s,
        metavar="SECONDS",
        help="how long a unit's sender holds it without renewal; another process takes over a stopped sender's "
        f"units after this (default {defaults.lease_s:g})",
    )
    p.add_argument(
        "--portal-timeout",
        type=float,
        default=defaults.timeout_s,
        metavar="SECONDS",
        help=f"seconds to wait for the adapter's answer (default {defaults.timeout_s:g})",
    )


def _portal_options(args: argparse.Namespace) -> PortalOptions:
    return PortalOptions(
        interval_s=args.portal_interval, lease_s=args.portal_lease, timeout_s=args.portal_timeout
    )


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
        _audit(m, "counter.add", agency_id=args.agency_id, counter=args.counter, slot_digits=args.slot_digits)
        print(token, file=out)
    elif args.command == "revoke-counter":
        revoke_counter(m, args.agency_id, args.counter)
        _audit(m, "counter.revoke", agency_id=args.agency_id, counter=args.counter)
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
        _audit(
            m, "catalogue.import", agency_id=args.agency_id, procedures=len(procedures), file=str(args.file)
        )
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
    elif args.command == "add-user":
        return _add_user(args, m, out, lang)
    elif args.command in ("portal-config", "portal-sync", "portal-status", "portal-resend"):
        return _portal(args, m, out, lang)
    elif args.command == "set-day":
        kind = None if args.kind == "none" else args.kind
        set_day(m, args.agency_id, args.day, kind, args.name, args.document.strip(), args.document_date)
        _audit(
            m,
            "calendar.set_day",
            agency_id=args.agency_id,
            day=args.day.isoformat(),
            kind=args.kind,
            name=args.name,
            document=args.document.strip(),
            document_date=args.document_date.isoformat() if args.document_date else None,
        )
        cited = f" ({args.document.strip()})" if args.document.strip() else ""
        print(f"{args.day.isoformat()}: {args.kind}{cited}", file=out)
    return 0


def _audit(m: SimpleNamespace, action: str, **detail: object) -> None:
    """The administrative log (`console_audit`, shown in the web console) of an action taken here: actor "cli"."""
    from .console.accounts import CLI_ACTOR, record_now

    record_now(m, CLI_ACTOR, action, detail)


def _add_user(args: argparse.Namespace, m: SimpleNamespace, out: TextIO, lang: str) -> int:
    """A web console account; the password from --password-file, or asked twice."""
    import getpass

    from ..core.errors import ValidationError
    from .console.accounts import CLI_ACTOR, ConsoleError, add_account, check_role_unit, check_username

    def say(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    check_username(args.username)  # refused before a password is asked for
    check_role_unit(args.role, args.unit)
    if args.password_file is not None:
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise ConsoleError("console.password_file", path=str(args.password_file)) from None
        password = lines[0] if lines else ""
    else:
        password = getpass.getpass(say("Mật khẩu: ", "Password: "))
        if getpass.getpass(say("Nhập lại mật khẩu: ", "Password again: ")) != password:
            raise ValidationError("password", "password.mismatch")
    account = add_account(m, args.username, args.role, password, args.unit, actor=CLI_ACTOR)
    unit = f", {account.agency_id}" if account.agency_id else ""
    print(
        say(
            f"Đã tạo tài khoản «{account.username}» ({account.role}{unit}) cho trang quản trị /console.",
            f"Made the account «{account.username}» ({account.role}{unit}) of the /console pages.",
        ),
        file=out,
    )
    return 0


def _portal(args: argparse.Namespace, m: SimpleNamespace, out: TextIO, lang: str) -> int:
    from . import portal_queue
    from .portal_worker import PortalWorker

    def say(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    if args.command == "portal-config":
        queued = portal_queue.configure(
            m,
            portal_queue.PortalSettings(
                agency_id=args.agency_id,
                adapter_url=args.adapter_url,
                auth_path=args.auth_path,
                integration_path=args.integration_path,
                share_path=args.share_path,
                unit_code=args.unit_code,
                username=args.username,
                password_file=args.password_file,
                password_env=args.password_env,
                unit_name=args.unit_name,
                files_url=args.files_url,
            ),
            new_key=args.new_link_key,
        )
        _audit(
            m,
            "portal.config",
            agency_id=args.agency_id,
            adapter_url=args.adapter_url,
            unit_code=args.unit_code,
            username=args.username,
            password_source="file" if args.password_file else "env",
            **({"files_url": args.files_url} if args.files_url else {}),
            **({"new_link_key": True} if args.new_link_key else {}),
        )
        print(
            say(
                f"Đã kết nối đơn vị {args.agency_id} với Cổng Dịch vụ công quốc gia (mã đơn vị {args.unit_code}); "
                f"{queued} hồ sơ đã tiếp nhận được xếp hàng chờ gửi.",
                f"Connected {args.agency_id} to the national portal (unit code {args.unit_code}); "
                f"{queued} received dossiers queued.",
            ),
            file=out,
        )
        print(
            say(
                f"Tệp số hóa được gửi kèm hồ sơ bằng đường dẫn dưới {args.files_url.rstrip('/')}/portal/files/."
                if args.files_url
                else "Tệp số hóa không được gửi kèm hồ sơ (chưa có --files-url).",
                f"Digitised papers are listed by links under {args.files_url.rstrip('/')}/portal/files/."
                if args.files_url
                else "Digitised papers are not listed (no --files-url).",
            ),
            file=out,
        )
        return 0
    if args.command == "portal-resend":
        count = portal_queue.resend(m, args.agency_id, None if args.all_parked else args.code)
        _audit(m, "portal.resend", agency_id=args.agency_id, code=args.code, dossiers=count)
        print(
            say(
                f"{count} hồ sơ được gửi lại lên Cổng.", f"{count} dossiers will be sent to the portal again."
            ),
            file=out,
        )
        return 0
    if args.command == "portal-status":
        units = portal_queue.status(m)
        if args.json:
            print(json.dumps([u.to_dict() for u in units], ensure_ascii=False, indent=2), file=out)
            return 0
        if not units:
            print(say("Chưa đơn vị nào kết nối Cổng.", "No unit is connected to the portal."), file=out)
        for u in units:
            print(
                f"{u.agency_id} ({u.unit_code}): "
                + say(
                    f"mục chờ gửi {u.queued}, đang gửi {u.sending}, đã gửi {u.sent}; hồ sơ tạm giữ {u.parked}; "
                    f"Cổng đã có {u.dossiers_held} hồ sơ; lần thành công cuối {u.last_success_at or '—'}; "
                    f"lỗi cuối {u.last_error_at or '—'} {u.last_error}",
                    f"items queued {u.queued}, sending {u.sending}, sent {u.sent}; dossiers parked {u.parked}; the portal holds "
                    f"{u.dossiers_held} dossiers; last success {u.last_success_at or '—'}; last error "
                    f"{u.last_error_at or '—'} {u.last_error}",
                ).rstrip(),
                file=out,
            )
            for code, message in u.parked_dossiers:
                print(f"  {say('tạm giữ', 'parked')} {code}: {message}", file=out)
        return 0
    worker = PortalWorker(m, _portal_options(args))
    if args.once:
        try:
            reports = worker.run_once(ignore_delay=True)
        finally:
            for settings in portal_queue.connected_units(m):
                portal_queue.release_lease(m, settings.agency_id, worker.owner)
            worker.close()
        for r in reports:
            print(json.dumps(r.to_dict(), ensure_ascii=False), file=out)
        return 1 if any(r.failed or r.skipped for r in reports) else 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with contextlib.suppress(KeyboardInterrupt):
        worker.run_forever(stop)
    return 0


def _workers(text: str) -> int:
    number = int(text)
    if not 1 <= number <= 64:
        raise argparse.ArgumentTypeError("must be between 1 and 64")
    return number


class WorkersNeedPostgresError(DomainError):
    """Several server processes share one PostgreSQL database; a SQLite file is served by one process."""

    code = "server.workers_sqlite"


def _serve(args: argparse.Namespace, db: object) -> int:
    import uvicorn

    from .app import SETTINGS_ENV, ServeSettings, create_app, tune_interpreter
    from .database import is_postgres

    if bool(args.certfile) != bool(args.keyfile):
        raise ValueError("--certfile and --keyfile go together")
    settings = ServeSettings(
        args.database,
        api_docs=getattr(args, "api_docs", False),
        body_timeout_s=args.body_timeout,
        portal=None if args.no_portal else _portal_options(args),
        files_dir=str(args.files),
    )
    listen: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.certfile,
        "ssl_keyfile": args.keyfile,
        "log_level": args.log_level,
        "access_log": not args.no_access_log,
    }
    workers = getattr(args, "workers", 1)
    if workers > 1:
        # Each worker process makes its own app and connection pool from the settings (app.app_from_env); they
        # share the listening socket, the database, and through it the throttle, the feed order and the tokens.
        if not is_postgres(db):  # type: ignore[arg-type]
            raise WorkersNeedPostgresError(workers=workers)
        from uvicorn.supervisors import Multiprocess

        db.close()  # type: ignore[attr-defined]
        os.environ[SETTINGS_ENV] = settings.to_json()
        config = uvicorn.Config(
            "counter_app.server.app:app_from_env", factory=True, workers=workers, **listen
        )
        sock = config.bind_socket()
        sock.listen(config.backlog)  # at once: a connection waits for a worker instead of being refused
        with contextlib.suppress(KeyboardInterrupt):
            Multiprocess(config, sockets=[sock]).run()
        return 0
    tune_interpreter()
    uvicorn.run(
        create_app(
            db,  # type: ignore[arg-type]
            api_docs=settings.api_docs,
            body_timeout_s=settings.body_timeout_s,
            portal=settings.portal,
            files_dir=Path(settings.files_dir),
        ),
        **listen,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
