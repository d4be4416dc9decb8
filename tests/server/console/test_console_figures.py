"""The leaders' figures: the 766 indicator and the counts by status, procedure, field and unit computed with
core.report.build_report over the dossiers the counters pushed, a unit leader confined to its unit (pages and
export), the province leader seeing every unit and the total, and the XLSX export holding the same figures."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from console_support import AGENCY, BIRTH, LAND, OTHER, dossier, enrol, push, signed_in
from openpyxl import load_workbook

from counter_app.core.model import Dossier, Status
from counter_app.core.report import Report, build_report
from counter_app.server.console.figures import merge

START, END = date(2026, 11, 16), date(2026, 11, 25)
PERIOD = f"from={START.isoformat()}&to={END.isoformat()}"
S = Status


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0)


@pytest.fixture
def books(site: SimpleNamespace, clock) -> dict[str, list[Dossier]]:
    """Dossiers of two units pushed by their counters: early, late, open past its deadline, carried over."""
    mine = [
        dossier(AGENCY, 1, 1, BIRTH, at(16), [(S.PROCESSING, at(16, 10)), (S.RESULT_READY, at(17, 10))]),
        dossier(AGENCY, 1, 2, LAND, at(16, 9), [(S.PROCESSING, at(16, 11)), (S.RESULT_READY, at(20, 10))]),
        dossier(AGENCY, 1, 3, BIRTH, at(18), [(S.PROCESSING, at(18, 10))]),
        dossier(AGENCY, 1, 4, BIRTH, at(27), []),  # after the period
    ]
    theirs = [
        dossier(OTHER, 1, 1, BIRTH, at(17), [(S.PROCESSING, at(17, 10)), (S.RESULT_READY, at(18, 10))]),
        dossier(
            OTHER, 1, 2, LAND, at(20, 9, 10), [(S.PROCESSING, at(21, 9, 10)), (S.RESULT_READY, at(19, 10))]
        ),
    ]
    push(site.first, enrol(site.first, site.m, AGENCY, 1), mine)
    push(site.first, enrol(site.first, site.m, OTHER, 1), theirs)
    return {AGENCY: mine, OTHER: theirs}


def expected(dossiers: list[Dossier]) -> Report:
    return build_report(dossiers, START, END, datetime(2026, 11, 30, 9, 0))


def row_numbers(html: str, row_id: str) -> list[str]:
    row = re.search(rf'<tr id="{re.escape(row_id)}".*?</tr>', html, re.S)
    assert row is not None, row_id
    return re.findall(r'<td class="num">([^<]*)</td>', row.group(0))


def figures_of(r: Report) -> list[str]:
    rate = "—" if r.on_time_rate is None else f"{r.on_time_rate:.2f}".rstrip("0").rstrip(".") + "%"
    return [str(r.received), str(r.counted), str(r.on_time), str(r.late), rate, str(r.resolved)]


def test_province_leader_sees_every_unit_and_the_total(site: SimpleNamespace, books) -> None:
    client = signed_in(site.client(), "province")
    page = client.get(f"/console/figures?{PERIOD}")
    assert page.status_code == 200
    mine, theirs = expected(books[AGENCY]), expected(books[OTHER])
    assert (
        mine.counted == 3 and mine.late == 2 and theirs.carried_over == 1
    )  # the fixture covers what it says
    assert row_numbers(page.text, f"figures-unit-{AGENCY}")[:6] == figures_of(mine)
    assert row_numbers(page.text, f"figures-unit-{OTHER}")[:6] == figures_of(theirs)
    everything = expected(books[AGENCY] + books[OTHER])
    total = re.search(r'<tr id="figures-total">.*?</tr>', page.text, re.S).group(0)  # type: ignore[union-attr]
    assert re.findall(r'<td class="num">([^<]*)</td>', total)[:6] == figures_of(everything)
    assert f'<span class="big" id="on-time-rate">{figures_of(everything)[4]}</span>' in page.text
    # by status, by procedure, by field
    for status, n in everything.by_status.items():
        assert re.search(rf'<tr id="status-{status}"><td>[^<]+</td><td class="num">{n}</td>', page.text)
    assert row_numbers(page.text, "procedure-1.001193")[:3] == [
        str(everything.by_procedure["1.001193"].received),
        str(everything.by_procedure["1.001193"].counted),
        str(everything.by_procedure["1.001193"].on_time),
    ]
    fields = re.search(r'<table id="fields-table".*?</table>', page.text, re.S).group(0)  # type: ignore[union-attr]
    assert "Hộ tịch" in fields and "Đất đai" in fields
    # one unit's page from the province's
    one = client.get(f"/console/figures/units/{OTHER}?{PERIOD}")
    assert one.status_code == 200 and AGENCY not in one.text
    assert client.get(f"/console/figures/units/000.00.99.H56?{PERIOD}").status_code == 404


def test_unit_leader_sees_its_unit_only(site: SimpleNamespace, books) -> None:
    client = signed_in(site.client(), "h56")
    page = client.get(f"/console/figures?{PERIOD}")
    assert page.status_code == 200
    assert row_numbers(page.text, f"figures-unit-{AGENCY}")[:6] == figures_of(expected(books[AGENCY]))
    assert OTHER not in page.text and 'id="figures-total"' not in page.text
    own = client.get(f"/console/figures/units/{AGENCY}?{PERIOD}")
    assert own.status_code == 200
    export = client.get(f"/console/figures/xlsx?{PERIOD}")
    book = load_workbook(io.BytesIO(export.content))
    assert OTHER not in str([c.value for row in book.worksheets[0].iter_rows() for c in row])


@pytest.mark.parametrize(
    "path",
    [
        f"/console/figures/units/{OTHER}?{PERIOD}",
        f"/console/figures/units/{OTHER}/xlsx?{PERIOD}",
        f"/console/figures/units/000.00.99.H56?{PERIOD}",  # unknown: the same answer, nothing told
        "/console/figures/units/000.00.99.H56/xlsx",
    ],
)
def test_unit_leader_is_refused_another_units_page_and_export(
    site: SimpleNamespace, books, path: str
) -> None:
    client = signed_in(site.client(), "h56")
    answer = client.get(path)
    assert answer.status_code == 403
    assert "không được xem trang này" in answer.text
    assert "spreadsheet" not in answer.headers["content-type"]
    leaked = answer.text.replace(f"· {AGENCY}", "")
    assert OTHER not in leaked and "000.00.99.H56" not in leaked and "Hộ tịch" not in leaked


def test_the_it_officer_has_no_figures_pages(site: SimpleNamespace, books) -> None:
    client = signed_in(site.client(), "it")
    assert client.get(f"/console/figures?{PERIOD}").status_code == 403
    assert client.get(f"/console/figures/xlsx?{PERIOD}").status_code == 403


def test_xlsx_export_holds_the_figures(site: SimpleNamespace, books) -> None:
    client = signed_in(site.client(), "province")
    answer = client.get(f"/console/figures/xlsx?{PERIOD}")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert 'filename="so-lieu-20261116-20261125.xlsx"' in answer.headers["content-disposition"]
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames == ["Tổng hợp", "Theo trạng thái", "Theo thủ tục", "Theo lĩnh vực"]
    rows = {row[0]: row for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    for agency in (AGENCY, OTHER):
        r = expected(books[agency])
        assert list(rows[agency][2:8]) == [
            r.received,
            r.counted,
            r.on_time,
            r.late,
            r.on_time_rate,
            r.resolved,
        ]
    everything = expected(books[AGENCY] + books[OTHER])
    assert list(rows["Tổng cộng"][2:8]) == [
        everything.received,
        everything.counted,
        everything.on_time,
        everything.late,
        everything.on_time_rate,
        everything.resolved,
    ]
    statuses = {row[0]: row[2] for row in book["Theo trạng thái"].iter_rows(min_row=2, values_only=True)}
    assert statuses == everything.by_status
    procedures = {row[0]: row for row in book["Theo thủ tục"].iter_rows(min_row=2, values_only=True)}
    assert (
        procedures["1.004227"][2] == "Đất đai"
        and procedures["1.004227"][4] == everything.by_procedure["1.004227"].counted
    )
    fields = {row[0]: row[1] for row in book["Theo lĩnh vực"].iter_rows(min_row=2, values_only=True)}
    assert fields == {"Hộ tịch": 3, "Đất đai": 1}  # received in the period, by field
    english = load_workbook(io.BytesIO(client.get(f"/console/figures/xlsx?{PERIOD}&lang=en").content))
    assert english.sheetnames == ["Summary", "By status", "By procedure", "By field"]


@pytest.mark.parametrize(
    "query",
    [
        "from=2026-11-30&to=2026-11-01",
        "from=2026-02-30&to=2026-03-01",
        "from=2020-01-01&to=2026-01-01",
        "to=x",
    ],
)
def test_a_bad_period_is_a_sentence(site: SimpleNamespace, query: str) -> None:
    client = signed_in(site.client(), "province")
    answer = client.get(f"/console/figures?{query}")
    assert answer.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in answer.text or "Ngày không hợp lệ" in answer.text


def test_figures_default_to_this_month_so_far(site: SimpleNamespace, clock) -> None:
    client = signed_in(site.client(), "h57")
    page = client.get("/console/figures").text  # the clock is pinned to Monday 30 November 2026
    assert 'id="period-from" name="from" type="date" value="2026-11-01"' in page
    assert 'id="period-to" name="to" type="date" value="2026-11-30"' in page


def test_the_provinces_report_is_the_sum_of_its_units(books) -> None:
    """Every figure of the total (the console adds the units' reports up) equals the report of all the dossiers."""
    mine, theirs = expected(books[AGENCY]), expected(books[OTHER])
    total = merge([mine, theirs], START, END, mine.as_of)
    assert total.to_dict() == expected(books[AGENCY] + books[OTHER]).to_dict()
