"""`counter-server` commands on a real database: enrol, revoke, list, publish, migrate, and serving over TLS."""

from __future__ import annotations

import io
import json
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from counter_app.core.catalogue import catalogue_to_json_obj
from counter_app.core.model import Procedure
from counter_app.server.admin import hash_token
from counter_app.server.cli import main
from counter_app.server.process import ServerProcess
from counter_app.server.schema import current_version, migrate

AGENCY = "000.00.06.H56"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_add_counter_prints_a_one_time_token_stored_only_hashed(server_db: str, admin) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_app.server.cli",
            "add-counter",
            "--database",
            server_db,
            "--agency-id",
            AGENCY,
            "--counter",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    assert len(token) >= 43
    row = admin.Counter.get()
    assert row.token_hash == hash_token(token) and token not in row.token_hash and row.number == 4
    code, _, err = run("add-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "4")
    assert code == 2 and "revoke-counter" in err


def test_revoke_then_re_enrol_issues_a_new_token(server_db: str, admin) -> None:
    code, first, _ = run("add-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "2")
    assert code == 0
    assert run("revoke-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "2")[0] == 0
    assert admin.Counter.get().revoked
    code, out, _ = run("list-counters", "--database", server_db)
    assert out.split("\t")[:3] == [AGENCY, "02", "revoked"]
    code, second, _ = run("add-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "2")
    assert code == 0 and second != first and not admin.Counter.get().revoked
    assert run("revoke-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "9")[0] == 2


def test_wrong_input_is_refused_with_exit_code_2(server_db: str, tmp_path: Path) -> None:
    assert run("add-counter", "--database", "mysql://x/y", "--agency-id", AGENCY, "--counter", "1")[0] == 2
    assert run("add-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "100")[0] == 2
    assert (
        run("add-counter", "--database", server_db, "--agency-id", "không hợp lệ", "--counter", "1")[0] == 2
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    code, _, err = run("import-catalogue", "--database", server_db, "--agency-id", AGENCY, str(bad))
    assert code == 2 and "danh mục thủ tục không hợp lệ" in err
    code, _, err = run(
        "--lang", "en", "add-counter", "--database", server_db, "--agency-id", AGENCY, "--counter", "0"
    )
    assert code == 2 and "between 1 and 99" in err


def test_import_catalogue_and_set_day_go_into_the_feed(server_db: str, admin, tmp_path: Path) -> None:
    file = tmp_path / "catalogue.json"
    procedures = [
        Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch"),
        Procedure("2.000908", "Chứng thực", "Chứng thực"),
    ]
    file.write_text(json.dumps(catalogue_to_json_obj(procedures), ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("import-catalogue", "--database", server_db, "--agency-id", AGENCY, str(file))
    assert code == 0 and "2" in out
    assert (
        run(
            "set-day", "--database", server_db, "--agency-id", AGENCY, "--day", "2026-12-31", "--kind", "off"
        )[0]
        == 0
    )
    assert [(r.kind, r.item_key) for r in admin.ChangeLog.select().order_by(admin.ChangeLog.log_id)] == [
        ("catalogue", ""),
        ("calendar", "2026-12-31"),
    ]


def test_migrations_are_numbered_and_applied_once(server_db: str, admin) -> None:
    assert current_version(admin.db) == 11
    assert migrate(admin.db) == []
    rows = admin.db.execute_sql("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    assert [tuple(r) for r in rows] == [
        (1, "initial"),
        (2, "one_time_tokens"),
        (3, "audit_chains"),
        (4, "change_actors"),
        (5, "code_slot_digits"),
        (6, "calendar_notice_days"),
        (7, "national_portal"),
        (8, "shared_auth_throttle"),
        (9, "web_console"),
        (10, "digitised_papers"),
        (11, "portal_file_links"),
    ]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a test certificate")
def test_serves_https_with_certificate_options(server_db: str, admin, tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with ServerProcess(server_db, certfile=cert, keyfile=key) as process:
        assert process.url.startswith("https://")
        assert (
            httpx.get(
                f"{process.url}/health", verify=ssl.create_default_context(cafile=str(cert))
            ).status_code
            == 200
        )
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{process.url}/health")  # an unknown certificate is refused by default


def test_a_token_whose_random_part_starts_with_a_dash_is_still_read_as_the_setup_argument() -> None:
    from counter_app.cli.main import build_parser
    from counter_app.server.admin import new_token

    dash_first = "-zxobRbrCcT_GSYZcHi7NCUKw2xUwUc0hMYcmX9HpRQ"  # URL-safe text starts so one time in 64
    token = new_token(lambda _n: dash_first)

    args = build_parser("vi").parse_args(["setup", "--server", "https://server.example", "--token", token])

    assert args.token == token and token.endswith(dash_first)
