"""Tests of input validation: texts, identifiers, phones, e-mails, applicants and representatives."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest

from counter_app.core.errors import ValidationError, ValidationErrors
from counter_app.core.model import ApplicantKind, IdType, Person, Representative
from counter_app.core.validation import (
    ERROR_CODES,
    MAX_NAME,
    birth_year_of,
    check_email,
    check_identifier,
    check_old_id,
    check_passport,
    check_personal_id,
    check_phone,
    check_tax_code,
    clean_person,
    clean_representative,
    clean_text,
    parse_typed_date,
)

TODAY = date(2026, 3, 2)
NAME = "Nguyễn Văn Đức"


def codes(errors: ValidationErrors) -> dict[str, str]:
    return {e.field: e.code for e in errors.errors}


# Texts --------------------------------------------------------------------------------------------


def test_clean_text_stores_nfc_trimmed_and_collapsed() -> None:
    typed = "  " + unicodedata.normalize("NFD", NAME).replace(" ", " \t\n ") + " "
    assert typed != NAME
    assert clean_text(typed, "name") == NAME
    assert unicodedata.is_normalized("NFC", clean_text(typed, "name"))


def test_clean_text_optional_and_invisible_characters() -> None:
    assert clean_text(None, "note") == ""
    assert clean_text("   ", "note") == ""
    assert clean_text("\ufeffHà\u200b Nội", "note") == "Hà Nội"


def test_clean_text_required() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("  ", "applicant.name", required=True)
    assert (info.value.field, info.value.code) == ("applicant.name", "required")


def test_clean_text_too_long_carries_the_limit() -> None:
    assert clean_text("a" * 10, "f", max_length=10) == "a" * 10
    with pytest.raises(ValidationError) as info:
        clean_text("a" * 11, "f", max_length=10)
    assert info.value.code == "too_long" and info.value.params == {"max": 10}


@pytest.mark.parametrize("bad", ["Nguyễn\x00Văn", "A\x1bB", "tab\x0bvertical", "x\x7f"])
def test_clean_text_rejects_control_characters(bad: str) -> None:
    with pytest.raises(ValidationError, match="invalid_chars"):
        clean_text(bad, "f")


# Identifiers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digit", "century"),
    [(0, 1900), (1, 1900), (2, 2000), (3, 2000), (4, 2100), (5, 2100), (6, 2200), (9, 2300)],
)
def test_century_and_sex_digit(digit: int, century: int) -> None:
    assert birth_year_of(f"001{digit}05123456") == century + 5


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("001099012345", "001099012345"), ("001 099 012 345", "001099012345"), ("099226000001", "099226000001")],
)
def test_valid_personal_ids(typed: str, stored: str) -> None:
    assert check_personal_id(typed, today=TODAY) == stored


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("00109901234", "id.personal_format"),
        ("0010990123456", "id.personal_format"),
        ("00109901234A", "id.personal_format"),
        ("٠٠١٠٩٩٠١٢٣٤٥", "id.personal_format"),  # non-ASCII digits
        ("", "id.personal_format"),
        ("000099012345", "id.province"),
        ("100099012345", "id.province"),
        ("001227012345", "id.future_birth_year"),  # 2027 after 2026
        ("001405012345", "id.future_birth_year"),  # 2105
    ],
)
def test_invalid_personal_ids(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_personal_id(value, "applicant.identifier", today=TODAY)
    assert (info.value.field, info.value.code) == ("applicant.identifier", code)


def test_birth_year_of_this_year_is_accepted() -> None:
    assert check_personal_id("001326012345", today=TODAY) == "001326012345"


def test_old_id_passport_and_tax_code() -> None:
    assert check_old_id(" 123 456 789 ") == "123456789"
    assert check_passport("c1234567") == "C1234567"
    assert check_tax_code("0101234567") == "0101234567"
    assert check_tax_code("0101234567-001") == "0101234567-001"
    assert check_tax_code("0101234567001") == "0101234567-001"
    assert check_tax_code("0101234567 - 001") == "0101234567-001"


@pytest.mark.parametrize(
    ("check", "value", "code"),
    [
        (check_old_id, "12345678", "id.old_format"),
        (check_old_id, "1234567890", "id.old_format"),
        (check_passport, "C123456", "id.passport_format"),
        (check_passport, "CC123456", "id.passport_format"),
        (check_passport, "12345678", "id.passport_format"),
        (check_tax_code, "010123456", "id.tax_format"),
        (check_tax_code, "0101234567-01", "id.tax_format"),
        (check_tax_code, "0101234567-0011", "id.tax_format"),
        (check_tax_code, "0101234567/001", "id.tax_format"),
    ],
)
def test_invalid_other_identifiers(check: Callable[[str], str], value: str, code: str) -> None:
    with pytest.raises(ValidationError, match=code):
        check(value)


def test_check_identifier_dispatches_on_the_kind() -> None:
    assert check_identifier("b1234567", IdType.PASSPORT) == "B1234567"
    assert check_identifier("0101234567001", IdType.TAX_CODE) == "0101234567-001"
    assert check_identifier("001099012345", IdType.PERSONAL_ID, today=TODAY) == "001099012345"
    assert check_identifier("  Giấy   phép 12/GP ", IdType.OTHER) == "Giấy phép 12/GP"
    with pytest.raises(ValidationError, match="too_long"):
        check_identifier("x" * 51, IdType.OTHER)
    with pytest.raises(ValidationError, match="id.old_format"):
        check_identifier("001099012345", IdType.OLD_ID)


# Phones and e-mails -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("(+84) 912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("+84 0912 345 678", "0912345678"),
        ("0352345678", "0352345678"),
        ("024 3825 1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_valid_phones(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


@pytest.mark.parametrize(
    "bad", ["091234567", "09123456789", "0112345678", "0412345678", "0612345678", "0243825123", "0912a45678"]
)
def test_invalid_phones(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_phone(bad, "applicant.phone")
    assert (info.value.field, info.value.code) == ("applicant.phone", "phone.format")


def test_valid_emails() -> None:
    assert check_email(" An.Nguyen+hs@Example.COM.vn ") == "An.Nguyen+hs@example.com.vn"
    assert check_email("") == ""


@pytest.mark.parametrize(
    "bad",
    [
        "a@b",
        "a b@c.vn",
        "@c.vn",
        "a@@c.vn",
        "a@c..vn",
        "a@-c.vn",
        "a.@c.vn",
        "a@c.v",
        "a@c.123",
        "nguyễn@c.vn",
    ],
)
def test_invalid_emails(bad: str) -> None:
    with pytest.raises(ValidationError, match="email.format"):
        check_email(bad)


# People -------------------------------------------------------------------------------------------


def test_clean_person_returns_a_normalised_copy() -> None:
    typed = Person(
        name=unicodedata.normalize("NFD", "  Trần  Thị Hồng "),
        identifier="001 326 012 345",
        address=unicodedata.normalize("NFD", "Số 5, phường Ba Đình,  Hà Nội"),
        phone="+84 912.345.678",
        email="Hong@Mail.VN",
        birth_date=date(2026, 1, 5),
    )
    person = clean_person(typed, today=TODAY)
    assert person.name == "Trần Thị Hồng"
    assert person.identifier == "001326012345"
    assert person.address == "Số 5, phường Ba Đình, Hà Nội"
    assert (person.phone, person.email) == ("0912345678", "Hong@mail.vn")
    assert person.birth_date == date(2026, 1, 5)


def test_clean_person_collects_every_error() -> None:
    typed = Person(name=" ", identifier="12345", phone="12", email="x@", birth_date=date(2027, 1, 1))
    with pytest.raises(ValidationErrors) as info:
        clean_person(typed, prefix="owner", today=TODAY)
    assert codes(info.value) == {
        "owner.name": "required",
        "owner.identifier": "id.personal_format",
        "owner.phone": "phone.format",
        "owner.email": "email.format",
        "owner.birth_date": "birth_date.future",
    }


def test_identifier_requirement() -> None:
    with pytest.raises(ValidationErrors) as info:
        clean_person(Person(name=NAME), today=TODAY)
    assert codes(info.value) == {"applicant.identifier": "required"}
    assert clean_person(Person(name=NAME), today=TODAY, require_identifier=False).identifier == ""


def test_business_needs_a_tax_code_or_other_identifier() -> None:
    firm = Person(name="Công ty TNHH An Phát", identifier="0101234567", kind=ApplicantKind.BUSINESS)
    with pytest.raises(ValidationErrors) as info:
        clean_person(firm, today=TODAY)
    assert codes(info.value)["applicant.id_type"] == "id.type_for_business"
    fixed = Person(firm.name, "0101234567001", IdType.TAX_CODE, ApplicantKind.BUSINESS)
    assert clean_person(fixed, today=TODAY).identifier == "0101234567-001"


def test_birth_date_must_match_the_personal_id() -> None:
    person = Person(name=NAME, identifier="001099012345", birth_date=date(1998, 5, 1))
    with pytest.raises(ValidationErrors) as info:
        clean_person(person, today=TODAY)
    assert codes(info.value) == {"applicant.identifier": "id.birth_year_mismatch"}


def test_too_long_name() -> None:
    with pytest.raises(ValidationErrors) as info:
        clean_person(Person(name="A" * (MAX_NAME + 1), identifier="001099012345"), today=TODAY)
    assert codes(info.value) == {"applicant.name": "too_long"}


def test_clean_representative() -> None:
    rep = Representative(
        Person(name=NAME, identifier="C1234567", id_type=IdType.PASSPORT), " Giấy ủy quyền số 12 "
    )
    cleaned = clean_representative(rep, today=TODAY)
    assert cleaned.person.identifier == "C1234567"
    assert cleaned.authorisation_paper == "Giấy ủy quyền số 12"


def test_clean_representative_collects_person_and_paper_errors() -> None:
    rep = Representative(Person(name="", identifier="001099012345", phone="123"), "  ")
    with pytest.raises(ValidationErrors) as info:
        clean_representative(rep, today=TODAY)
    assert codes(info.value) == {
        "representative.name": "required",
        "representative.phone": "phone.format",
        "representative.authorisation_paper": "required",
    }


# Error codes --------------------------------------------------------------------------------------

RAISERS: list[Callable[[], object]] = [
    lambda: clean_text("", "f", required=True),
    lambda: clean_text("ab", "f", max_length=1),
    lambda: clean_text("\x00", "f"),
    lambda: check_personal_id("1"),
    lambda: check_personal_id("000099012345"),
    lambda: check_personal_id("001499012345", today=TODAY),
    lambda: check_old_id("1"),
    lambda: check_passport("1"),
    lambda: check_tax_code("1"),
    lambda: check_phone("1"),
    lambda: check_email("1"),
    lambda: clean_person(Person(NAME, "001099012345", birth_date=date(1998, 1, 1)), today=TODAY),
    lambda: clean_person(Person(NAME, "x", kind=ApplicantKind.BUSINESS), today=TODAY),
    lambda: clean_person(Person(NAME, "001099012345", birth_date=date(2030, 1, 1)), today=TODAY),
    lambda: parse_typed_date("1995-02-31", "f"),
    lambda: parse_typed_date("31/02/1995", "f"),
]


def test_error_codes_list_exactly_the_codes_raised() -> None:
    raised: set[str] = set()
    for raiser in RAISERS:
        with pytest.raises((ValidationError, ValidationErrors)) as info:
            raiser()
        error = info.value
        if isinstance(error, ValidationErrors):
            raised.update(e.code for e in error.errors)
        elif isinstance(error, ValidationError):
            raised.add(error.code)
    assert raised == set(ERROR_CODES)
