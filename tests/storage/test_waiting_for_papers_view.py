"""The quick view "Chờ bổ sung" lists every dossier waiting for the citizen's papers: intakes kept without a code
(form 02 at the counter) and received dossiers sent back for papers during processing; the SQL and the core rule
agree, and the list's search finds an intake by the reference on its form 02."""

from __future__ import annotations

from datetime import datetime, timedelta

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.intake import full_set, new_dossier, receive, request_supplement
from counter_app.core.listing import DossierFilter, QuickView, in_view, summary_of
from counter_app.core.model import Dossier, HandedComponent, Person, Status
from counter_app.core.references import reference
from counter_app.storage.dossier_queries import DossierQueries
from counter_app.storage.store import CounterStore

S = Status
T0 = datetime(2026, 11, 23, 8, 0)
NOW = datetime(2026, 11, 26, 9, 0)


def _draft(store: CounterStore, name: str, *, complete: bool) -> Dossier:
    unit, p = store.require_unit(), store.procedure("1.004873")
    handed = full_set(p) if complete else (HandedComponent(1, p.components[0].name, originals=1),)
    return new_dossier(
        agency_id=unit.agency_id,
        procedure=p,
        applicant=Person(name, "001090012345"),
        at=T0,
        officer="canbo",
        counter=unit.counter,
        components=handed,
    )


def _kinds(store: CounterStore) -> tuple[Dossier, Dossier, Dossier]:
    at_intake = store.dossiers.create(
        lambda _a: request_supplement(_draft(store, "Đỗ Văn Quầy", complete=False), ["Giấy tờ"], "Thiếu"),
        "canbo",
    )
    received = store.dossiers.create(
        lambda allocate: receive(
            _draft(store, "Lê Thị Xử Lý", complete=True), allocate(T0.date()), T0 + timedelta(days=3)
        ),
        "canbo",
    )
    sent_back = store.advance(
        received.id,
        S.SUPPLEMENT_REQUESTED,
        officer="xuly",
        at=T0 + timedelta(hours=2),
        action="supplement_requested",
        note="Thiếu bản sao",
        data={"missing": ["Bản sao"]},
    )
    other = store.dossiers.create(
        lambda allocate: receive(
            _draft(store, "Phạm Văn Khác", complete=True), allocate(T0.date()), T0 + timedelta(days=3)
        ),
        "canbo",
    )
    return at_intake, sent_back, other


def test_both_kinds_are_waiting_for_papers(store: CounterStore) -> None:
    at_intake, sent_back, other = _kinds(store)
    queries = DossierQueries(store)
    waiting = DossierFilter(view=QuickView.WAITING_SUPPLEMENT)
    assert {r.id for r in queries.page(waiting, NOW, 0, 50)} == {at_intake.id, sent_back.id}
    assert queries.count(waiting, NOW) == 2
    assert queries.count(DossierFilter(statuses=frozenset({S.SUPPLEMENT_REQUESTED})), NOW) == 2
    for d in (at_intake, sent_back, other):
        row = summary_of(store.dossiers.get(d.id))
        assert in_view(row, QuickView.WAITING_SUPPLEMENT, NOW, WorkingCalendar()) == (d is not other)
    queries.ensure_indexes()  # the same answers through the list's indexes
    assert queries.count(waiting, NOW) == 2


def test_the_list_search_finds_an_intake_by_its_reference(store: CounterStore) -> None:
    at_intake, _sent_back, _other = _kinds(store)
    queries = DossierQueries(store)
    found = queries.page(DossierFilter(text=reference(at_intake.id)), NOW, 0, 50)
    assert [r.id for r in found] == [at_intake.id]
