"""Dossier codes: format, parsing, and uniqueness across counters of one agency working offline."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.codes import format_code, is_dossier_code, parse_code, sequence_text
from counter_app.core.errors import NotConfiguredError, ValidationError


def test_format_matches_the_national_shape() -> None:
    assert format_code("000.00.06.H56", date(2023, 10, 27), 3, 61) == "000.00.06.H56-231027-0361"
    assert format_code("G12.18.112.001", date(2026, 1, 5), 12, 345) == "G12.18.112.001-260105-12345"


def test_agency_id_is_required_and_opaque() -> None:
    with pytest.raises(NotConfiguredError):
        format_code("", date(2026, 1, 1), 1, 1)
    with pytest.raises(ValidationError):
        format_code("no dots here", date(2026, 1, 1), 1, 1)


def test_pattern_accepts_codes_and_rejects_mangled_scans() -> None:
    assert is_dossier_code("000.00.06.H56-231027-0361")
    assert not is_dossier_code("000.00.06.H56-231027-361")  # fewer than 4 digits
    assert not is_dossier_code("000.00.06.H56-231027-0361x")
    assert not is_dossier_code("ư00.00.06.H56-231027-0361")  # text mangled by an input method


def test_parse_round_trip() -> None:
    code = parse_code("G12.18.112.001-260105-12345")
    assert (code.agency_id, code.day, code.slot, code.number) == ("G12.18.112.001", date(2026, 1, 5), 12, 345)
    assert str(code) == "G12.18.112.001-260105-12345"


counters = st.integers(min_value=0, max_value=99)
numbers = st.integers(min_value=1, max_value=100_000)


@given(st.lists(st.tuples(counters, numbers), min_size=2, max_size=200, unique=True))
def test_distinct_counter_and_number_pairs_never_share_a_code(pairs: list[tuple[int, int]]) -> None:
    day = date(2026, 11, 28)
    codes = [format_code("000.00.06.H56", day, slot, n) for slot, n in pairs]
    assert len(set(codes)) == len(codes)
    for (slot, n), code in zip(pairs, codes, strict=True):
        parsed = parse_code(code)
        assert (parsed.slot, parsed.number) == (slot, n)


@given(counters, numbers)
def test_sequence_has_at_least_four_digits(slot: int, n: int) -> None:
    assert len(sequence_text(slot, n)) >= 4
