"""Components digitised during intake, before the dossier has a code: their PDFs wait in the profile's file store
and become the dossier's attachments in the receipt's own write (or in the write that receives an intake that
waited for papers); a receipt that cannot keep them keeps nothing, and papers of an intake that is not received
are removed."""

from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np
import pytest

from counter_app.app import CounterApp, digitise, intake, reports
from counter_app.core.attachments import PreparedPaper
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Dossier, Person
from counter_app.core.references import reference
from counter_app.devices.page_scan import encode_jpeg
from counter_app.messages import describe
from counter_app.storage.store import CounterStore

PROCEDURE = "1.001193"  # birth registration: two required papers to keep, the ID card shown only (6)
AT = datetime(2026, 11, 23, 9, 0)  # Monday
CITIZEN = Person("Lê Văn Phúc", "001090012345", address="Số 7 ngõ Chợ", phone="0912345679")


def _ops(store: CounterStore, username: str = "canbo"):
    return CounterApp(store), store.accounts.get(username)


def _page(shade: int) -> bytes:
    page = np.full((1170, 827), shade, dtype=np.uint8)  # A4 at 100 dpi, grey
    page[100:140, 80:700] = 30  # a line of "text"
    return encode_jpeg(page)


def _draft(store: CounterStore, *, without: int | None = None) -> Dossier:
    app, officer = _ops(store)
    procedure = intake.procedure(app, officer, PROCEDURE)
    handed = tuple(h for h in full_set(procedure) if h.number != without)
    return new_dossier(
        agency_id=store.require_unit().agency_id,
        procedure=procedure,
        applicant=CITIZEN,
        at=AT,
        officer="canbo",
        counter=store.require_unit().counter,
        components=handed,
    )


def _required(store: CounterStore) -> list[int]:
    app, officer = _ops(store)
    p = intake.procedure(app, officer, PROCEDURE)
    return [c.number for c in p.components if c.required and not c.shown_only]


def test_papers_digitised_before_receipt_become_its_attachments_in_the_same_write(
    store: CounterStore,
) -> None:
    app, officer = _ops(store)
    numbers = _required(store)
    papers = [
        digitise.prepare_captured(app, officer, n, [_page(200 + i), _page(210 + i)]).value
        for i, n in enumerate(numbers)
    ]
    assert all(store.attachments.files.has(p.sha256) for p in papers)
    assert store.db.execute_sql("SELECT COUNT(*) FROM attachment").fetchone()[0] == 0  # nothing recorded yet
    audit_before = store.audit.count()

    done = intake.receive(app, officer, _draft(store), papers)

    d = done.value
    assert d.code is not None and done.changes.dossier_ids == {d.id}
    kept = digitise.attachments(app, officer, d.id)
    assert [(a.kind, a.component, a.sha256, a.pages, a.bytes) for a in kept] == [
        ("component", p.component, p.sha256, 2, p.bytes) for p in papers
    ]
    assert all(a.created_by == "canbo" and not a.synced for a in kept)
    assert digitise.read_attachment(app, officer, kept[0]).startswith(b"%PDF-")
    box = store.models.Outbox
    kinds = [r.kind for r in box.select().where(box.dossier_id == d.id).order_by(box.seq)]
    assert kinds[0] == "dossier.create" and kinds[1:] == ["attachment.add"] * len(papers)
    payload = json.loads(box.select().where(box.kind == "attachment.add").order_by(box.seq).first().payload)
    assert payload["dossier_id"] == d.id and payload["sha256"] == papers[0].sha256
    assert store.audit.count() == audit_before + 1 + len(papers) and store.audit.verify().ok
    # the leaders' figure counts it: every required component is digitised
    r = reports.report(app, store.accounts.get("lanhdao"), date(2026, 11, 1), date(2026, 11, 30))
    assert (r.received, r.digitised) == (1, 1)


def test_a_lost_paper_or_a_component_the_procedure_lacks_keeps_nothing(store: CounterStore) -> None:
    app, officer = _ops(store)
    first, second = _required(store)[:2]
    kept = digitise.prepare_captured(app, officer, first, [_page(220)]).value
    lost = digitise.prepare_captured(app, officer, second, [_page(230)]).value
    store.attachments.files.remove(lost.sha256)  # e.g. the profile's files were restored from an older copy
    for papers, code, params in (
        ([kept, lost], "attachment.prepared_lost", {"component": second}),
        (
            [kept, PreparedPaper(99, kept.sha256, 1, kept.bytes)],
            "attachment.component_unknown",
            {"component": 99},
        ),
    ):
        with pytest.raises(digitise.AttachmentError) as caught:
            intake.receive(app, officer, _draft(store), papers)
        assert caught.value.code == code and caught.value.params == params
        assert describe(caught.value)  # one sentence for the officer
    assert store.db.execute_sql("SELECT COUNT(*) FROM dossier").fetchone()[0] == 0
    assert store.db.execute_sql("SELECT COUNT(*) FROM attachment").fetchone()[0] == 0
    assert store.models.Outbox.select().count() == 0
    # the number was not used up: the next receipt gets the day's first code
    d = intake.receive(app, officer, _draft(store), [kept]).value
    assert d.code is not None and d.code.endswith("01")
    assert [a.component for a in digitise.attachments(app, officer, d.id)] == [first]


def test_an_intake_that_waited_for_papers_is_received_with_the_papers_digitised_now(
    store: CounterStore,
) -> None:
    app, officer = _ops(store)
    first = _required(store)[0]
    waiting = intake.request_supplement(
        app, officer, _draft(store, without=6), ["Giấy tờ tùy thân"], "Chưa xuất trình"
    ).value
    paper = digitise.prepare_captured(app, officer, first, [_page(240)]).value
    d = intake.complete(app, officer, reference(waiting.id), _draft(store), [paper]).value
    assert d.id == waiting.id and d.code is not None
    assert [(a.component, a.sha256) for a in digitise.attachments(app, officer, d.id)] == [
        (first, paper.sha256)
    ]


def test_papers_of_an_intake_not_received_are_removed_unless_an_attachment_names_them(
    store: CounterStore,
) -> None:
    app, officer = _ops(store)
    first, second = _required(store)[:2]
    shared = digitise.prepare_captured(app, officer, first, [_page(250)]).value
    intake.receive(app, officer, _draft(store), [shared])
    dropped = digitise.prepare_captured(app, officer, second, [_page(251)]).value
    again = PreparedPaper(first, shared.sha256, shared.pages, shared.bytes)  # the same paper, digitised again

    assert digitise.discard_prepared(app, officer, [dropped, again]).value == 1

    assert not store.attachments.files.has(dropped.sha256)
    assert store.attachments.files.has(shared.sha256)  # the received dossier's paper stays


def test_a_draft_names_its_papers_and_reads_back_only_what_is_one() -> None:
    paper = PreparedPaper(2, "ab" * 32, 3, 4096)
    assert PreparedPaper.from_dict(json.loads(json.dumps(paper.to_dict()))) == paper
    for broken in (None, [], {"component": 2}, {**paper.to_dict(), "sha256": "../../etc/passwd"},
                   {**paper.to_dict(), "pages": 0}, {**paper.to_dict(), "component": "x"}):  # fmt: skip
        assert PreparedPaper.from_dict(broken) is None
