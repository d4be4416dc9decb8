"""Dossier codes (mã hồ sơ) `<agency ID>-<YYMMDD>-<sequence>` and the per-counter slot that keeps them unique offline.

Circular 01/2018/TT-VPCP, Art. 19, describes the sequence as the number of the dossier received in the day, in
four digits. Counters working offline cannot share one running number, so the sequence is the counter's slot
followed by that counter's own running number of the day. A unit uses one of two slot widths, chosen when its
counters are enrolled (`counter-server add-counter --slot-digits`) and kept in its settings:

* two digits (the default, and the only scheme before one-digit slots existed): counters 1–99; the running
  number is written with at least two digits. Counter 3's 61st dossier → `0361`; counter 12's 345th → `12345`.
  Four digits up to the 99th dossier of a counter in a day, five from the 100th.
* one digit, for a unit of at most nine counters: counters 1–9; the running number is written with at least
  three digits. Counter 3's 61st dossier → `3061`; its 999th → `3999`. Four digits up to the 999th dossier of a
  counter in a day. The 1000th and later are written in full (`31000`, five digits): still unique, because the
  first digit still names the counter and the number alone follows it.

Slot 0 belongs to the central server (dossiers submitted online) and is always written `00`, in both schemes.

Reading a code needs the unit's scheme, and nothing else: in a one-digit unit a sequence that starts with `0`
has a two-digit slot (`00` the server's; `01`–`09` a code the counter issued before the unit moved to one
digit), any other sequence a one-digit slot. So a unit may move from two digits to one at any time if it never
had a counter numbered 10 or more: every code already issued keeps its meaning, and a counter that has not yet
heard of the move still issues valid codes. The move back (one digit to two) would read `3061` as counter 30,
so it is allowed only while no one-digit code can exist (`reads_alike` decides, code by code).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import DomainError, NotConfiguredError, ValidationError
from .idcard import is_id_card
from .references import is_reference

#: Agency electronic IDs are opaque: dot-separated groups of letters and digits, never parsed further.
AGENCY_ID_PATTERN = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+"
CODE_PATTERN = re.compile(rf"^(?P<agency>{AGENCY_ID_PATTERN})-(?P<day>\d{{6}})-(?P<seq>\d{{4,}})$")
SERVER_SLOT = 0
#: The highest counter number of the two-digit scheme, and of the one-digit scheme.
MAX_COUNTER = 99
MAX_COUNTER_ONE_DIGIT = 9
#: Slot widths a unit may use; two is the default (and what every code issued before one-digit slots used).
SLOT_DIGITS = (1, 2)
DEFAULT_SLOT_DIGITS = 2
#: The highest running number that still gives a four-digit sequence, per slot width.
FOUR_DIGIT_CAPACITY = {1: 999, 2: 99}

#: Error codes this module raises (each worded in `messages.py`).
ERROR_CODES = (
    "counter.range",
    "counter.range_one_digit",
    "sequence.range",
    "code.format",
    "code.date",
    "code_scheme.digits",
    "code_scheme.conflict",
    "code_scheme.counters",
    "code_scheme.fixed",
)


class CodeSchemeError(DomainError):
    """The unit cannot change its slot width: a code already issued would be read as another counter's
    (params: `example`, the first such code, and `slot_digits`, the width asked for)."""

    code = "code_scheme.conflict"


@dataclass(frozen=True)
class DossierCode:
    """A parsed dossier code; `slot_digits` is how wide its slot is written (2 for the server's `00`)."""

    agency_id: str
    day: date
    slot: int
    number: int
    slot_digits: int = DEFAULT_SLOT_DIGITS

    def __str__(self) -> str:
        return format_code(self.agency_id, self.day, self.slot, self.number, self.slot_digits)


def check_agency_id(agency_id: str) -> str:
    agency_id = agency_id.strip()
    if not agency_id:
        raise NotConfiguredError("config.agency_id_missing")
    if not re.fullmatch(AGENCY_ID_PATTERN, agency_id):
        raise ValidationError("agency_id", "agency_id.format")
    return agency_id


def check_slot_digits(slot_digits: int) -> int:
    if isinstance(slot_digits, bool) or slot_digits not in SLOT_DIGITS:
        raise ValidationError("slot_digits", "code_scheme.digits")
    return slot_digits


def max_counter(slot_digits: int = DEFAULT_SLOT_DIGITS) -> int:
    """The highest counter number a unit with this slot width may have."""
    return MAX_COUNTER_ONE_DIGIT if check_slot_digits(slot_digits) == 1 else MAX_COUNTER


def check_slot(slot: int, slot_digits: int = DEFAULT_SLOT_DIGITS) -> int:
    """`slot` if it is the server's (0) or a counter number the unit's scheme allows."""
    highest = max_counter(slot_digits)
    if not SERVER_SLOT <= slot <= highest:
        raise ValidationError(
            "counter", "counter.range_one_digit" if highest < MAX_COUNTER else "counter.range"
        )
    return slot


def check_counter(number: int, slot_digits: int = DEFAULT_SLOT_DIGITS) -> int:
    """`number` if it is a counter number (1 and up) the unit's scheme allows."""
    if number == SERVER_SLOT:
        raise ValidationError("counter", "counter.range_one_digit" if slot_digits == 1 else "counter.range")
    return check_slot(number, slot_digits)


def sequence_text(slot: int, number: int, slot_digits: int = DEFAULT_SLOT_DIGITS) -> str:
    """The sequence part: the slot, then the running number (at least three digits after a one-digit slot,
    at least two after a two-digit one). The server's slot is `00` in both schemes."""
    check_slot(slot, slot_digits)
    if number < 1:
        raise ValidationError("sequence", "sequence.range")
    if slot_digits == 1 and slot != SERVER_SLOT:
        return f"{slot:d}{number:03d}"
    return f"{slot:02d}{number:02d}"


def format_code(
    agency_id: str, day: date, slot: int, number: int, slot_digits: int = DEFAULT_SLOT_DIGITS
) -> str:
    """Build the code; raises `NotConfiguredError` when the unit has no agency ID."""
    return f"{check_agency_id(agency_id)}-{day:%y%m%d}-{sequence_text(slot, number, slot_digits)}"


def is_dossier_code(text: str) -> bool:
    """True when `text` has the shape of a dossier code (used to accept scans)."""
    return CODE_PATTERN.fullmatch(text.strip()) is not None


# ---- what a scan is ----------------------------------------------------------------------------------------------
class ScanKind(StrEnum):
    """What a scanned text is, whatever read it (USB scanner, serial scanner, camera, `counter-app decode`)."""

    DOSSIER_CODE = "dossier-code"
    ID_CARD = "id-card"
    SUPPLEMENT_REFERENCE = "supplement-reference"  # form 02's reference of an intake waiting for papers
    OTHER = "other"


#: A dossier code's outline whatever happened to its letters: `<agency with a dot>-<about 6>-<3 or more>`.
_CODE_OUTLINE = re.compile(r"^[^\s|-]*\.[^\s|-]*-[^\s|-]{5,7}-[^\s|-]{3,}$")


def classify_scan(text: str) -> ScanKind:
    """The one decision of what a scanned text is; every reader of scans asks this."""
    if is_dossier_code(text):
        return ScanKind.DOSSIER_CODE
    if is_id_card(text):
        return ScanKind.ID_CARD
    if is_reference(text):
        return ScanKind.SUPPLEMENT_REFERENCE
    return ScanKind.OTHER


def looks_like_mangled_code(text: str) -> bool:
    """True when `text` is not a dossier code but has a code's outline with letters no code has (a Vietnamese
    input method such as Unikey turned some keys of a scanner into accented letters)."""
    text = text.strip()
    return not is_dossier_code(text) and not text.isascii() and _CODE_OUTLINE.fullmatch(text) is not None


def parse_code(text: str, slot_digits: int = DEFAULT_SLOT_DIGITS) -> DossierCode:
    """Split a code made by `format_code` under the unit's slot width; raises `ValidationError('code',
    'code.format')` for anything `format_code` would not write (a number 0, a padded number, a slot outside
    the scheme) and `'code.date'` for an impossible day."""
    check_slot_digits(slot_digits)
    m = CODE_PATTERN.fullmatch(text.strip())
    if not m:
        raise ValidationError("code", "code.format")
    day_text, seq = m["day"], m["seq"]
    try:
        day = date(2000 + int(day_text[:2]), int(day_text[2:4]), int(day_text[4:]))
    except ValueError as exc:
        raise ValidationError("code", "code.date") from exc
    width = 1 if slot_digits == 1 and seq[0] != "0" else 2
    slot, number = int(seq[:width]), int(seq[width:])
    try:
        canonical = sequence_text(slot, number, 1 if width == 1 else DEFAULT_SLOT_DIGITS)
    except ValidationError as exc:
        raise ValidationError("code", "code.format") from exc
    if canonical != seq:
        raise ValidationError("code", "code.format")
    return DossierCode(m["agency"], day, slot, number, width)


def _reading(code: str, slot_digits: int) -> tuple[int, int] | None:
    try:
        parsed = parse_code(code, slot_digits)
    except ValidationError:
        return None
    return parsed.slot, parsed.number


def reads_alike(codes: Iterable[str], old_digits: int, new_digits: int) -> str | None:
    """The first code that a move from `old_digits` to `new_digits` would read as another slot or number (or
    stop reading, or start reading), or None when every code keeps its meaning."""
    check_slot_digits(old_digits)
    check_slot_digits(new_digits)
    if old_digits == new_digits:
        return None
    for code in codes:
        if _reading(code, old_digits) != _reading(code, new_digits):
            return code
    return None


def check_scheme_change(codes: Iterable[str], old_digits: int, new_digits: int) -> int:
    """`new_digits` if every code in `codes` keeps its meaning under it; else `CodeSchemeError`."""
    check_slot_digits(new_digits)
    clash = reads_alike(codes, old_digits, new_digits)
    if clash is not None:
        raise CodeSchemeError(example=clash, slot_digits=new_digits)
    return new_digits
