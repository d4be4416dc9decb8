"""The share of the period's received dossiers that the National Public Service Portal holds (Decision 766/QĐ-TTg's
synchronisation indicator): synchronised ÷ received, per unit and per procedure, in percent like every rate."""

from __future__ import annotations

from datetime import date, datetime

from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.model import Component, Dossier, Person, Procedure
from counter_app.core.report import build_report

AGENCY = "000.00.06.H56"
BIRTH = Procedure(
    "1.001193", "Đăng ký khai sinh", "Hộ tịch", components=(Component(1, "Tờ khai", originals=1),), duration=3
)
COPY = Procedure(
    "2.000908", "Chứng thực bản sao", "Chứng thực", components=(Component(1, "Bản chính", originals=1),)
)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
NOW = datetime(2026, 11, 30, 9, 0)


def _received(number: int, at: datetime, procedure: Procedure = BIRTH) -> Dossier:
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=procedure,
        applicant=Person(f"Công dân {number}", "001090012345"),
        at=at,
        officer="canbo",
        counter=1,
        components=full_set(procedure),
    )
    return receive(draft, f"{AGENCY}-{at:%y%m%d}-01{number:02d}", at.replace(hour=17))


def test_four_received_three_held_by_the_portal_is_75_percent() -> None:
    dossiers = [
        _received(1, datetime(2026, 11, 2, 8)),
        _received(2, datetime(2026, 11, 9, 8)),
        _received(3, datetime(2026, 11, 16, 8), COPY),
        _received(4, datetime(2026, 11, 23, 8), COPY),
    ]
    held = {dossiers[0].id, dossiers[1].id, dossiers[2].id}
    r = build_report(dossiers, *NOVEMBER, now=NOW, portal_synced=held)
    assert (r.received, r.portal_synced, r.portal_synced_rate) == (4, 3, 75.0)
    figures = r.to_dict()
    assert (figures["portal_synced"], figures["portal_synced_rate"]) == (3, 75.0)
    # per procedure: both births held (100 %), one of the two copies (50 %)
    by_code = {p["code"]: p for p in figures["by_procedure"]}
    assert (by_code["1.001193"]["portal_synced"], by_code["1.001193"]["portal_synced_rate"]) == (2, 100.0)
    assert (by_code["2.000908"]["portal_synced"], by_code["2.000908"]["portal_synced_rate"]) == (1, 50.0)


def test_a_held_dossier_received_outside_the_period_is_not_counted() -> None:
    inside = _received(1, datetime(2026, 11, 10, 8))
    before = _received(2, datetime(2026, 10, 30, 8))  # October: in neither count of November
    after = _received(3, datetime(2026, 12, 1, 8))
    r = build_report([inside, before, after], *NOVEMBER, now=NOW, portal_synced={before.id, after.id})
    assert (r.received, r.portal_synced, r.portal_synced_rate) == (1, 0, 0.0)


def test_ids_the_period_does_not_hold_change_nothing_and_nothing_received_has_no_rate() -> None:
    r = build_report([], *NOVEMBER, now=NOW, portal_synced={"a-dossier-never-downloaded"})
    assert (r.received, r.portal_synced, r.portal_synced_rate) == (0, 0, None)
    assert r.to_dict()["portal_synced_rate"] is None
    # without the argument (a unit not connected to the portal), nothing is held
    plain = build_report([_received(1, datetime(2026, 11, 10, 8))], *NOVEMBER, now=NOW)
    assert (plain.received, plain.portal_synced, plain.portal_synced_rate) == (1, 0, 0.0)
