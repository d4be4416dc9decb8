"""Push and pull against a real server process: round trips, duplicates, conflicts, parking, skew, downloads."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from sync_support import (
    AGENCY,
    DAY,
    Counters,
    assert_converged,
    receive_many,
    receive_one,
    server_view,
    sync_until_quiet,
)

from counter_app.core.ids import new_id
from counter_app.core.model import Status
from counter_app.core.wire import utc_now
from counter_app.server.admin import publish_catalogue, revoke_counter, set_day
from counter_app.server.process import ServerProcess
from counter_app.sync.engine import SyncEngine
from counter_app.sync.status import SyncState


def test_push_then_pull_reaches_every_counter_and_status_changes_travel_back(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one, two = counters.new(1, server.url), counters.new(2, server.url)
    made = [receive_one(one, f"Nguyễn Văn {i}") for i in range(3)]
    one.advance(made[0].code, Status.PROCESSING, officer="xuly", unit="Công chức Tư pháp - Hộ tịch")
    e1, e2 = SyncEngine(one), SyncEngine(two)

    first = e1.cycle()
    assert first.ok and first.push.sent == 4 and first.push.parked == []
    second = e2.cycle()
    assert second.ok and second.pull.dossiers == 3
    handed = two.dossiers.get(made[0].code)
    assert handed.status is Status.PROCESSING and handed.unit == "Công chức Tư pháp - Hộ tịch"

    # counter 2 hands the result over: a status change made elsewhere comes back to counter 1
    two.advance(made[0].code, Status.RESULT_READY, officer="xuly")
    two.advance(made[0].code, Status.RETURNED, officer="canbo2", data={"method": "counter"})
    sync_until_quiet([e2, e1])
    assert one.dossiers.get(made[0].code).status is Status.RETURNED
    assert e1.status().state is SyncState.ONLINE
    assert_converged(admin, [one, two])
    e1.close()
    e2.close()


def test_a_lost_acknowledgement_is_answered_as_duplicate_and_applied_once(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = counters.new(1, server.url)
    receive_one(one)
    engine = SyncEngine(one)
    assert engine.cycle().push.sent == 1
    one.db.execute_sql("UPDATE outbox SET state = 'pending', sent_at = NULL")  # as if the answer never came
    again = engine.cycle()
    assert again.push.sent == 1 and again.push.duplicates == 1
    assert admin.Change.select().count() == 1 and admin.Dossier.select().count() == 1
    assert_converged(admin, [one])
    engine.close()


def test_same_change_id_with_other_content_is_a_visible_conflict(
    server: ServerProcess, counters: Counters, admin, cli_for
) -> None:
    one = counters.new(1, server.url)
    d = receive_one(one)
    engine = SyncEngine(one)
    engine.cycle()
    change_id = one.db.execute_sql("SELECT change_id FROM outbox").fetchone()[0]
    payload = json.loads(one.db.execute_sql("SELECT payload FROM outbox").fetchone()[0])
    payload["applicant"]["name"] = "Tên đã bị sửa"
    one.db.execute_sql(
        "UPDATE outbox SET state = 'pending', payload = ? WHERE change_id = ?",
        (json.dumps(payload), change_id),
    )
    report = engine.cycle()
    assert [p.reason for p in report.push.parked] == ["change.content_mismatch"]
    status = engine.status()
    assert status.state is SyncState.NEEDS_ATTENTION and status.parked[0].code == d.code
    shown = cli_for(one)("sync", "--status", "--json")
    data = json.loads(shown.out)
    assert set(data) == {
        "state",
        "pending",
        "oldest_pending_age_s",
        "last_success",
        "parked",
        "clock_skew_s",
        "server",
        "codes_hold",
    }
    assert data["state"] == "needs_attention" and data["parked"][0]["reason"] == "change.content_mismatch"
    stored = json.loads(admin.Dossier.get_by_id(d.id).data)
    assert stored["applicant"]["name"] == d.applicant.name  # the original stays
    engine.close()


def test_two_counters_moving_one_dossier_offline_conflict_and_the_rest_still_goes(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one, two = counters.new(1, server.url), counters.new(2, server.url)
    d = receive_one(one)
    e1, e2 = SyncEngine(one), SyncEngine(two)
    e1.cycle()
    e2.cycle()
    one.advance(d.code, Status.PROCESSING, officer="a", unit="Tư pháp")
    two.advance(d.code, Status.STOPPED, officer="b", note="Công dân rút hồ sơ")
    other = receive_one(two, "Trần Thị Bình")
    assert e1.cycle().push.sent == 1
    report = e2.cycle()
    assert [p.reason for p in report.push.parked] == ["version.conflict"]
    assert report.push.sent == 1  # the other dossier went through
    assert other.id in server_view(admin)
    # the download never overwrote counter 2's unsent change
    assert two.dossiers.get(d.code).status is Status.STOPPED and report.pull.kept_local >= 1
    assert server_view(admin)[d.id][1] == 2
    assert e2.status().state is SyncState.NEEDS_ATTENTION
    e1.close()
    e2.close()


def test_a_rejected_change_is_parked_later_changes_of_its_dossier_wait_others_go(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = counters.new(1, server.url)
    good = receive_one(one, "Lê Văn Một")
    bad = receive_one(one, "Lê Văn Hai")
    bad_code = bad.code.replace("-01", "-07")  # a code outside counter 1's slot
    row = one.db.execute_sql("SELECT payload FROM outbox WHERE dossier_id = ?", (bad.id,)).fetchone()
    payload = json.loads(row[0])
    payload["code"] = bad_code
    one.db.execute_sql("UPDATE outbox SET payload = ? WHERE dossier_id = ?", (json.dumps(payload), bad.id))
    one.advance(bad.code, Status.PROCESSING, officer="xuly")  # waits behind the parked create
    later = receive_one(one, "Lê Văn Ba")
    engine = SyncEngine(one)
    report = engine.cycle()
    assert [(p.dossier_id, p.reason) for p in report.push.parked] == [(bad.id, "code.slot")]
    on_server = server_view(admin)
    assert good.id in on_server and later.id in on_server and bad.id not in on_server
    states = dict(
        one.db.execute_sql("SELECT kind, state FROM outbox WHERE dossier_id = ?", (bad.id,)).fetchall()
    )
    assert states == {"dossier.create": "parked", "dossier.event": "pending"}
    # a retry asks again; the rule still holds, so it parks again and the event keeps waiting
    assert engine.requeue() == 1
    again = engine.cycle()
    assert [p.reason for p in again.push.parked] == ["code.slot"] and again.push.sent == 0
    status = engine.status()
    assert status.pending == 1 and len(status.parked) == 1 and status.oldest_pending_age_s is not None
    engine.close()


def test_catalogue_calendar_and_dossiers_of_the_agency_come_down(
    server: ServerProcess, counters: Counters, admin
) -> None:
    from counter_app.core.model import Procedure

    one, two = counters.new(1, server.url), counters.new(2, server.url)
    receive_one(one)
    new_catalogue = [Procedure("2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực", duration=0.5)]
    publish_catalogue(admin, AGENCY, new_catalogue)
    set_day(admin, AGENCY, date(2026, 12, 31), "off", "Nghỉ bù")
    set_day(admin, AGENCY, date(2027, 1, 9), "work", "Làm bù")
    set_day(admin, AGENCY, date(2027, 1, 9), None)
    e1, e2 = SyncEngine(one), SyncEngine(two)
    e1.cycle()
    report = e2.cycle()
    assert report.pull.catalogue == 1 and report.pull.calendar_days == 2 and report.pull.dossiers == 1
    assert [p.code for p in two.procedures()] == ["2.000908"]
    assert two.overrides() == [(date(2026, 12, 31), "off", "Nghỉ bù")]
    assert e2.cycle().pull.items == 0  # the cursor was saved with the batch
    e1.close()
    e2.close()


def test_pull_resumes_from_its_cursor_page_by_page(server: ServerProcess, counters: Counters, admin) -> None:
    one, two = counters.new(1, server.url), counters.new(2, server.url)
    receive_many(one, 25)
    SyncEngine(one).cycle()
    e2 = SyncEngine(two, pull_limit=10)
    report = e2.cycle()
    assert report.pull.pages == 3 and report.pull.dossiers == 25
    assert int(e2.state.get("pull_cursor") or 0) > 0
    assert_converged(admin, [one, two])
    e2.close()


def test_a_counter_with_its_clock_an_hour_ahead_syncs_and_reports_the_skew(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one, two = counters.new(1, server.url), counters.new(2, server.url)
    ahead = datetime.now() + timedelta(hours=1)
    made = receive_one(one, at=ahead)
    engine = SyncEngine(one, clock=lambda: utc_now() + timedelta(hours=1))
    report = engine.cycle()
    assert report.ok and report.push.sent == 1
    assert report.clock_skew_s is not None and -3700 < report.clock_skew_s < -3500
    status = engine.status()
    assert status.clock_is_off and status.state is SyncState.ONLINE
    change = admin.Change.get()
    received = datetime.fromisoformat(change.received_at)
    assert abs((received - datetime.now(UTC)).total_seconds()) < 120  # the server keeps its own time too
    assert change.device_time != "" and made.id in server_view(admin)
    SyncEngine(two).cycle()
    assert_converged(admin, [one, two])
    engine.close()


def test_a_revoked_counter_needs_attention_and_keeps_its_outbox(
    server: ServerProcess, counters: Counters, admin
) -> None:
    one = counters.new(1, server.url)
    receive_one(one)
    revoke_counter(admin, AGENCY, 1)
    engine = SyncEngine(one)
    report = engine.cycle()
    assert report.outcome == "auth" and report.error == "auth.revoked"
    status = engine.status()
    assert (
        status.state is SyncState.NEEDS_ATTENTION and status.pending == 1 and status.problem == "auth.revoked"
    )
    engine.close()


def test_an_unreachable_server_means_offline_and_nothing_is_lost(
    counters: Counters, admin, server_db: str
) -> None:
    from counter_app.server.process import free_port

    port = free_port()
    one = None
    with ServerProcess(server_db, port=port) as process:
        one = counters.new(1, process.url)
    receive_one(one)
    engine = SyncEngine(one)
    report = engine.cycle()
    assert report.outcome == "offline" and report.error == "sync.unreachable"
    status = engine.status()
    assert status.state is SyncState.OFFLINE and status.pending == 1
    assert one.db.execute_sql("SELECT attempts, state FROM outbox").fetchone() == (1, "pending")
    with ServerProcess(server_db, port=port):
        assert engine.cycle().push.sent == 1
    assert_converged(admin, [one])
    engine.close()


def test_daily_backup_is_made_once_a_day(server: ServerProcess, counters: Counters) -> None:
    one = counters.new(1, server.url)
    engine = SyncEngine(one)
    first = engine.backup_if_due(date(2026, 11, 23))
    assert first is not None and first.exists()
    assert engine.backup_if_due(date(2026, 11, 23)) is None
    assert engine.backup_if_due(date(2026, 11, 24)) is not None
    engine.close()


def test_event_ids_and_change_ids_are_counter_made(server: ServerProcess, counters: Counters, admin) -> None:
    one = counters.new(1, server.url)
    d = receive_one(one, at=DAY)
    SyncEngine(one).cycle()
    change = admin.Change.get()
    assert change.change_id != d.id and len(change.change_id) == len(new_id())
    assert change.counter == 1 and change.kind == "dossier.create" and change.result == "applied"
