"""The QR code of the chip ID card (CCCD / thẻ căn cước): its text parsed into checked fields.

The citizen ID card with a chip (Circular 06/2021/TT-BCA) carries it on the front, the identity card issued since
1 July 2024 (Circular 16/2024/TT-BCA) on the back; both hold the same kind of text.

The code holds UTF-8 text, fields separated by `|`, in this order:

    personal ID (12 digits) | old ID (9 digits, may be empty) | full name | date of birth ddmmyyyy | sex |
    permanent address | date of issue ddmmyyyy

Cards issued since 2024 may add fields after these, and some readings stop earlier; both are accepted as long as
the first four are there (what identifies the person). Every field is checked: the personal ID as
`validation.check_personal_id` checks it, the dates are real days (31/02 does not exist), the birth year is the one
the ID's century digit and year digits encode, and a sex written as "Nam" or "Nữ" agrees with that digit's parity
(even: male, odd: female). The text is NFC, whatever form the scanner sent.

Scanners in keyboard mode often lose Vietnamese letters; `IdCard.garbled_fields` names the text fields that carry
the usual signs of it (`?`, the replacement character, UTF-8 read as Windows-1252), so nobody stores them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .errors import ValidationError
from .text import fold, nfc
from .validation import birth_year_of, check_old_id, check_personal_id

SEPARATOR = "|"
#: The fields a card's text carries, in order; a text needs at least the first `MIN_FIELDS`.
FIELDS = ("id", "old_id", "name", "birth_date", "sex", "address", "issued")
MIN_FIELDS = 4
#: How "Nam" and "Nữ" are written on the card, folded (no marks, lower case); anything else is kept unchecked.
MALE, FEMALE = "nam", "nu"
_DATE = re.compile(r"\d{8}")
_ID_START = re.compile(r"\s*\d{12}\s*\|")
#: Signs of text that went through the wrong encoding or a keyboard that could not type it.
_LOST = re.compile("[?\ufffd\x00-\x1f\x7f]")

#: Error codes this module raises (each worded in `messages.py`).
ERROR_CODES = (
    "idcard.fields",
    "idcard.date",
    "idcard.issued_before_birth",
    "idcard.future_date",
    "idcard.sex_mismatch",
    "id.personal_format",
    "id.province",
    "id.future_birth_year",
    "id.birth_year_mismatch",
    "id.old_format",
)


@dataclass(frozen=True)
class IdCard:
    """What a card's QR code says. `issued` is None when the text stops before it; `extra` holds the fields a newer
    card adds after the date of issue, as read."""

    id: str
    old_id: str
    name: str
    birth_date: date
    sex: str = ""
    address: str = ""
    issued: date | None = None
    extra: tuple[str, ...] = ()

    def fields(self) -> dict[str, str | None]:
        """The fields as `counter-app decode --json` prints them (dates in ISO form)."""
        return {
            "id": self.id,
            "old_id": self.old_id,
            "name": self.name,
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex,
            "address": self.address,
            "issued": self.issued.isoformat() if self.issued else None,
        }

    def garbled_fields(self) -> tuple[str, ...]:
        """The text fields (name, address) that a scanner's keyboard mode or a wrong encoding has damaged."""
        return tuple(key for key in ("name", "address") if looks_garbled(getattr(self, key)))


def looks_garbled(text: str) -> bool:
    """True when `text` shows signs of lost Vietnamese letters: `?`, `�`, control characters, or UTF-8 read as
    Windows-1252 (`Nguyá»…n` for `Nguyễn`)."""
    return _LOST.search(text) is not None or _misread_utf8(text)


def _misread_utf8(text: str) -> bool:
    """True when `text` is UTF-8 bytes read one byte a character (Windows-1252, or Latin-1 where it has a gap)."""
    if text.isascii():
        return False
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return False  # a real Vietnamese letter (ễ, ơ, đ …): not one byte of something else
            raw.append(ord(ch))
    try:
        return raw.decode("utf-8") != text
    except UnicodeDecodeError:
        return False


def looks_like_id_card(text: str) -> bool:
    """True when `text` has the card's shape (12 digits, then `|`, and enough fields), valid or not.

    A scan of this shape is a card even when a field fails its check: it is answered with what is wrong,
    never typed into a field or taken for something else.
    """
    return _ID_START.match(text) is not None and text.count(SEPARATOR) >= MIN_FIELDS - 1


def is_id_card(text: str) -> bool:
    """True when `text` is a card's QR text whose fields all pass their checks."""
    try:
        parse_id_card(text)
    except ValidationError:
        return False
    return True


def parse_id_card(text: str, today: date | None = None) -> IdCard:
    """The card's fields, checked; raises `ValidationError(field, code)` for the first one that fails.

    `today` bounds the dates (no birth, issue or ID birth year after it); without it they are not bounded.
    """
    parts = [part.strip() for part in nfc(text).strip().split(SEPARATOR)]
    if len(parts) < MIN_FIELDS or not looks_like_id_card(text):
        raise ValidationError("id_card", "idcard.fields")
    parts += [""] * (len(FIELDS) - len(parts))
    personal_id = check_personal_id(parts[0], "identifier", today or date.max)
    old_id = check_old_id(parts[1], "old_id") if parts[1] else ""
    name = " ".join(parts[2].split())
    if not name:
        raise ValidationError("name", "required")
    birth = _day(parts[3], "birth_date", today)
    if birth_year_of(personal_id) != birth.year:
        raise ValidationError("birth_date", "id.birth_year_mismatch")
    sex = parts[4]
    female = int(personal_id[3]) % 2 == 1
    if fold(sex) in (MALE, FEMALE) and (fold(sex) == FEMALE) != female:
        raise ValidationError("sex", "idcard.sex_mismatch")
    issued = _day(parts[6], "issued", today) if parts[6] else None
    if issued is not None and issued < birth:
        raise ValidationError("issued", "idcard.issued_before_birth")
    return IdCard(
        id=personal_id,
        old_id=old_id,
        name=name,
        birth_date=birth,
        sex=sex,
        address=" ".join(parts[5].split()),
        issued=issued,
        extra=tuple(parts[len(FIELDS) :]),
    )


def _day(text: str, field: str, today: date | None) -> date:
    """A `ddmmyyyy` date that exists (and is not after `today`)."""
    if not _DATE.fullmatch(text):
        raise ValidationError(field, "idcard.date")
    try:
        day = date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError as exc:
        raise ValidationError(field, "idcard.date") from exc
    if today is not None and day > today:
        raise ValidationError(field, "idcard.future_date")
    return day


def card_text(card: IdCard) -> str:
    """The text a card with these fields carries (for tests, samples and the demo): the inverse of `parse_id_card`."""
    parts = [
        card.id,
        card.old_id,
        card.name,
        f"{card.birth_date:%d%m%Y}",
        card.sex,
        card.address,
        f"{card.issued:%d%m%Y}" if card.issued else "",
        *card.extra,
    ]
    while len(parts) > MIN_FIELDS and not parts[-1] and len(parts) > len(FIELDS):
        parts.pop()
    return unicodedata.normalize("NFC", SEPARATOR.join(parts))
