"""`counter-app report` against dossiers with known outcomes (late, early-returned, two supplements, open overdue):
the national on-time indicator and the figures of the resolved dossiers, as JSON, text and a workbook."""

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


def test_report_figures_match_known_outcomes(store: CounterStore, cli, clock) -> None:
    p = Status.PROCESSING
    # 1: returned early: due Thursday, result ready on the day of receipt
    early = _receive(store, "Trần Văn Sớm", datetime(2026, 11, 2, 8, 0), code="1.004873")  # 3 working days
    early = _move(
        store, early, (p, datetime(2026, 11, 2, 9)), (Status.RESULT_READY, datetime(2026, 11, 2, 10))
    )
    _return(store, early, datetime(2026, 11, 2, 11), Rating.VERY_SATISFIED)
    # 2: late: birth registration received before its 15:00 cut-off is due 03/11 17:00; the result on 20/11
    late = _receive(store, "Lê Thị Muộn", datetime(2026, 11, 3, 8, 0))
    _move(store, late, (p, datetime(2026, 11, 3, 9)), (Status.RESULT_READY, datetime(2026, 11, 3 + 17, 9)))
    # 3: two supplement requests, both answered: due 04/11 17:00 + waits of 1 h and 30 min = 04/11 18:30;
    #    the result on 04/11 15:00 is on time (judged by time, not late for being asked twice)
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
    # 4: still open, due 05/11 17:00, past it at 30/11 09:00
    _receive(store, "Hoàng Văn Chờ", datetime(2026, 11, 5, 8, 0))
    # 5: outside the period entirely
    _receive(store, "Vũ Thị Ngoài", datetime(2026, 12, 15, 8, 0))

    result = cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert result.code == 0, result.err
    figures = json.loads(result.out)
    # the indicator, judged at 30/11 09:00 (the clock; the month is not over): counted 1–4 = 4,
    # on time 1 and 3 = 2, late 2 (ended late) and 4 (open, overdue) → 2 ÷ 4 = 50 %
    assert figures["as_of"] == "2026-11-30T09:00"
    assert (figures["counted"], figures["on_time"], figures["late"]) == (4, 2, 2)
    assert (figures["finished_on_time"], figures["finished_early"], figures["finished_late"]) == (2, 1, 1)
    assert figures["overdue_open"] == 1
    assert figures["on_time_rate"] == 50.0
    # the figures on resolved dossiers alone: 1, 2, 3 resolved, 1 early and 3 on time → 2 ÷ 3 = 66.67 %
    assert figures["received"] == 4
    assert figures["resolved"] == 3
    assert figures["returned"] == 1
    assert figures["resolved_on_time"] == 2 and figures["resolved_early"] == 1
    assert figures["resolved_late"] == 1
    assert figures["resolved_on_time_rate"] == round(200 / 3, 2)
    assert figures["by_status"] == {"2": 1, "9": 2, "10": 1}
    birth = figures["by_procedure"][0]
    assert birth["code"] == "1.001193" and (birth["counted"], birth["on_time"], birth["late"]) == (3, 1, 2)
    assert birth["resolved_late"] == 1 and birth["on_time_rate"] == 33.33
    assert figures["satisfaction"]["very_satisfied"] == 1


def _three_received_two_overdue(store: CounterStore) -> None:
    _receive(store, "Lê Văn Một", datetime(2026, 11, 2, 8, 0))  # birth registration: due 02/11 17:00
    _receive(store, "Trần Thị Hai", datetime(2026, 11, 10, 8, 0))  # due 10/11 17:00
    _receive(store, "Phạm Văn Ba", datetime(2026, 11, 27, 8, 0), code="1.004873")  # 3 working days: 02/12


def test_three_received_two_open_and_overdue_is_33_percent(store: CounterStore, cli, clock) -> None:
    _three_received_two_overdue(store)
    figures = json.loads(cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "--json").out)
    # at 30/11 09:00 two are past their appointment and one is not: 1 ÷ 3 = 33.33 %; none resolved
    assert (figures["counted"], figures["on_time"], figures["overdue_open"]) == (3, 1, 2)
    assert figures["on_time_rate"] == 33.33
    assert figures["resolved"] == 0 and figures["resolved_on_time_rate"] is None
    text = cli("report", "--from", "2026-11-01", "--to", "2026-11-30").out
    assert "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (QĐ 766/QĐ-TTg): 33,33% (1/3)" in text
    assert "Đang xử lý lúc 30/11/2026 09:00: trong hạn 1 · quá hạn 2" in text
    assert "tỷ lệ giải quyết đúng hạn (trên hồ sơ đã giải quyết): —" in text
    english = cli("report", "--from", "2026-11-01", "--to", "2026-11-30", lang="en").out
    assert "On-time rate, national indicator (Decision 766/QĐ-TTg): 33.33% (1/3)" in english


def test_report_writes_xlsx_and_rejects_bad_dates(store: CounterStore, cli, clock, tmp_path: Path) -> None:
    _three_received_two_overdue(store)
    out = tmp_path / "bao-cao.xlsx"
    assert cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out)).code == 0
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert book.sheetnames[0] == "Tổng hợp"
    rows = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    assert rows["Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (%)"] == 33.33
    assert rows["Hồ sơ tiếp nhận và xử lý trong kỳ"] == 3
    assert rows["Đang xử lý quá hạn"] == 2
    assert rows["Tỷ lệ giải quyết đúng hạn trên hồ sơ đã giải quyết (%)"] is None
    assert rows["Hồ sơ chưa xong tính đến"] == "30/11/2026 09:00"
    bad = cli("report", "--from", "2026-11-30", "--to", "2026-11-01", "--json")
    assert bad.code == 2 and "trước ngày bắt đầu" in bad.err
