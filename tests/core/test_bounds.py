"""Numbers a catalogue cannot mean (infinity, 10^30 days) and codes with stray spaces are stopped at the edge."""

from __future__ import annotations

import pytest
from test_catalogue import record

from counter_app.core.calendar import MAX_DURATION_DAYS
from counter_app.core.catalogue import CatalogueError, procedure_from_dict
from counter_app.core.serial import clean_code


def issues(**changes: object) -> set[tuple[str, str]]:
    with pytest.raises(CatalogueError) as raised:
        procedure_from_dict(record(**changes))
    return {(i.field, i.code) for i in raised.value.issues}


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), "1e400", "inf"])
def test_a_duration_that_is_no_finite_number_is_invalid(value: object) -> None:
    assert issues(duration=value) == {("duration", "number.invalid")}


@pytest.mark.parametrize(
    ("value", "code"),
    [(10**30, "number.range"), (1e30, "number.range"), (MAX_DURATION_DAYS + 1, "duration.range")],
)
def test_a_duration_the_calendar_would_refuse_is_refused_at_import(value: object, code: str) -> None:
    assert issues(duration=value) == {("duration", code)}


def test_the_longest_duration_the_calendar_accepts_is_accepted() -> None:
    assert procedure_from_dict(record(duration=MAX_DURATION_DAYS)).duration == MAX_DURATION_DAYS


def test_counts_and_fees_beyond_any_real_value_are_refused() -> None:
    found = issues(fees=[{"name": "Lệ phí", "amount": 10**400}])
    assert found == {("fees[0].amount", "number.range")}
    components = [{"number": 1, "name": "Tờ khai", "originals": 10**30}]
    assert issues(components=components) == {("components[0].originals", "number.range")}


def test_codes_lose_stray_spaces_where_they_enter() -> None:
    assert clean_code(" 000.00.06.H56-261123-0101\t") == "000.00.06.H56-261123-0101"
    assert clean_code("  ") is None and clean_code(None) is None
