"""The list's SQL against a real database: the same answers as the pure rules in core.listing, paging, sorting, search."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.listing import DossierFilter, QuickView, SortKey, in_view, summary_of
from counter_app.core.model import Channel, Dossier, Person, Status
from counter_app.storage.dossier_queries import DossierQueries
from counter_app.storage.store import CounterStore

S = Status
UNIT = "Công chức Tư pháp - Hộ tịch"
T0 = datetime(2026, 11, 23, 8, 0)  # Monday


def _receive(
    store: CounterStore,
    name: str,
    at: datetime,
    appointment: datetime,
    *,
    officer: str = "canbo",
    procedure: str = "1.004873",
    channel: Channel = Channel.IN_PERSON,
) -> Dossier:
    unit = store.require_unit()
    p = store.procedure(procedure)
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=p,
        applicant=Person(name, "001090012345"),
        at=at,
        officer=officer,
        counter=unit.counter,
        components=full_set(p),
        channel=channel,
    )
    return store.dossiers.create(lambda allocate: receive(draft, allocate(at.date()), appointment), officer)


def _move(store: CounterStore, d: Dossier, *steps: tuple[Status, datetime]) -> Dossier:
    for target, at in steps:
        d = store.advance(d.id, target, officer="xuly", at=at, unit=UNIT)
    return d


@pytest.fixture
def sample(store: CounterStore) -> list[Dossier]:
    """Dossiers with known outcomes around Thursday 26 Nov 2026."""
    due = datetime(2026, 11, 26, 16, 0)
    p = S.PROCESSING
    open_late = _receive(store, "Lê Thị Muộn", T0, datetime(2026, 11, 25, 10, 0))
    due_today = _receive(store, "Nguyễn Văn Đức", T0, due, officer="lan.nt", channel=Channel.ONLINE)
    due_monday = _receive(store, "Trần Thị Bích", T0, datetime(2026, 11, 30, 9, 0))
    early = _move(
        store,
        _receive(store, "Phạm Sớm", T0, due),
        (p, T0 + timedelta(hours=1)),
        (S.RESULT_READY, T0 + timedelta(hours=3)),
    )
    finished_late = _move(
        store,
        _receive(store, "Hoàng Trễ", T0, datetime(2026, 11, 24, 9)),
        (p, T0 + timedelta(hours=1)),
        (S.RESULT_READY, datetime(2026, 11, 25, 9)),
    )
    twice = _move(
        store,
        _receive(store, "Vũ Hai Lần", T0, datetime(2026, 12, 10, 9), procedure="1.001193"),
        (p, T0 + timedelta(hours=1)),
        (S.SUPPLEMENT_REQUESTED, T0 + timedelta(hours=2)),
        (p, T0 + timedelta(hours=3)),
        (S.SUPPLEMENT_REQUESTED, T0 + timedelta(hours=4)),
    )
    waiting = _move(
        store,
        _receive(store, "Đỗ Chờ", T0, datetime(2026, 11, 25, 9)),
        (p, T0 + timedelta(hours=1)),
        (S.SUPPLEMENT_REQUESTED, T0 + timedelta(hours=5)),
    )
    stopped = _move(
        store,
        _receive(store, "Bùi Dừng", T0, datetime(2026, 11, 24, 9)),
        (S.WITHDRAWAL_REQUESTED, T0 + timedelta(hours=1)),
        (S.STOPPED, T0 + timedelta(hours=2)),
    )
    return [open_late, due_today, due_monday, early, finished_late, twice, waiting, stopped]


def _ids(rows) -> set[str]:
    return {r.id for r in rows}


def test_sql_views_agree_with_the_core_rules(store: CounterStore, sample: list[Dossier]) -> None:
    queries = DossierQueries(store)
    cal = store.calendar()
    stored = [store.dossiers.get(d.id) for d in sample]
    moments = [datetime(2026, 11, 24, 8, 30), datetime(2026, 11, 26, 9, 0), datetime(2026, 11, 27, 16, 30)]
    from counter_app.storage.dossier_queries import INDEX_NAMES

    for name in INDEX_NAMES:  # migration 0004 builds them; drop them to check the queries without
        store.db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    queries = DossierQueries(store)
    for indexed in (False, True):  # the list works before its indexes exist, only slower
        if indexed:
            queries.ensure_indexes()
        assert queries.has_indexes() is indexed
        for now in moments:
            for view in QuickView:
                expected = {d.id for d in stored if in_view(summary_of(d), view, now, cal)}
                page = queries.open_list(DossierFilter(view=view), now, 100)
                assert (_ids(page.rows), page.total) == (expected, len(expected)), (view, now, indexed)


def test_two_answered_supplement_requests_are_judged_by_time_in_sql_as_in_core(store: CounterStore) -> None:
    p = S.PROCESSING
    answered = _move(
        store,
        _receive(store, "Vũ Hai Lần Xong", T0, datetime(2026, 11, 26, 16, 0)),
        (p, T0 + timedelta(hours=1)),
        (S.SUPPLEMENT_REQUESTED, T0 + timedelta(hours=2)),
        (p, T0 + timedelta(hours=3)),
        (S.SUPPLEMENT_REQUESTED, T0 + timedelta(hours=4)),
        (p, T0 + timedelta(hours=5)),
    )
    queries = DossierQueries(store)
    row = summary_of(store.dossiers.get(answered.id))
    for now in (datetime(2026, 11, 26, 9, 0), datetime(2026, 11, 27, 9, 0)):  # due soon, then overdue
        for view in (QuickView.LATE, QuickView.DUE_SOON, QuickView.DUE_TODAY):
            expected = in_view(row, view, now, store.calendar())
            assert (answered.id in _ids(queries.page(DossierFilter(view=view), now, 0, 50))) is expected, (
                view,
                now,
            )
    assert answered.id in _ids(
        queries.page(DossierFilter(view=QuickView.DUE_SOON), datetime(2026, 11, 26, 9), 0, 50)
    )
    assert answered.id in _ids(
        queries.page(DossierFilter(view=QuickView.LATE), datetime(2026, 11, 27, 9), 0, 50)
    )


def test_late_dossiers_are_under_late_and_not_under_due_soon(
    store: CounterStore, sample: list[Dossier]
) -> None:
    open_late, due_today, due_monday, early, finished_late, twice, waiting, _stopped = sample
    queries = DossierQueries(store)
    now = datetime(2026, 11, 26, 9, 0)
    late = _ids(queries.page(DossierFilter(view=QuickView.LATE), now, 0, 50))
    soon = _ids(queries.page(DossierFilter(view=QuickView.DUE_SOON), now, 0, 50))
    today = _ids(queries.page(DossierFilter(view=QuickView.DUE_TODAY), now, 0, 50))
    assert late == {open_late.id, finished_late.id, twice.id}
    assert soon == {due_today.id}  # Monday 09:00 is more than one working day after Thursday 09:00
    assert today == {due_today.id}
    friday = datetime(2026, 11, 27, 16, 30)
    assert due_monday.id in _ids(queries.page(DossierFilter(view=QuickView.DUE_SOON), friday, 0, 50))
    waiting_ids = _ids(queries.page(DossierFilter(view=QuickView.WAITING_SUPPLEMENT), now, 0, 50))
    assert waiting_ids == {waiting.id, twice.id}
    assert _ids(queries.page(DossierFilter(view=QuickView.READY_TO_RETURN), now, 0, 50)) == {
        early.id,
        finished_late.id,
    }


def test_rows_carry_the_same_facts_as_the_full_dossier(store: CounterStore, sample: list[Dossier]) -> None:
    queries = DossierQueries(store)
    for d in sample:
        stored = store.dossiers.get(d.id)
        row = queries.summary(d.id)
        assert row == summary_of(stored)
        assert row is not None and row.procedure_name == stored.procedure.name


def test_filters_combine(store: CounterStore, sample: list[Dossier]) -> None:
    queries = DossierQueries(store)
    now = datetime(2026, 11, 26, 9, 0)
    by_officer = queries.page(DossierFilter(officer="lan.nt"), now, 0, 50)
    assert [r.applicant_name for r in by_officer] == ["Nguyễn Văn Đức"]
    assert _ids(queries.page(DossierFilter(channel=Channel.ONLINE), now, 0, 50)) == _ids(by_officer)
    assert _ids(queries.page(DossierFilter(procedure_code="1.001193"), now, 0, 50)) == {sample[5].id}
    ready = queries.page(DossierFilter(statuses=frozenset({S.RESULT_READY}), view=QuickView.LATE), now, 0, 50)
    assert _ids(ready) == {sample[4].id}
    assert queries.count(DossierFilter(field="Hộ tịch"), now) == len(sample)
    assert queries.count(DossierFilter(unit=UNIT), now) == 5  # every dossier moved on after receipt
    assert queries.count(DossierFilter(received_from=date(2026, 11, 24)), now) == 0
    assert queries.count(
        DossierFilter(received_from=date(2026, 11, 23), received_to=date(2026, 11, 23)), now
    ) == len(sample)
    assert "lan.nt" in queries.officers() and UNIT in queries.units()


def test_search_ignores_tone_marks(store: CounterStore, sample: list[Dossier]) -> None:
    queries = DossierQueries(store)
    now = datetime(2026, 11, 26, 9, 0)
    found = queries.page(DossierFilter(text="nguyen van duc"), now, 0, 50)
    assert [r.applicant_name for r in found] == ["Nguyễn Văn Đức"]
    assert queries.count(DossierFilter(text="do cho", view=QuickView.WAITING_SUPPLEMENT), now) == 1
    assert queries.count(DossierFilter(text="do cho", view=QuickView.LATE), now) == 0
    assert queries.count(DossierFilter(text="  ,, "), now) == len(sample)  # nothing searchable: no filter


def test_sorting_and_paging(store: CounterStore, sample: list[Dossier]) -> None:
    queries = DossierQueries(store)
    now = datetime(2026, 11, 26, 9, 0)
    by_name = DossierFilter(sort=SortKey.APPLICANT, descending=False)
    names = [r.applicant_name for r in queries.page(by_name, now, 0, 50)]
    assert names == sorted(names)
    pages = [r.id for offset in range(0, len(sample), 3) for r in queries.page(by_name, now, offset, 3)]
    assert pages == [r.id for r in queries.page(by_name, now, 0, 50)]
    by_due = [r.due_at for r in queries.page(DossierFilter(sort=SortKey.DUE, descending=False), now, 0, 50)]
    assert by_due == sorted(by_due)  # type: ignore[type-var]


def test_deadline_alerts_list_open_overdue_and_due_soon(store: CounterStore, sample: list[Dossier]) -> None:
    open_late, due_today, _monday, _early, _finished_late, twice, _waiting, _stopped = sample
    queries = DossierQueries(store)
    now = datetime(2026, 11, 26, 9, 0)
    alerts = queries.deadline_alerts(now, now + timedelta(hours=8))
    assert _ids(alerts.overdue) == {open_late.id, twice.id}
    assert _ids(alerts.due_soon) == {due_today.id}
    assert (alerts.overdue_count, alerts.due_soon_count) == (2, 1)
    quiet = queries.deadline_alerts(datetime(2026, 11, 23, 9, 0), datetime(2026, 11, 23, 10, 0))
    assert quiet.due_soon_count == 0 and _ids(quiet.overdue) == {twice.id}  # two requests: late at once
    assert not quiet.is_empty


def test_indexes_are_created_once_and_then_used(store: CounterStore, sample: list[Dossier]) -> None:
    queries = DossierQueries(store)
    queries.ensure_indexes()
    names = {
        r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    }
    assert {"dossier_list_cover", "dossier_finished_late", "dossier_event_supplement"} <= names
    again = DossierQueries(store)
    assert again.has_indexes()
    again.ensure_indexes()  # nothing left to do
    plan = store.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM dossier d WHERE d.officer = ? AND d.channel = ?",
        ("canbo", 1),
    ).fetchall()
    assert any("dossier_list_cover" in str(row[-1]) for row in plan)  # the wide rows are not read
