"""`counter-server add-user`: the console's accounts from the command line (refusals in one Vietnamese sentence,
the password from a file or asked twice), and the log of administrative actions the other commands write."""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from console_support import AGENCY, BIRTH, csrf_of
from fastapi.testclient import TestClient

from counter_app.core.catalogue import catalogue_to_json_obj
from counter_app.server.app import create_app
from counter_app.server.cli import main


def run(*args: str, lang: str = "vi") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", lang, *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def password_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "password.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def rows(m: SimpleNamespace) -> list[tuple[str, str, dict[str, object]]]:
    return [
        (r.actor, r.action, json.loads(r.detail)) for r in m.ConsoleAudit.select().order_by(m.ConsoleAudit.id)
    ]


def test_add_user_from_a_password_file_then_sign_in(
    server_db: str, admin: SimpleNamespace, tmp_path: Path
) -> None:
    secret = password_file(tmp_path, "lanh-dao-phuong-mau-2026")
    code, out, err = run(
        "add-user", "--database", server_db, "--username", "LanhDao.Mau", "--role", "unit-leader",
        "--unit", AGENCY, "--password-file", secret,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "lanhdao.mau" in out
    row = admin.ServerAccount.get()
    assert (row.username, row.role, row.agency_id) == ("lanhdao.mau", "unit-leader", AGENCY)
    assert row.password_hash.startswith("$argon2id$") and "lanh-dao" not in row.password_hash
    assert rows(admin) == [
        ("cli", "user.add", {"username": "lanhdao.mau", "role": "unit-leader", "unit": AGENCY})
    ]
    with TestClient(create_app(admin.db, files_dir=tmp_path / "files")) as client:
        form = client.get("/console/signin")
        answer = client.post(
            "/console/signin",
            data={
                "username": "LanhDao.Mau",
                "password": "lanh-dao-phuong-mau-2026",
                "csrf_token": csrf_of(form.text),
            },
            follow_redirects=False,
        )
        assert answer.status_code == 303 and answer.headers["location"] == "/console/figures"


def test_add_user_asks_the_password_twice(server_db: str, admin: SimpleNamespace, monkeypatch) -> None:
    typed = iter(["quan-tri-may-chu-2026", "quan-tri-may-chu-2026"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert run("add-user", "--database", server_db, "--username", "quantri", "--role", "admin")[0] == 0
    assert admin.ServerAccount.get().role == "admin"
    typed = iter(["mot-mat-khau-dai", "mat-khau-khac-han"])
    code, _out, err = run(
        "add-user", "--database", server_db, "--username", "tinh", "--role", "province-leader"
    )
    assert code == 2 and "Hai lần nhập mật khẩu không giống nhau." in err
    assert admin.ServerAccount.select().count() == 1


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ["--username", "lanhdao", "--role", "unit-leader"],
            "Tài khoản lãnh đạo đơn vị phải gắn với một đơn vị",
        ),
        (["--username", "quantri", "--role", "admin", "--unit", AGENCY], "bỏ --unit với vai trò admin"),
        (
            ["--username", "tinh", "--role", "province-leader", "--unit", AGENCY],
            "Chỉ tài khoản lãnh đạo đơn vị",
        ),
        (["--username", "lanhdao", "--role", "unit-leader", "--unit", "khong hop le"], "Mã định danh"),
        (["--username", "tên có dấu cách", "--role", "admin"], "Tên đăng nhập chỉ gồm chữ, số"),
    ],
)
def test_add_user_refusals_are_vietnamese_sentences(
    server_db: str, admin: SimpleNamespace, tmp_path: Path, monkeypatch, args: list[str], sentence: str
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("asked for a password"))
    code, out, err = run("add-user", "--database", server_db, *args)
    assert code == 2 and out == ""
    assert sentence in err and "Traceback" not in err
    assert admin.ServerAccount.select().count() == 0


@pytest.mark.parametrize(
    ("password", "sentence"),
    [("ngan-qua", "Mật khẩu phải có ít nhất 10 ký tự."), ("matkhau123", "danh sách mật khẩu phổ biến")],
)
def test_add_user_keeps_the_counters_password_rules(
    server_db: str, admin: SimpleNamespace, tmp_path: Path, password: str, sentence: str
) -> None:
    code, _out, err = run(
        "add-user", "--database", server_db, "--username", "quantri", "--role", "admin",
        "--password-file", password_file(tmp_path, password),
    )  # fmt: skip
    assert code == 2 and sentence in err
    assert admin.ServerAccount.select().count() == 0


def test_add_user_refuses_a_taken_name_and_an_unreadable_file(
    server_db: str, admin: SimpleNamespace, tmp_path: Path
) -> None:
    secret = password_file(tmp_path, "quan-tri-may-chu-2026")
    assert (
        run(
            "add-user",
            "--database",
            server_db,
            "--username",
            "quantri",
            "--role",
            "admin",
            "--password-file",
            secret,
        )[0]
        == 0
    )
    code, _out, err = run(
        "add-user",
        "--database",
        server_db,
        "--username",
        "QuanTri",
        "--role",
        "admin",
        "--password-file",
        secret,
    )
    assert code == 2 and "Tên đăng nhập đã tồn tại." in err
    code, _out, err = run(
        "add-user", "--database", server_db, "--username", "khac", "--role", "admin",
        "--password-file", str(tmp_path / "missing.txt"),
    )  # fmt: skip
    assert code == 2 and "Không đọc được mật khẩu từ tệp" in err
    code, _out, err = run(
        "add-user", "--database", server_db, "--username", "lanhdao", "--role", "unit-leader", lang="en"
    )
    assert code == 2 and "A unit leader's account belongs to one unit: add --unit <agency ID>." in err


def test_administrative_commands_are_logged_with_actor_cli(
    server_db: str, admin: SimpleNamespace, tmp_path: Path, monkeypatch
) -> None:
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps(catalogue_to_json_obj([BIRTH]), ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("PORTAL_TEST_PASSWORD", "mat-khau-cong")
    db = ["--database", server_db]
    assert run("add-counter", *db, "--agency-id", AGENCY, "--counter", "1")[0] == 0
    assert run("revoke-counter", *db, "--agency-id", AGENCY, "--counter", "1")[0] == 0
    assert run("import-catalogue", *db, "--agency-id", AGENCY, str(catalogue))[0] == 0
    assert (
        run("set-day", *db, "--agency-id", AGENCY, "--day", "2026-12-31", "--kind", "off", "--name", "Nghỉ")[
            0
        ]
        == 0
    )
    assert run(
        "portal-config", *db, "--agency-id", AGENCY, "--adapter-url", "http://127.0.0.1:9", "--auth-path", "/auth",
        "--integration-path", "/integration", "--share-path", "/share", "--unit-code", "H56", "--username", "lgsp",
        "--password-env", "PORTAL_TEST_PASSWORD",
    )[0] == 0  # fmt: skip
    assert run("portal-resend", *db, "--agency-id", AGENCY, "--all-parked")[0] == 0
    assert run("list-counters", *db)[0] == 0  # reading: not logged
    assert rows(admin) == [
        ("cli", "counter.add", {"agency_id": AGENCY, "counter": 1, "slot_digits": None}),
        ("cli", "counter.revoke", {"agency_id": AGENCY, "counter": 1}),
        ("cli", "catalogue.import", {"agency_id": AGENCY, "procedures": 1, "file": str(catalogue)}),
        (
            "cli",
            "calendar.set_day",
            {
                "agency_id": AGENCY,
                "day": "2026-12-31",
                "kind": "off",
                "name": "Nghỉ",
                "document": "",
                "document_date": None,
            },
        ),
        (
            "cli",
            "portal.config",
            {
                "agency_id": AGENCY,
                "adapter_url": "http://127.0.0.1:9",
                "unit_code": "H56",
                "username": "lgsp",
                "password_source": "env",
            },
        ),
        ("cli", "portal.resend", {"agency_id": AGENCY, "code": None, "dossiers": 0}),
    ]
    assert "mat-khau-cong" not in json.dumps(rows(admin))
