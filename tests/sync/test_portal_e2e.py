"""Counters receive offline, sync to a real server process, and the server reports every dossier and every step to
the national portal's adapter — here its test double (tests/portal), a real HTTP process that checks the contract —
exactly once, across a lost answer, a killed server, an expired session, an unavailable adapter and a refusal."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from portal.adapter_double import PortalDouble, start_double
from sync_support import DAY, Counters, receive_many, receive_one, sync_until_quiet

from counter_app.core.model import Status
from counter_app.server import cli as server_cli
from counter_app.server.portal_map import portal_time
from counter_app.server.portal_queue import synced_share
from counter_app.server.process import ServerProcess
from counter_app.sync.engine import SyncEngine

FAST = ["--portal-interval", "0.2", "--portal-timeout", "2", "--portal-lease", "3"]


@pytest.fixture
def portal() -> Iterator[PortalDouble]:
    double = start_double()
    yield double
    double.kill()


def server_cmd(url: str, *args: str) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    code = server_cli.main(["--lang", "en", *args, "--database", url], out=out, err=err)
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


def connect(url: str, portal: PortalDouble, tmp_path: Path, agency: str = "000.00.06.H56") -> SimpleNamespace:
    secret = tmp_path / "portal-password"
    secret.write_text(portal.password + "\n", encoding="utf-8")
    secret.chmod(0o600)
    return server_cmd(
        url,
        "portal-config",
        "--agency-id",
        agency,
        "--adapter-url",
        portal.url,
        "--auth-path",
        portal.auth_path,
        "--integration-path",
        portal.integration_path,
        "--share-path",
        portal.share_path,
        "--unit-code",
        portal.unit_code,
        "--username",
        portal.username,
        "--password-file",
        str(secret),
        "--unit-name",
        "UBND phường Mẫu",
    )


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {what}")


def expected_steps(admin: SimpleNamespace) -> dict[str, list[str]]:
    """Per dossier code, the statuses of its steps in order, from the server's own copy."""
    from counter_app.core.serial import dossier_from_dict
    from counter_app.server.portal_map import steps_of

    found = {}
    for row in admin.Dossier.select():
        d = dossier_from_dict(json.loads(row.data))
        if d.code:
            found[d.code] = [str(int(e.to_status)) for e in steps_of(d)]
    return found


def portal_steps(portal: PortalDouble) -> dict[str, list[str]]:
    return {code: [s["TrangThai"] for s in steps] for code, steps in portal.state()["steps"].items()}


def all_arrived(portal: PortalDouble, admin: SimpleNamespace) -> bool:
    with admin.db.connection_context():
        want = expected_steps(admin)
    state = portal.state()
    return set(state["dossiers"]) == set(want) and portal_steps(portal) == want


def assert_exactly_once(portal: PortalDouble, admin: SimpleNamespace) -> None:
    state = portal.state()
    assert state["violations"] == []
    assert all(d["creates"] == 1 for d in state["dossiers"].values()), state["dossiers"]
    with admin.db.connection_context():
        want = expected_steps(admin)
        statuses = {r.code: str(r.status) for r in admin.Dossier.select() if r.code}
    assert portal_steps(portal) == want
    assert {c: d["object"]["TrangThaiHoSo"] for c, d in state["dossiers"].items()} == statuses


@pytest.mark.slow
def test_offline_intake_reaches_the_portal_once_with_every_step(
    server_db: str, admin, counters: Counters, portal: PortalDouble, tmp_path: Path
) -> None:
    # the portal knows one procedure by its own name and field; the other is sent under the catalogue's
    portal.procedures([{"MATTHC": "1.001193", "TENTTHC": "Đăng ký khai sinh", "MALINHVUC": "G09-TP03",
                        "TENLINHVUC": "Hộ tịch"}])  # fmt: skip
    assert connect(server_db, portal, tmp_path).code == 0
    with ServerProcess(server_db, extra_args=FAST) as server:
        one, two = counters.new(1, server.url), counters.new(2, server.url)
        # offline: both counters receive, one dossier moves on and is handed over
        made = receive_many(one, 12) + [receive_one(two, f"Trần Thị {i}") for i in range(3)]
        code = made[0].code
        assert code is not None
        one.advance(code, Status.PROCESSING, officer="canbo", at=DAY + timedelta(hours=1), action="transfer",
                    unit="Công chức Tư pháp - Hộ tịch")  # fmt: skip
        one.advance(code, Status.RESULT_READY, officer="canbo", at=DAY + timedelta(hours=2),
                    action="result_ready")  # fmt: skip
        engines = [SyncEngine(one), SyncEngine(two)]
        sync_until_quiet(engines)
        wait_for(lambda: all_arrived(portal, admin), "every dossier and step at the portal")
        assert_exactly_once(portal, admin)
        first = portal.state()["dossiers"][code]
        assert (
            first["object"]["TenTTHC"] == "Đăng ký khai sinh" and first["object"]["MaLinhVuc"] == "G09-TP03"
        )
        assert first["object"]["TrangThaiHoSo"] == "9"  # created in its state at the time it was sent
        assert first["object"]["NgayTiepNhan"] == portal_time(made[0].received_at)
        # the counters hear which dossiers the portal holds; the server's share agrees with the double
        sync_until_quiet(engines)
        held = len(portal.state()["dossiers"])
        with admin.db.connection_context():
            assert synced_share(admin, "000.00.06.H56", "2026-11-01", "2026-12-01") == (held, 15)
        status = server_cmd(server_db, "portal-status", "--json")
        [unit] = json.loads(status.out)
        assert (unit["queued"], unit["sending"], unit["parked"], unit["dossiers_held"]) == (0, 0, 0, 15)
        for e in engines:
            e.close()


@pytest.mark.slow
def test_lost_answers_a_killed_server_an_expired_session_and_a_refusal(
    server_db: str, admin, counters: Counters, portal: PortalDouble, tmp_path: Path
) -> None:
    assert connect(server_db, portal, tmp_path).code == 0
    server = ServerProcess(server_db, extra_args=FAST).start()
    try:
        one = counters.new(1, server.url)
        engine = SyncEngine(one)
        # 1. the portal keeps the first batch but its answer never comes (held past the server's timeout)
        portal.hang(1, 30)
        receive_many(one, 5)
        sync_until_quiet([engine])
        wait_for(lambda: len(portal.state()["dossiers"]) == 5, "the held batch stored at the portal")
        portal.release()
        wait_for(lambda: all_arrived(portal, admin), "the steps after the lost answer")
        assert_exactly_once(portal, admin)  # looked up with TraCuuHoSo, never created twice

        # 2. the server is killed while its batch is at the portal and the answer is on its way
        portal.hang(1, 60)
        receive_many(one, 4, at=DAY + timedelta(hours=3), prefix="Người")
        sync_until_quiet([engine])
        wait_for(lambda: len(portal.state()["dossiers"]) == 9, "the batch stored before the kill")
        server.kill()
        portal.release()
        server = ServerProcess(server_db, port=server.port, extra_args=FAST).start()
        wait_for(lambda: all_arrived(portal, admin), "the restarted server settling what was sent")
        assert_exactly_once(portal, admin)

        # 3. the session expires, then the adapter is down for a while: a new session, retries, nothing lost
        portal.expire()
        portal.fail(2, 503)
        made = receive_many(one, 3, at=DAY + timedelta(hours=5), prefix="Khách")
        sync_until_quiet([engine])
        wait_for(lambda: all_arrived(portal, admin), "dossiers after the expired session and the outage")
        assert portal.state()["sessions_issued"] >= 2
        assert_exactly_once(portal, admin)

        # 4. the portal refuses one dossier: it is parked with the portal's message, the others go on
        refused = receive_many(one, 3, at=DAY + timedelta(hours=6), prefix="Bà")
        bad = refused[1].code
        assert bad is not None
        portal.reject(bad, "99", "Mã thủ tục không tồn tại trên Cổng")
        one.advance(made[0].code or "", Status.PROCESSING, officer="canbo", at=DAY + timedelta(hours=7),
                    action="processing")  # fmt: skip
        sync_until_quiet([engine])
        wait_for(
            lambda: len(portal.state()["dossiers"]) == 14 and json.loads(
                server_cmd(server_db, "portal-status", "--json").out)[0]["parked"] > 0,
            "the others sent, the refused one parked",
        )  # fmt: skip
        [unit] = json.loads(server_cmd(server_db, "portal-status", "--json").out)
        assert unit["parked_dossiers"] == [{"code": bad, "message": "99: Mã thủ tục không tồn tại trên Cổng"}]
        text = server_cmd(server_db, "portal-status").out
        assert f"parked {bad}: 99: Mã thủ tục không tồn tại trên Cổng" in text
        assert bad not in portal.state()["dossiers"]

        # the IT officer has the procedure fixed at the portal and sends it again
        portal.clear_reject(bad)
        resent = server_cmd(server_db, "portal-resend", "--agency-id", "000.00.06.H56", "--code", bad)
        assert resent.code == 0, resent.err
        wait_for(lambda: all_arrived(portal, admin), "the re-sent dossier")
        assert_exactly_once(portal, admin)
        again = server_cmd(server_db, "portal-resend", "--agency-id", "000.00.06.H56", "--code", bad)
        assert again.code == 2 and bad in again.err and "Traceback" not in again.err
        engine.close()
    finally:
        server.stop()


def test_configuring_without_a_readable_password_says_so_and_stores_nothing(
    server_db: str, admin, portal: PortalDouble, tmp_path: Path
) -> None:
    missing = server_cmd(
        server_db, "portal-config", "--agency-id", "000.00.06.H56", "--adapter-url", portal.url,
        "--auth-path", "/auth", "--integration-path", "/integration", "--share-path", "/share",
        "--unit-code", "X", "--username", "u", "--password-file", str(tmp_path / "nowhere"),
    )  # fmt: skip
    assert missing.code == 2 and "Cannot read the national portal password" in missing.err
    assert "Traceback" not in missing.err
    with admin.db.connection_context():
        assert admin.PortalUnit.select().count() == 0
    vi = server_cli.main(
        [
            "--lang",
            "vi",
            "portal-resend",
            "--database",
            server_db,
            "--agency-id",
            "000.00.06.H56",
            "--all-parked",
        ],
        out=io.StringIO(),
        err=(err := io.StringIO()),
    )
    assert vi == 2 and "chưa được cấu hình kết nối Cổng Dịch vụ công quốc gia" in err.getvalue()


def test_once_sends_what_it_can_and_reports_the_unit(
    server_db: str, admin, counters: Counters, portal: PortalDouble, tmp_path: Path
) -> None:
    with ServerProcess(server_db, extra_args=["--no-portal"]) as server:
        one = counters.new(1, server.url)
        receive_many(one, 3)
        engine = SyncEngine(one)
        sync_until_quiet([engine])
        engine.close()
        port = server.port
    # connecting the unit afterwards queues what it already received
    connected = connect(server_db, portal, tmp_path)
    assert connected.code == 0 and "3 received dossiers queued" in connected.out
    done = server_cmd(server_db, "portal-sync", "--once", *FAST)
    assert done.code == 0, done.out + done.err
    [report] = [json.loads(line) for line in done.out.splitlines()]
    assert report["dossiers_sent"] == 3 and report["steps_sent"] == 3 and report["failed"] == ""
    assert_exactly_once(portal, admin)
    # the adapter is down: --once says the unit failed, and the queue is kept
    receive_many(one, 1, at=datetime(2026, 11, 24, 8, 0))
    with ServerProcess(server_db, port=port, extra_args=["--no-portal"]):
        engine = SyncEngine(one)
        sync_until_quiet([engine])
        engine.close()
    portal.fail(5, 503)
    down = server_cmd(server_db, "portal-sync", "--once", *FAST)
    assert down.code == 1 and "HTTP 503" in json.loads(down.out)["failed"]
    with admin.db.connection_context():
        assert admin.PortalQueue.select().where(admin.PortalQueue.state == "queued").count() == 2
