"""Dossier codes (mã hồ sơ) `<agency ID>-<YYMMDD>-<sequence>` and the per-counter slot scheme that keeps them unique offline.

The sequence is the counter's two-digit slot followed by that counter's own running number for the day,
written with at least two digits: counter 3, 61st dossier → `0361`; counter 12, 345th → `12345`.
Slot `00` belongs to the central server (online dossiers). Two counters never share a slot, so codes
cannot collide even when every counter is offline; the first two digits always name the counter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import NotConfiguredError, ValidationError

#: Agency electronic IDs are opaque: dot-separated groups of letters and digits, never parsed further.
AGENCY_ID_PATTERN = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+"
CODE_PATTERN = re.compile(rf"^(?P<agency>{AGENCY_ID_PATTERN})-(?P<day>\d{{6}})-(?P<seq>\d{{4,}})$")
SERVER_SLOT = 0
MAX_COUNTER = 99


@dataclass(frozen=True)
class DossierCode:
    """A parsed dossier code."""

    agency_id: str
    day: date
    slot: int
    number: int

    def __str__(self) -> str:
        return format_code(self.agency_id, self.day, self.slot, self.number)


def check_agency_id(agency_id: str) -> str:
    agency_id = agency_id.strip()
    if not agency_id:
        raise NotConfiguredError("config.agency_id_missing")
    if not re.fullmatch(AGENCY_ID_PATTERN, agency_id):
        raise ValidationError("agency_id", "agency_id.format")
    return agency_id


def check_slot(slot: int) -> int:
    if not SERVER_SLOT <= slot <= MAX_COUNTER:
        raise ValidationError("counter", "counter.range")
    return slot


def sequence_text(slot: int, number: int) -> str:
    """The sequence part: two-digit slot, then the running number with at least two digits."""
    check_slot(slot)
    if number < 1:
        raise ValidationError("sequence", "sequence.range")
    return f"{slot:02d}{number:02d}"


def format_code(agency_id: str, day: date, slot: int, number: int) -> str:
    """Build the code; raises `NotConfiguredError` when the unit has no agency ID."""
    return f"{check_agency_id(agency_id)}-{day:%y%m%d}-{sequence_text(slot, number)}"


def is_dossier_code(text: str) -> bool:
    """True when `text` has the shape of a dossier code (used to accept scans)."""
    return CODE_PATTERN.fullmatch(text.strip()) is not None


def parse_code(text: str) -> DossierCode:
    """Split a code made by `format_code`; raises `ValidationError('code', 'code.format')`."""
    m = CODE_PATTERN.fullmatch(text.strip())
    if not m:
        raise ValidationError("code", "code.format")
    day_text, seq = m["day"], m["seq"]
    try:
        day = date(2000 + int(day_text[:2]), int(day_text[2:4]), int(day_text[4:]))
    except ValueError as exc:
        raise ValidationError("code", "code.date") from exc
    return DossierCode(m["agency"], day, int(seq[:2]), int(seq[2:]))
