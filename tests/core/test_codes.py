"""Dossier codes: format, parsing, and uniqueness across counters of one agency working offline."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.codes import (
    SERVER_SLOT,
    CodeSchemeError,
    check_counter,
    check_scheme_change,
    format_code,
    is_dossier_code,
    parse_code,
    reads_alike,
    sequence_text,
)
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


# ---- one-digit slots: four digits up to 999 dossiers a counter a day ----------------------------------------

AGENCY = "000.00.06.H56"
DAY = date(2026, 11, 30)


def test_a_unit_of_nine_counters_writes_four_digits_up_to_the_999th_dossier() -> None:
    codes = {format_code(AGENCY, DAY, slot, n, 1) for slot in range(1, 10) for n in range(1, 1000)}
    assert len(codes) == 9 * 999  # never two counters, never two numbers on one code
    assert {len(c.rsplit("-", 1)[1]) for c in codes} == {4}
    assert format_code(AGENCY, DAY, 3, 61, 1) == f"{AGENCY}-261130-3061"
    assert format_code(AGENCY, DAY, 9, 999, 1) == f"{AGENCY}-261130-9999"
    # the same counter and number under two-digit slots: four digits only up to the 99th
    assert format_code(AGENCY, DAY, 3, 61) == f"{AGENCY}-261130-0361"
    assert len(sequence_text(3, 100)) == 5


def test_the_1000th_dossier_of_a_counter_gets_five_digits_and_stays_that_counters() -> None:
    assert sequence_text(3, 999, 1) == "3999"
    assert sequence_text(3, 1000, 1) == "31000"
    assert sequence_text(3, 12345, 1) == "312345"
    for text, number in (("3999", 999), ("31000", 1000), ("312345", 12345)):
        parsed = parse_code(f"{AGENCY}-261130-{text}", 1)
        assert (parsed.slot, parsed.number) == (3, number)
        assert str(parsed) == f"{AGENCY}-261130-{text}"
    # under two-digit slots the same step comes at the 100th: 0399 → 03100
    assert (sequence_text(3, 99), sequence_text(3, 100)) == ("0399", "03100")


def test_the_servers_slot_stays_00_in_both_schemes() -> None:
    assert sequence_text(SERVER_SLOT, 7, 1) == sequence_text(SERVER_SLOT, 7) == "0007"
    assert sequence_text(SERVER_SLOT, 361, 1) == "00361"
    parsed = parse_code(f"{AGENCY}-261130-0007", 1)
    assert (parsed.slot, parsed.number, parsed.slot_digits) == (SERVER_SLOT, 7, 2)


def test_codes_issued_with_two_digit_slots_keep_their_counter_in_a_one_digit_unit() -> None:
    old = parse_code(f"{AGENCY}-230105-0361", 1)  # counter 3's 61st dossier, issued before the move
    assert (old.slot, old.number, old.slot_digits) == (3, 61, 2)
    assert str(old) == f"{AGENCY}-230105-0361"
    assert parse_code(f"{AGENCY}-230105-09123", 1).slot == 9
    new = parse_code(f"{AGENCY}-261130-3061", 1)
    assert (new.slot, new.number, new.slot_digits) == (3, 61, 1)
    # the same text read by a two-digit unit is counter 30: the unit's width decides, nothing else
    assert parse_code(f"{AGENCY}-261130-3061").slot == 30


def test_parsing_refuses_what_format_code_would_not_write() -> None:
    for text, digits in (
        ("03061", 2),  # padded number
        ("0300", 2),  # number 0
        ("30999", 1),  # padded after a one-digit slot
        ("3000", 1),  # number 0
    ):
        with pytest.raises(ValidationError) as caught:
            parse_code(f"{AGENCY}-261130-{text}", digits)
        assert caught.value.code == "code.format"
    # one text, two readings: counter 1's 2345th under one digit, counter 12's 345th under two
    assert parse_code(f"{AGENCY}-261130-12345", 1).slot == 1
    assert parse_code(f"{AGENCY}-261130-12345").slot == 12
    with pytest.raises(ValidationError) as bad_width:
        parse_code(f"{AGENCY}-261130-0361", 3)
    assert bad_width.value.code == "code_scheme.digits"


def test_counter_numbers_fit_the_units_width() -> None:
    assert check_counter(9, 1) == 9 and check_counter(99) == 99
    for number, digits, code in (
        (10, 1, "counter.range_one_digit"),
        (0, 1, "counter.range_one_digit"),
        (100, 2, "counter.range"),
    ):
        with pytest.raises(ValidationError) as caught:
            check_counter(number, digits)
        assert caught.value.code == code
    with pytest.raises(ValidationError):
        format_code(AGENCY, DAY, 12, 1, 1)


def test_a_move_to_one_digit_keeps_every_code_of_counters_1_to_9_and_refuses_counter_12s() -> None:
    legacy = [format_code(AGENCY, DAY, slot, n) for slot in (0, 1, 3, 9) for n in (1, 61, 99, 100, 4321)]
    assert reads_alike(legacy, 2, 1) is None
    assert check_scheme_change(legacy, 2, 1) == 1
    twelve = format_code(AGENCY, DAY, 12, 345)
    assert reads_alike([*legacy, twelve], 2, 1) == twelve
    with pytest.raises(CodeSchemeError) as caught:
        check_scheme_change([*legacy, twelve], 2, 1)
    assert caught.value.params == {"example": twelve, "slot_digits": 1}


def test_a_move_back_to_two_digits_is_refused_once_a_one_digit_code_exists() -> None:
    legacy = [format_code(AGENCY, DAY, 3, 61)]
    assert check_scheme_change(legacy, 1, 2) == 2  # only codes that read alike: allowed
    one_digit = format_code(AGENCY, DAY, 3, 61, 1)
    with pytest.raises(CodeSchemeError):
        check_scheme_change([*legacy, one_digit], 1, 2)


one_digit_slots = st.integers(min_value=0, max_value=9)


@given(
    st.lists(
        st.tuples(st.sampled_from((1, 2)), one_digit_slots, numbers), min_size=2, max_size=200, unique=True
    )
)
def test_in_a_one_digit_unit_old_and_new_codes_never_collide(triples: list[tuple[int, int, int]]) -> None:
    """Counters 0–9 issuing codes with either width on the same day (a unit moving to one digit while some
    counters are offline): a text is never shared by two different slots or numbers, and each reads back."""
    by_text: dict[str, tuple[int, int]] = {}
    for width, slot, n in triples:
        code = format_code(AGENCY, DAY, slot, n, width)
        assert by_text.setdefault(code, (slot, n)) == (slot, n)
        parsed = parse_code(code, 1)
        assert (parsed.slot, parsed.number) == (slot, n)
        assert str(parsed) == code


@given(one_digit_slots, st.integers(min_value=1, max_value=999))
def test_one_digit_sequences_are_exactly_four_digits_up_to_999(slot: int, n: int) -> None:
    text = sequence_text(slot, n, 1)
    assert len(text) == (4 if slot != SERVER_SLOT or n <= 99 else 5)


def test_every_code_error_has_both_sentences() -> None:
    from counter_app.core import codes
    from counter_app.messages import MESSAGES, describe

    for code in codes.ERROR_CODES:
        vi, en = MESSAGES[code]
        assert vi and en and vi != en, code
    text = describe(CodeSchemeError(example=f"{AGENCY}-261130-12345", slot_digits=1))
    assert "12345" in text and "1 chữ số" in text
