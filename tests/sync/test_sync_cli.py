"""`counter-app sync` and `counter-app setup --server`: what an administrator types and reads."""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

from sync_support import AGENCY, PROCEDURE, Counters, receive_one

from counter_app.cli.main import main
from counter_app.core.model import UnitConfig
from counter_app.server.admin import add_counter
from counter_app.server.process import ServerProcess
from counter_app.storage.store import CounterStore


def test_setup_joins_a_server_and_sync_once_reports_sent_received_parked(
    server: ServerProcess, counters: Counters, admin: SimpleNamespace, cli_for, tmp_path: Path
) -> None:
    folder = tmp_path / "fresh"
    store = CounterStore(folder)
    store.set_unit(
        UnitConfig(AGENCY, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU", "UBND PHƯỜNG MẪU", "Phường Mẫu", 5)
    )
    store.replace_catalogue([PROCEDURE])
    token = add_counter(admin, AGENCY, 5)
    password = tmp_path / "admin-password"
    password.write_text("quan-tri-phuong-mau", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            [
                "--data-dir",
                str(folder),
                "setup",
                "--admin-password-file",
                str(password),
                "--server",
                server.url,
                "--token",
                token,
            ],
            out=out,
            err=err,
        )
        == 0
    )
    assert server.url in out.getvalue()
    receive_one(store)
    run = cli_for(store)
    once = run("sync", "--once")
    assert once.code == 0, once.err
    assert "Đã gửi: 1 thay đổi" in once.out and "Đã nhận: 1 mục" in once.out and "Cần xử lý: 0" in once.out
    english = run("sync", "--once", lang="en")
    assert "Sent: 0 changes" in english.out and "Parked: 0" in english.out
    status = run("sync", "--status")
    assert "Trạng thái: trực tuyến" in status.out and "Chờ gửi: 0" in status.out
    data = json.loads(run("sync", "--status", "--json").out)
    assert data["state"] == "online" and data["pending"] == 0 and data["server"] == server.url
    assert data["oldest_pending_age_s"] is None and data["last_success"] and data["parked"] == []
    store.close()


def test_a_wrong_token_or_another_counters_identity_is_refused(
    server: ServerProcess, admin: SimpleNamespace, tmp_path: Path
) -> None:
    folder = tmp_path / "c7"
    store = CounterStore(folder)
    store.set_unit(UnitConfig(AGENCY, "TRUNG TÂM", "UBND", "Phường Mẫu", 7))
    store.close()
    token = add_counter(admin, AGENCY, 8)
    password = tmp_path / "admin-password"
    password.write_text("quan-tri-phuong-mau", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            [
                "--data-dir",
                str(folder),
                "setup",
                "--admin-password-file",
                str(password),
                "--server",
                server.url,
                "--token",
                token,
            ],
            out=out,
            err=err,
        )
        == 2
    )
    assert (
        main(
            [
                "--data-dir",
                str(folder),
                "setup",
                "--admin-password-file",
                str(password),
                "--server",
                server.url,
                "--token",
                "sai",
            ],
            out=out,
            err=err,
        )
        == 2
    )
    assert main(["--data-dir", str(folder), "sync", "--status", "--json"], out=out, err=err) == 0
    assert json.loads(out.getvalue().splitlines()[-1])["server"] is None


def test_sync_without_a_server_says_how_to_join(store, cli) -> None:  # the demo profile: quantri acts
    result = cli("sync", "--once")
    assert result.code == 2 and "counter-app setup --server" in result.err


def test_parked_items_are_listed_retried_and_exported(
    server: ServerProcess, counters: Counters, cli_for, tmp_path: Path
) -> None:
    one = counters.new(1, server.url)
    d = receive_one(one)
    payload = json.loads(one.db.execute_sql("SELECT payload FROM outbox").fetchone()[0])
    payload["code"] = d.code.replace("-01", "-02")
    one.db.execute_sql("UPDATE outbox SET payload = ?", (json.dumps(payload),))
    run = cli_for(one)
    once = run("sync", "--once")
    assert once.code == 0 and "Cần xử lý: 1" in once.out and "không thuộc dải số của quầy này" in once.out
    status = run("sync", "--status")
    assert "Trạng thái: cần xử lý" in status.out and payload["code"] in status.out
    target = tmp_path / "out" / "outbox.json"
    target.parent.mkdir()  # the export writes only into a folder that exists
    exported = run("sync", "--export", str(target))
    assert exported.code == 0 and "1" in exported.out
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert (
        doc["agency_id"] == AGENCY
        and doc["counter"] == 1
        and doc["entries"][0]["payload"]["code"] == payload["code"]
    )
    retried = run("sync", "--retry", "--json")
    assert json.loads(retried.out) == {"requeued": 1}
    assert json.loads(run("sync", "--status", "--json").out)["pending"] == 1
    again = json.loads(run("sync", "--once", "--json").out)
    assert again["outcome"] == "ok" and [p["reason"] for p in again["parked"]] == ["code.slot"]


def test_an_unreachable_server_exits_1_and_keeps_everything(
    counters: Counters, cli_for, server_db: str
) -> None:
    with ServerProcess(server_db) as process:
        one = counters.new(1, process.url)
    receive_one(one)
    result = cli_for(one)("sync", "--once")
    assert result.code == 1 and "Không kết nối được máy chủ" in result.err
    data = json.loads(cli_for(one)("sync", "--status", "--json").out)
    assert data["state"] == "offline" and data["pending"] == 1
