"""The chip ID card's QR text: parsed, checked, told apart from dossier codes and everything else."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from counter_app.core import idcard
from counter_app.core.codes import ScanKind, classify_scan, looks_like_mangled_code
from counter_app.core.errors import ValidationError
from counter_app.core.idcard import (
    IdCard,
    card_text,
    is_id_card,
    looks_garbled,
    looks_like_id_card,
    parse_id_card,
)
from counter_app.messages import MESSAGES, describe

#: A card of a man born in 1985 (century digit 0), issued in 2021: the seven fields of the first chip cards.
CARD = "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|01072021"
#: A woman born in 2003 (century digit 3), with no old ID.
CARD_2003 = "079303001234||Trần Thị Ngọc Ánh|29022004|Nữ|Tổ 5, phường Bến Thành, TP. Hồ Chí Minh|15082021"
TODAY = date(2026, 11, 30)


def test_the_first_cards_seven_fields() -> None:
    card = parse_id_card(CARD, TODAY)
    assert card == IdCard(
        id="001085012345",
        old_id="012345678",
        name="Nguyễn Văn Đức",
        birth_date=date(1985, 3, 15),
        sex="Nam",
        address="Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội",
        issued=date(2021, 7, 1),
    )
    assert card.fields() == {
        "id": "001085012345",
        "old_id": "012345678",
        "name": "Nguyễn Văn Đức",
        "birth_date": "1985-03-15",
        "sex": "Nam",
        "address": "Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội",
        "issued": "2021-07-01",
    }
    assert card_text(card) == CARD


def test_an_empty_old_id_and_a_29_february_of_a_leap_year() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_id_card(CARD_2003)  # 2004 is not the year the ID encodes (2003)
    assert (raised.value.field, raised.value.code) == ("birth_date", "id.birth_year_mismatch")
    card = parse_id_card(CARD_2003.replace("|29022004|", "|28022003|"), TODAY)
    assert card.old_id == "" and card.birth_date == date(2003, 2, 28) and card.sex == "Nữ"
    leap = parse_id_card("079204001234||Lê Văn Tú|29022004|Nam||", TODAY)
    assert leap.birth_date == date(2004, 2, 29) and leap.address == "" and leap.issued is None


def test_newer_cards_add_trailing_fields_and_some_readings_drop_them() -> None:
    added = parse_id_card(CARD + "|01072031|Nguyễn Văn Cha|Trần Thị Mẹ", TODAY)
    assert added.issued == date(2021, 7, 1)
    assert added.extra == ("01072031", "Nguyễn Văn Cha", "Trần Thị Mẹ")
    assert added.fields() == parse_id_card(CARD, TODAY).fields()
    dropped_issue = parse_id_card(CARD.rsplit("|", 1)[0], TODAY)
    assert dropped_issue.issued is None and dropped_issue.address.startswith("Số 12")
    shortest = parse_id_card("001085012345|012345678|Nguyễn Văn Đức|15031985", TODAY)
    assert (shortest.sex, shortest.address, shortest.issued) == ("", "", None)
    assert classify_scan(CARD + "|01072031") is ScanKind.ID_CARD


def test_the_text_is_nfc_and_trimmed_whatever_the_scanner_sent() -> None:
    decomposed = unicodedata.normalize("NFD", CARD)
    assert decomposed != CARD
    card = parse_id_card(f"  {decomposed}\r\n", TODAY)
    assert card.name == "Nguyễn Văn Đức" and unicodedata.is_normalized("NFC", card.address)
    assert (
        parse_id_card(CARD.replace("|Nguyễn Văn Đức|", "|  Nguyễn  Văn Đức |"), TODAY).name
        == "Nguyễn Văn Đức"
    )


@pytest.mark.parametrize(
    ("text", "field", "code"),
    [
        ("001085012345|012345678|Nguyễn Văn Đức", "id_card", "idcard.fields"),
        ("00108501234|012345678|Nguyễn Văn Đức|15031985|Nam|Hà Nội|01072021", "id_card", "idcard.fields"),
        ("000085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Hà Nội|01072021", "identifier", "id.province"),
        ("001085012345|01234567|Nguyễn Văn Đức|15031985|Nam|Hà Nội|01072021", "old_id", "id.old_format"),
        ("001085012345|012345678||15031985|Nam|Hà Nội|01072021", "name", "required"),
        ("001085012345|012345678|Nguyễn Văn Đức|31021985|Nam|Hà Nội|01072021", "birth_date", "idcard.date"),
        ("001085012345|012345678|Nguyễn Văn Đức|1503198|Nam|Hà Nội|01072021", "birth_date", "idcard.date"),
        (
            "001085012345|012345678|Nguyễn Văn Đức|15031986|Nam|Hà Nội|01072021",
            "birth_date",
            "id.birth_year_mismatch",
        ),
        ("001085012345|012345678|Nguyễn Văn Đức|15031985|Nữ|Hà Nội|01072021", "sex", "idcard.sex_mismatch"),
        ("001185012345|012345678|Nguyễn Thị Hoa|15031985|Nam|Hà Nội|01072021", "sex", "idcard.sex_mismatch"),
        ("001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Hà Nội|32072021", "issued", "idcard.date"),
        (
            "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Hà Nội|01071984",
            "issued",
            "idcard.issued_before_birth",
        ),
        (
            "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Hà Nội|01072027",
            "issued",
            "idcard.future_date",
        ),
        ("001327012345||Nguyễn Thị Hoa|15032027|Nữ|Hà Nội|", "identifier", "id.future_birth_year"),
        ("001326012345||Nguyễn Thị Hoa|15122026|Nữ|Hà Nội|", "birth_date", "idcard.future_date"),
    ],
)
def test_bad_cards_say_which_field_fails(text: str, field: str, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_id_card(text, TODAY)
    assert (raised.value.field, raised.value.code) == (field, code)
    assert code in MESSAGES, code
    if code != "idcard.fields":
        assert looks_like_id_card(
            text
        )  # a card's shape: answered with the sentence, never typed into a field
    assert not describe(raised.value).startswith("Dữ liệu không hợp lệ")


def test_an_impossible_date_is_said_to_be_impossible() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_id_card("001085012345|012345678|Nguyễn Văn Đức|31021985|Nam|Hà Nội|01072021", TODAY)
    assert describe(raised.value) == (
        "Ngày sinh trên thẻ không phải một ngày có thật (ngày, tháng, năm viết liền: ddmmyyyy)."
    )
    assert describe(raised.value, "en") == (
        "The card's Date of birth is not a real date (day, month, year written together: ddmmyyyy)."
    )


def test_every_code_the_parser_raises_has_both_sentences() -> None:
    for code in idcard.ERROR_CODES:
        vi, en = MESSAGES[code]
        assert vi and en and vi != en


def test_the_sex_is_checked_only_when_written_as_the_card_writes_it() -> None:
    assert parse_id_card(CARD.replace("|Nam|", "|NAM|"), TODAY).sex == "NAM"
    assert parse_id_card(CARD.replace("|Nam|", "|M|"), TODAY).sex == "M"  # unknown spelling: kept, not judged


def test_the_classifier() -> None:
    assert classify_scan("000.00.06.H56-231027-0361") is ScanKind.DOSSIER_CODE
    assert classify_scan(CARD) is ScanKind.ID_CARD
    assert (
        classify_scan(CARD.replace("|15031985|", "|31021985|")) is ScanKind.OTHER
    )  # a card, but not a good one
    assert classify_scan("001085012345") is ScanKind.OTHER  # an ID number alone is not a card
    assert classify_scan("Nguyễn Văn Đức") is ScanKind.OTHER
    assert {kind.value for kind in (ScanKind.DOSSIER_CODE, ScanKind.ID_CARD, ScanKind.OTHER)} == {
        "dossier-code",
        "id-card",
        "other",
    }
    assert is_id_card(CARD) and not is_id_card("000.00.06.H56-231027-0361")


def test_a_mangled_code_is_only_a_code_outline_with_accented_letters() -> None:
    assert looks_like_mangled_code("000.00.06.Hư6-231027-0361")
    assert looks_like_mangled_code("000.00.06.H56-2611ư8-0101")
    assert not looks_like_mangled_code("000.00.06.H56-231027-0361")  # a good code
    assert not looks_like_mangled_code(CARD)
    assert not looks_like_mangled_code("Nguyễn Văn Đức")
    assert not looks_like_mangled_code(
        "000.00.06.H56-231O27-0361"
    )  # no accented letter: no input method at work


def test_names_a_scanner_in_keyboard_mode_damaged() -> None:
    assert not looks_garbled("Nguyễn Văn Đức") and not looks_garbled("NGÃ TƯ SỞ")
    assert looks_garbled("Nguy?n V?n ??c")
    assert looks_garbled("Nguy\ufffdn")
    assert looks_garbled("Nguyễn Văn Đức".encode().decode("cp1252", errors="replace"))
    assert looks_garbled("Nguyá»…n VÄƒn")
    card = parse_id_card(CARD.replace("Nguyễn Văn Đức", "Nguy?n V?n ??c"), TODAY)
    assert card.garbled_fields() == ("name",)
