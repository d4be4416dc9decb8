"""The digitisation shares of the leaders' figures: received dossiers with every required component digitised, and
resolved dossiers with their result digitised (Decision 766/QĐ-TTg, docs/LEGAL.md)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from counter_app.core.intake import advance, full_set, new_dossier, receive
from counter_app.core.model import Component, Person, Procedure, Status
from counter_app.core.report import Digitised, build_report, is_digitised

PROCEDURE = Procedure(
    "1.001193",
    "Đăng ký khai sinh",
    "Hộ tịch",
    duration=3,
    components=(
        Component(1, "Tờ khai", originals=1),
        Component(2, "Giấy chứng sinh", originals=1),
        Component(3, "Giấy tờ tùy thân", shown_only=True),
        Component(4, "Văn bản ủy quyền", originals=1, required=False),
    ),
)
AT = datetime(2026, 11, 23, 8, 0)


def received(n: int, at: datetime = AT):  # type: ignore[no-untyped-def]
    draft = new_dossier(
        agency_id="000.00.06.H56", procedure=PROCEDURE, applicant=Person(f"Công dân {n}"), at=at, officer="canbo",
        counter=1, components=full_set(PROCEDURE),
    )  # fmt: skip
    return receive(draft, f"000.00.06.H56-261123-01{n:02d}", at + timedelta(days=3))


def test_every_required_kept_component_makes_a_dossier_digitised() -> None:
    d = received(1)
    assert not is_digitised(d, None)
    assert not is_digitised(d, Digitised(frozenset({1})))
    assert is_digitised(
        d, Digitised(frozenset({1, 2}))
    )  # the shown-only ID and the optional paper are not needed
    assert is_digitised(d, Digitised(frozenset({1, 2, 4})))


def test_the_shares_of_a_period() -> None:
    ds = [received(n) for n in range(1, 5)]
    ds[0] = advance(ds[0], Status.RESULT_READY, officer="xuly", at=AT + timedelta(days=1))
    ds[1] = advance(ds[1], Status.RESULT_READY, officer="xuly", at=AT + timedelta(days=1))
    outside = received(9, AT - timedelta(days=40))
    papers = {
        ds[0].id: Digitised(frozenset({1, 2}), True),
        ds[1].id: Digitised(frozenset({1}), False),
        ds[2].id: Digitised(frozenset({1, 2})),
        outside.id: Digitised(frozenset({1, 2}), True),
    }
    r = build_report([*ds, outside], date(2026, 11, 1), date(2026, 11, 30), digitised=papers)
    assert (r.received, r.digitised, r.digitised_rate) == (4, 2, 50.0)
    assert (r.resolved, r.results_digitised, r.results_digitised_rate) == (2, 1, 50.0)
    data = r.to_dict()
    assert data["digitised_rate"] == 50.0 and data["results_digitised_rate"] == 50.0
    empty = build_report([], date(2026, 11, 1), date(2026, 11, 30))
    assert empty.digitised_rate is None and empty.results_digitised_rate is None
