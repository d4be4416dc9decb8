"""Hostile or mistyped input on the command line: one clear sentence, exit 2, nothing stored, no traceback."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from counter_app.core.serial import dossier_from_dict, dossier_to_dict

RECEIVE = (
    "dossier",
    "receive",
    "--procedure",
    "1.001193",
    "--applicant-name",
    "Nguyễn Văn Đức",
    "--applicant-id",
    "001090012345",
    "--json",
)


def one_sentence(result) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1, result.err


def exported_catalogue(cli, tmp_path: Path) -> str:
    path = tmp_path / "danh-muc.json"
    assert cli("catalog", "export", str(path)).code == 0
    return path.read_text(encoding="utf-8")


def test_a_deeply_nested_catalogue_is_refused(cli, store, tmp_path: Path) -> None:
    before = cli("catalog", "list", "--json").out
    nested = tmp_path / "long-nhau.json"
    depth = 200_000
    nested.write_text(
        '{"format": "quay-mot-cua/catalogue", "version": 1, "procedures": ' + "[" * depth + "]" * depth + "}"
    )
    result = cli("catalog", "import", str(nested))
    one_sentence(result)
    assert "lồng nhau quá sâu" in result.err and "không nhập" in result.err
    assert cli("catalog", "list", "--json").out == before


@pytest.mark.parametrize(("duration", "fragment"), [("1e400", "phải là một số"), ("1e30", "ngoài khoảng")])
def test_an_endless_duration_is_refused_at_import(
    cli, store, tmp_path: Path, duration: str, fragment: str
) -> None:
    before = cli("catalog", "list", "--json").out
    text = exported_catalogue(cli, tmp_path)
    data = json.loads(text)
    data["procedures"][0]["duration"] = 12345  # a marker replaced by the raw number below
    bad = tmp_path / "thoi-han.json"
    bad.write_text(json.dumps(data, ensure_ascii=False).replace("12345", duration, 1), encoding="utf-8")
    result = cli("catalog", "import", str(bad))
    one_sentence(result)
    assert fragment in result.err and "dòng 1" in result.err
    assert cli("catalog", "list", "--json").out == before


def test_catalogue_export_into_a_missing_folder_is_refused(cli, store, tmp_path: Path) -> None:
    target = tmp_path / "khong-co" / "danh-muc.json"
    result = cli("catalog", "export", str(target))
    one_sentence(result)
    assert "không tồn tại" in result.err and not target.parent.exists()
    report = cli(
        "report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "khong-co" / "bc.xlsx")
    )
    one_sentence(report)


@pytest.mark.parametrize(
    "received",
    ["9999-12-31T08:00", "2100-01-04T08:00", "1999-12-31T08:00", "PINNED+2h"],
)
def test_receipt_times_outside_what_can_be_recorded_are_refused(cli, store, clock, received: str) -> None:
    if received == "PINNED+2h":  # the clock fixture pins "now"
        received = (datetime.now() + timedelta(hours=2)).isoformat(timespec="minutes")
    result = cli(*RECEIVE, "--received", received)
    one_sentence(result)
    assert store.dossiers.count() == 0


def test_a_receipt_time_a_little_ahead_of_the_clock_is_accepted(cli, store, clock) -> None:
    received = (datetime.now() + timedelta(minutes=20)).isoformat(timespec="minutes")  # pinned by `clock`
    result = cli(*RECEIVE, "--received", received)
    assert result.code == 0, result.err


def test_dates_beyond_the_code_years_are_refused_everywhere(cli, store) -> None:
    one_sentence(
        cli("calendar", "due", "--received", "9999-12-31T08:00", "--duration", "5", "--unit", "working-days")
    )
    one_sentence(cli("report", "--from", "2026-01-01", "--to", "9999-12-31"))
    result = cli("report", "--from", "1990-01-01", "--to", "2026-01-01", lang="en")
    one_sentence(result)
    assert "2000–2099" in result.err


def test_outbox_export_only_into_an_existing_folder(cli, store, tmp_path: Path) -> None:
    target = tmp_path / "usb" / "sao" / "outbox.json"
    result = cli("sync", "--export", str(target))
    one_sentence(result)
    assert "không tồn tại" in result.err and not (tmp_path / "usb").exists()
    english = cli("sync", "--export", str(target), lang="en")
    assert english.code == 2 and "does not exist" in english.err
    ok = cli("sync", "--export", str(tmp_path / "outbox.json"))
    assert ok.code == 0 and (tmp_path / "outbox.json").is_file()


def test_a_code_with_stray_spaces_is_one_dossier(cli, store, clock) -> None:
    received = json.loads(cli(*RECEIVE, "--received", "2026-11-27T16:00").out)
    code = received["code"]
    shown = cli("dossier", "show", f"  {code} ")
    assert shown.code == 0 and code in shown.out
    # the same dossier downloaded again with its code padded (a server or a file that kept the spaces)
    data = dossier_to_dict(store.dossiers.get(code))
    data["code"] = f" {code}\t"
    data["version"] = data.get("version", 1) + 1
    store.dossiers.replace_from_server(dossier_from_dict(data))
    rows = store.db.execute_sql("SELECT code FROM dossier").fetchall()
    assert rows == [(code,)]
    advanced = cli("dossier", "advance", f" {code} ", "--status", "processing")
    assert advanced.code == 0, advanced.err
