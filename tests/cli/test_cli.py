"""The admin CLI as written in the foundation issue: names, flags, JSON and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RECEIVE = (
    "dossier",
    "receive",
    "--procedure",
    "1.001193",
    "--applicant-name",
    "Nguyễn Văn Đức",
    "--applicant-id",
    "001090012345",
    "--phone",
    "0912345678",
    "--received",
    "2026-11-27T16:00",
    "--json",
)


def test_setup_then_catalog_list_json(configured) -> None:
    result = configured("catalog", "list", "--json")
    procedures = json.loads(result.out)
    assert len(procedures) >= 25
    first = procedures[0]
    for key in ("code", "name", "duration", "duration_unit", "components"):
        assert key in first
    assert {"name", "originals", "certified_copies", "photocopies"} <= set(first["components"][0])


def test_calendar_due_prints_one_iso_line(cli) -> None:
    # Friday 27/11/2026 16:00 + 1 working day = Monday 30/11 16:00
    result = cli(
        "calendar", "due", "--received", "2026-11-27T16:00", "--duration", "1", "--unit", "working-days"
    )
    assert result.code == 0 and result.out.strip() == "2026-11-30T16:00"
    cut = cli(
        "calendar",
        "due",
        "--received",
        "2026-11-27T15:30",
        "--duration",
        "0",
        "--unit",
        "working-days",
        "--cutoff",
        "15:00",
    )
    assert cut.out.strip() == "2026-11-30T17:00"


def test_calendar_holidays_lists_tet(cli) -> None:
    result = cli("calendar", "holidays", "2026")
    days = [line.split("\t")[0] for line in result.out.splitlines()]
    assert {"2026-02-16", "2026-02-17", "2026-09-02"} <= set(days)


def test_receive_show_search_advance(configured, clock) -> None:
    # received Friday 27/11 16:00, looked at on the pinned Monday 30/11 09:00: still within its appointment
    received = configured(*RECEIVE)
    assert received.code == 0, received.err
    data = json.loads(received.out)
    assert data["code"] == "000.00.06.H56-261127-0201"
    assert data["status"] == 2 and data["appointment"] and data["received"] == "2026-11-27T16:00:00"
    shown = json.loads(configured("dossier", "show", data["code"], "--json").out)
    for key in ("code", "status", "status_name", "received", "appointment", "late", "applicant", "history"):
        assert key in shown
    assert shown["status_name"] == "Được tiếp nhận" and shown["late"] is False
    found = json.loads(configured("dossier", "search", "nguyen van duc", "--json").out)
    assert [d["code"] for d in found] == [data["code"]]
    moved = configured("dossier", "advance", data["code"], "--status", "processing", "--unit", "Tư pháp")
    assert moved.code == 0
    by_number = configured("dossier", "advance", data["code"], "--status", "9")
    assert by_number.code == 0
    shown = json.loads(configured("dossier", "show", data["code"], "--json").out)
    assert shown["status"] == 9 and len(shown["history"]) == 3


def test_forbidden_transition_is_refused_with_one_sentence(configured, clock) -> None:
    code = json.loads(configured(*RECEIVE).out)["code"]
    result = configured("dossier", "advance", code, "--status", "returned")
    assert result.code == 2
    assert "Không thể chuyển hồ sơ" in result.err and "Traceback" not in result.err
    assert json.loads(configured("dossier", "show", code, "--json").out)["status"] == 2


def test_missing_components_are_not_received(configured, clock) -> None:
    result = configured(*RECEIVE, "--missing", "1")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["code"] is None and data["status"] == 5 and data["missing"]
    assert "thiếu" in result.err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (
            (
                "dossier",
                "receive",
                "--procedure",
                "1.001193",
                "--applicant-name",
                "A",
                "--applicant-id",
                "12345",
            ),
            "12 chữ số",
        ),
        (
            (
                "dossier",
                "receive",
                "--procedure",
                "9.999999",
                "--applicant-name",
                "A",
                "--applicant-id",
                "001090012345",
            ),
            "Không tìm thấy thủ tục",
        ),
        (("dossier", "show", "000.00.06.H56-261127-9999"), "Không tìm thấy hồ sơ"),
        (("calendar", "due", "--received", "hôm qua", "--duration", "1", "--unit", "days"), "ISO 8601"),
        (("dossier", "advance", "X", "--status", "flying"), "Trạng thái"),
        (
            (
                "setup",
                "--agency-id",
                "bad id",
                "--agency-name",
                "A",
                "--parent-body",
                "B",
                "--place",
                "C",
                "--counter",
                "1",
            ),
            "Mã định danh cơ quan",
        ),
        (
            (
                "setup",
                "--agency-id",
                "000.00.06.H56",
                "--agency-name",
                "A",
                "--parent-body",
                "B",
                "--place",
                "C",
                "--counter",
                "100",
            ),
            "Số quầy",
        ),
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_sentence(configured, args, fragment) -> None:
    result = configured(*args)
    assert result.code == 2
    assert fragment in result.err and "Traceback" not in result.err


def test_english_messages(configured) -> None:
    result = configured("dossier", "show", "nope", lang="en")
    assert result.code == 2 and "No dossier" in result.err


def test_receipt_needs_an_agency_id(cli, data_dir: Path) -> None:
    from counter_app.core.roles import Role
    from counter_app.storage.store import CounterStore

    store = CounterStore(data_dir)  # an account, but no unit configured yet
    store.accounts.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, "so-ho-tich-2026")
    store.close()
    result = cli("--officer", "canbo", *RECEIVE)
    assert result.code == 2 and "mã định danh" in result.err


def test_the_cli_acts_as_a_real_account_with_its_role(configured, data_dir: Path, monkeypatch) -> None:
    from counter_app.core.roles import Role
    from counter_app.storage.store import CounterStore

    store = CounterStore(data_dir)
    store.accounts.create("xuly", "Trần Văn Đức", Role.PROCESSOR, "xu-ly-ho-so-2026", by="admin")
    store.accounts.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, "so-ho-tich-2026", by="admin")
    store.accounts.create("nghiviec", "Lê Văn Cũ", Role.OFFICER, "da-nghi-viec-2026", by="admin")
    store.accounts.set_active("nghiviec", False, by="admin")
    store.close()

    unknown = configured("--officer", "lanhdao", *RECEIVE)
    assert unknown.code == 2 and "Không có tài khoản cán bộ «lanhdao»" in unknown.err
    inactive = configured("--officer", "nghiviec", *RECEIVE)
    assert inactive.code == 2 and "«nghiviec»" in inactive.err and "Traceback" not in inactive.err
    processor = configured("--officer", "xuly", *RECEIVE)
    assert processor.code == 2 and "không được phép tiếp nhận hồ sơ" in processor.err

    received = configured("--officer", "canbo", *RECEIVE)
    assert received.code == 0, received.err
    code = json.loads(received.out)["code"]
    monkeypatch.setenv("COUNTER_APP_OFFICER", "xuly")
    moved = configured("dossier", "advance", code, "--status", "processing", "--unit", "Tư pháp")
    assert moved.code == 0, moved.err
    monkeypatch.delenv("COUNTER_APP_OFFICER")
    by_default = configured("dossier", "advance", code, "--status", "9")  # the administrator setup created
    assert by_default.code == 0, by_default.err
    history = json.loads(configured("dossier", "show", code, "--json").out)["history"]
    assert [h["officer"] for h in history] == ["canbo", "xuly", "admin"]
    actors = [line.split("\t")[3] for line in configured("audit", "list", "--limit", "3").out.splitlines()]
    assert actors == ["canbo", "xuly", "admin"]


def test_audit_verify_exits_0_when_intact_and_1_naming_the_first_broken_entry(
    configured, data_dir: Path
) -> None:
    code = json.loads(configured(*RECEIVE).out)["code"]
    intact = configured("audit", "verify")
    assert intact.code == 0 and "nguyên vẹn" in intact.out
    from counter_app.storage.store import CounterStore

    store = CounterStore(data_dir)
    store.db.execute_sql("DROP TRIGGER dossier_event_no_update")
    store.db.execute_sql("UPDATE dossier_event SET officer = 'ai-do'")
    entry = next(e for e in store.audit.entries() if e.details.get("code") == code)
    store.close()
    broken = configured("audit", "verify")
    assert broken.code == 1
    assert f"mục số {entry.seq}" in broken.err and "lịch sử hồ sơ đã bị sửa" in broken.err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, COUNTER_APP_DATA_DIR=str(tmp_path), LANG="en_US.UTF-8")
    env.pop("COUNTER_APP_LANG", None)
    script = Path(sys.executable).parent / "counter-app"
    proc = subprocess.run(
        [str(script), "dossier", "show", "X"], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() and "Traceback" not in proc.stderr
    assert "no officer account «admin»" in proc.stderr  # an empty profile: nobody to act as yet


def test_catalog_import_names_every_bad_row_and_imports_nothing(configured, tmp_path: Path) -> None:
    exported = tmp_path / "danh-muc.json"
    assert configured("catalog", "export", str(exported)).code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["procedures"][0]["code"] = "abc"
    data["procedures"][2]["components"][0]["originals"] = -1
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = configured("catalog", "list", "--json").out
    result = configured("catalog", "import", str(broken))
    assert result.code == 2
    assert "dòng 1" in result.err and "mã thủ tục không đúng dạng" in result.err
    assert "dòng 3" in result.err and "không được âm" in result.err
    assert configured("catalog", "list", "--json").out == before
    xlsx = tmp_path / "danh-muc.xlsx"
    assert configured("catalog", "export", str(xlsx)).code == 0
    assert configured("catalog", "import", str(xlsx)).code == 0


def test_a_profile_from_before_setup_admin_acts_as_its_first_administrator(data_dir: Path, cli) -> None:
    import shutil

    from counter_app.storage.store import DB_NAME

    fixture = Path(__file__).parents[1] / "fixtures" / "counter-0.1.0.sqlite3"
    shutil.copy(fixture, data_dir / DB_NAME)  # release 0.1.0: accounts, no administrator named for the CLI
    listed = cli("audit", "list", "--limit", "1")
    assert listed.code == 0, listed.err
    officer = cli("--officer", "canbo", "audit", "verify")
    assert officer.code == 2 and "không được phép xem nhật ký kiểm toán" in officer.err
