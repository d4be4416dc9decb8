"""`counter-app report` against dossiers with known outcomes (late, early-returned, two supplements, open overdue)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from counter_app.core.intake import full_set, new_dossier, rate, record_return
from counter_app.core.model import Person, Rating, Status
from counter_app.storage.store import CounterStore


def _receive(store: CounterStore, name: str, at: datetime, code: str = "1.001193"):
    unit = store.require_unit()
    p = store.procedure(code)
    return store.receive(
        new_dossier(
            agency_id=unit.agency_id,
            procedure=p,
            applicant=Person(name, "001090012345"),
            at=at,
            officer="canbo",
            counter=unit.counter,
            components=full_set(p),
        )
    )


def _move(store: CounterStore, d, *steps):
    for status, at in steps:
        d = store.advance(d.code, status, officer="xuly", at=at, unit="Công chức Tư pháp - Hộ tịch")
    return d


def _return(store: CounterStore, d, at: datetime, rating: Rating):
    before = store.dossiers.get(d.code)
    after = record_return(
        before, officer="canbo", at=at, recipient_name=d.applicant.name, recipient_id=d.applicant.identifier
    )
    after = rate(after, rating=rating, officer="canbo", at=at)
    return store.dossiers.update(before, after, "canbo")


def test_report_figures_match_known_outcomes(store: CounterStore, cli) -> None:
    p = Status.PROCESSING
    # 1: returned early: due Thursday, result ready on the day of receipt
    early = _receive(store, "Trần Văn Sớm", datetime(2026, 11, 2, 8, 0), code="1.004873")  # 3 working days
    early = _move(
        store, early, (p, datetime(2026, 11, 2, 9)), (Status.RESULT_READY, datetime(2026, 11, 2, 10))
    )
    _return(store, early, datetime(2026, 11, 2, 11), Rating.VERY_SATISFIED)
    # 2: late: the result is ready long after the appointment
    late = _receive(store, "Lê Thị Muộn", datetime(2026, 11, 3, 8, 0))
    _move(store, late, (p, datetime(2026, 11, 3, 9)), (Status.RESULT_READY, datetime(2026, 11, 20, 9)))
    # 3: two supplement requests: late even though finished quickly
    twice = _receive(store, "Phạm Văn Bổ Sung", datetime(2026, 11, 4, 8, 0))
    _move(
        store,
        twice,
        (p, datetime(2026, 11, 4, 9)),
        (Status.SUPPLEMENT_REQUESTED, datetime(2026, 11, 4, 10)),
        (p, datetime(2026, 11, 4, 11)),
        (Status.SUPPLEMENT_REQUESTED, datetime(2026, 11, 4, 13, 30)),
        (p, datetime(2026, 11, 4, 14)),
        (Status.RESULT_READY, datetime(2026, 11, 4, 15)),
    )
    # 4: still open and past its appointment at the end of the period
    _receive(store, "Hoàng Văn Chờ", datetime(2026, 11, 5, 8, 0))
    # 5: outside the period entirely
    _receive(store, "Vũ Thị Ngoài", datetime(2026, 12, 15, 8, 0))

    result = cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert result.code == 0, result.err
    figures = json.loads(result.out)
    assert figures["received"] == 4
    assert figures["resolved"] == 3
    assert figures["returned"] == 1
    assert figures["on_time"] == 1 and figures["early"] == 1
    assert figures["late"] == 2
    assert figures["on_time_rate"] == round(100 / 3, 2)
    assert figures["overdue_open"] == 1
    assert figures["by_status"] == {"2": 1, "9": 2, "10": 1}
    assert figures["by_procedure"][0]["code"] == "1.001193" and figures["by_procedure"][0]["late"] == 2
    assert figures["satisfaction"]["very_satisfied"] == 1


def test_report_writes_xlsx_and_rejects_bad_dates(store: CounterStore, cli, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    assert cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out)).code == 0
    from openpyxl import load_workbook

    assert load_workbook(out).sheetnames[0] == "Tổng hợp"
    bad = cli("report", "--from", "2026-11-30", "--to", "2026-11-01", "--json")
    assert bad.code == 2 and "trước ngày bắt đầu" in bad.err
