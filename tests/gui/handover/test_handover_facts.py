"""The card's facts worked out from history, identifier checks, and the one hand-over write (no widgets here)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from handover_samples import APPLICANT, OFFICER, lookup, make_ready, record_handover, search
from handover_samples import receive as receive_in_store

from counter_app.app.handover import Handover
from counter_app.core.errors import TransitionError, ValidationError
from counter_app.core.intake import advance, annotate, full_set, new_dossier, rating_of, receive
from counter_app.core.model import Person, Rating, ReturnMethod, Status
from counter_app.core.statuses import Timeliness
from counter_app.gui.handover.facts import card_facts, masked_identifier, same_identifier
from counter_app.storage.dossiers import StaleDossierError
from counter_app.storage.store import CounterStore

RECEIVED = datetime(2026, 3, 2, 9, 0)
APPOINTMENT = datetime(2026, 3, 6, 17, 0)


def _received(store: CounterStore):  # type: ignore[no-untyped-def]
    procedure = store.procedures()[0]
    draft = new_dossier(
        agency_id="000.00.06.H56",
        procedure=procedure,
        applicant=APPLICANT,
        at=RECEIVED,
        officer=OFFICER,
        counter=1,
        components=full_set(procedure),
    )
    return receive(draft, "000.00.06.H56-260302-0101", APPOINTMENT)


def test_where_it_is_names_the_unit_officer_and_time_of_the_last_move_not_of_a_note(
    store: CounterStore,
) -> None:
    moved_at = datetime(2026, 3, 3, 8, 15)
    d = advance(
        _received(store), Status.PROCESSING, officer="xuly", at=moved_at, unit="Công chức Tư pháp - Hộ tịch"
    )
    d = annotate(d, action="note", officer=OFFICER, at=moved_at + timedelta(hours=1), note="Công dân gọi hỏi")
    facts = card_facts(d, {"xuly": "Trần Văn Đức"}, now=datetime(2026, 3, 4, 10, 0))
    assert facts.whereabouts.unit == "Công chức Tư pháp - Hộ tịch"
    assert facts.whereabouts.officer == "Trần Văn Đức"
    assert facts.whereabouts.since == moved_at
    assert facts.timeliness is Timeliness.IN_TIME
    assert facts.expected == APPOINTMENT
    assert facts.open and not facts.ready and not facts.late


def test_expected_date_is_pushed_back_by_the_supplement_pause(store: CounterStore) -> None:
    asked = datetime(2026, 3, 3, 9, 0)
    supplied = datetime(2026, 3, 5, 15, 0)
    d = advance(_received(store), Status.PROCESSING, officer="xuly", at=RECEIVED, unit="Phòng Kinh tế")
    d = advance(
        d, Status.SUPPLEMENT_REQUESTED, officer="xuly", at=asked, data={"missing": ["Bản sao giấy khai sinh"]}
    )
    paused = card_facts(d, {}, now=datetime(2026, 3, 4, 9, 0))
    assert paused.paused
    d = advance(d, Status.PROCESSING, officer="xuly", at=supplied)
    facts = card_facts(d, {}, now=datetime(2026, 3, 6, 9, 0))
    assert not facts.paused
    assert facts.expected == APPOINTMENT + (supplied - asked)


def test_an_open_dossier_past_its_deadline_is_overdue(store: CounterStore) -> None:
    d = advance(_received(store), Status.PROCESSING, officer="xuly", at=RECEIVED, unit="Phòng Kinh tế")
    facts = card_facts(d, {}, now=APPOINTMENT + timedelta(days=1))
    assert facts.timeliness is Timeliness.OVERDUE
    assert facts.late


@pytest.mark.parametrize(
    ("typed", "expected", "same"),
    [
        ("0010 8501 2345", "001085012345", True),
        ("b1234567", "B1234567", True),
        ("001085012346", "001085012345", False),
        ("", "", False),
    ],
)
def test_identifiers_compare_as_people_read_them_out(typed: str, expected: str, same: bool) -> None:
    assert same_identifier(typed, expected) is same


def test_the_card_shows_only_the_last_digits_of_the_identifier() -> None:
    assert masked_identifier("001085012345") == "••••••••2345"
    assert masked_identifier("123") == "123"


def test_record_handover_writes_the_return_and_the_rating_with_their_outbox_entries(
    store: CounterStore,
) -> None:
    ready = make_ready(store, receive_in_store(store))
    outbox_before = store.models.Outbox.select().count()
    at = datetime.now().replace(microsecond=0)
    handover = Handover(APPLICANT.name, APPLICANT.identifier, ReturnMethod.COUNTER)
    after = record_handover(
        store, ready, handover, officer=OFFICER, at=at, rating=Rating.SATISFIED, comment="Nhanh"
    )
    stored = lookup(store, ready.code or "").dossier
    assert stored.status is Status.RETURNED
    assert rating_of(stored) is Rating.SATISFIED
    assert [e.action for e in stored.history[-2:]] == ["return", "rate"]
    assert stored.history[-2].data["return_method"] == "counter"
    assert stored.version == after.version
    assert store.models.Outbox.select().count() == outbox_before + 2


def test_record_handover_refuses_a_dossier_changed_since_it_was_verified(store: CounterStore) -> None:
    ready = make_ready(store, receive_in_store(store))
    handover = Handover(APPLICANT.name, APPLICANT.identifier)
    record_handover(store, ready, handover, officer=OFFICER, at=datetime.now())
    with pytest.raises(StaleDossierError):
        record_handover(store, ready, handover, officer=OFFICER, at=datetime.now())
    fresh = lookup(store, ready.id).dossier
    with pytest.raises(TransitionError):
        record_handover(store, fresh, handover, officer=OFFICER, at=datetime.now())


def test_a_stranger_without_an_authorisation_paper_is_refused_by_the_core(store: CounterStore) -> None:
    ready = make_ready(store, receive_in_store(store))
    stranger = Handover("Lê Thị Hoa", "001190123456")
    with pytest.raises(ValidationError) as caught:
        record_handover(store, ready, stranger, officer=OFFICER, at=datetime.now())
    assert caught.value.field == "recipient.authorisation_paper"
    assert lookup(store, ready.id).dossier.status is Status.RESULT_READY


def test_search_ignores_tone_marks(store: CounterStore) -> None:
    d = receive_in_store(store, Person("Đặng Thị Ánh Tuyết", "001190123456"))
    receive_in_store(store)
    assert [found.id for found in search(store, "dang thi anh tuyet")] == [d.id]
    assert [found.id for found in search(store, "001190123456")] == [d.id]
