"""The administrative letters of the one-stop counter (forms 04 and 05): their number and symbol, the signer, and
the new appointment an apology may give.

Decree 30/2020/NĐ-CP (Annex I, Part I, II.3) numbers an agency's letters in one running series per year and
writes `Số: <number>/<symbol>`, the symbol being the abbreviation of the kind of letter, a hyphen and the
abbreviation of the issuing body (numbers below 10 take a leading zero). Counters of one unit work offline, so
they cannot share one running number; each counter keeps its own series of the year and its symbol ends with
the counter (`-Q3` for counter 3), the way an agency's units add their own abbreviation to a symbol. Two
counters can therefore never print the same number and symbol, and a counter's letters stay in order.

Form 04 is a "phiếu" for which Annex III of the decree has no abbreviation; `PXL` (phiếu xin lỗi) is the one the
provinces' systems print. Form 05 is a notice: `TB` (Annex III).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from .calendar import WorkingCalendar
from .errors import ValidationError
from .model import Dossier
from .text import fold, nfc

#: The kinds of letter the counter issues and the abbreviation of each in the symbol.
APOLOGY = "PXL"  # 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả
STOP = "TB"  # 05 Thông báo dừng giải quyết hồ sơ
LETTER_KINDS = {"apology": APOLOGY, "stop": STOP}
#: Working days the apology offers by default after the appointment in force (the officer may change it).
EXTENSION_WORKING_DAYS = 3
#: Words after which a body's name goes on with its place (left out of its abbreviation).
_PLACE_WORDS = ("xa", "phuong", "dac khu", "thi tran", "thi xa", "tinh", "thanh pho", "quan", "huyen")
#: A Vietnamese syllable with its tone marks folded away ("trung", "phuong"); "ubnd" is none, so an acronym.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ng|nh|ch|[cmnpt])?")
#: Error codes of this module (each worded in `messages.py`).
ERROR_CODES = ("new_appointment.not_working_time", "new_appointment.not_later", "requested_at.after_stop")


@dataclass(frozen=True)
class LetterNumber:
    """`Số: 07/TB-TTPVHCC-Q3`: the running number of the counter's year and the symbol."""

    number: int
    symbol: str

    def __str__(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


def abbreviation(name: str) -> str:
    """The initials of a body's name before its place, upper case, tone marks dropped (`Đ` kept); an acronym
    (`UBND`) is kept whole. "Trung tâm Phục vụ hành chính công phường Ba Đình" → "TTPVHCC"."""
    words = [w for w in nfc(name).split(" ") if any(ch.isalnum() for ch in w)]
    kept: list[str] = []
    for index, word in enumerate(words):
        if index and _place_starts(words, index):
            break
        if len(word) > 1 and word.isupper() and not _SYLLABLE.fullmatch(fold(word)):
            kept.append(word)  # an acronym ("UBND"), even in a name written in capitals
            continue
        first = word[0].upper()
        kept.append(first if first == "Đ" else unicodedata.normalize("NFD", first)[0])
    return "".join(kept)


def _place_starts(words: list[str], index: int) -> bool:
    """Whether `words[index:]` is a place: a place word ("phường", "thành phố" …) before a capitalised name
    ("Xã hội" in "Phòng Văn hóa - Xã hội" is not one)."""
    for size in (2, 1):
        after = index + size
        if (
            fold(" ".join(words[index:after])) in _PLACE_WORDS
            and after < len(words)
            and words[after][0].isupper()
        ):
            return True
    return False


def letter_symbol(kind: str, issuer: str, slot: int) -> str:
    """`TB-TTPVHCC-Q3`: the kind of letter, the issuing body, the counter whose series the number is from."""
    parts = [LETTER_KINDS.get(kind, kind), abbreviation(issuer), f"Q{slot}"]
    return "-".join(p for p in parts if p)


def signer_lines(title: str) -> list[str]:
    """The signer's authority and position as printed, upper case, one line each: "KT. Giám đốc / Phó Giám đốc"
    → ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]."""
    return [nfc(part).upper() for part in title.split("/") if nfc(part)]


def in_force(dossier: Dossier) -> datetime | None:
    """The appointment the citizen holds now: the latest apology's, else the receipt's."""
    return dossier.new_appointment or dossier.appointment


def proposed_new_appointment(calendar: WorkingCalendar, dossier: Dossier, now: datetime) -> datetime:
    """What the apology offers: `EXTENSION_WORKING_DAYS` working days of office time after the later of the
    appointment in force and now, so always in office hours of a working day on the unit's calendar."""
    held = in_force(dossier)
    base = max(held, now) if held is not None else now
    return calendar.add_working_time(base, calendar.hours.day_length * EXTENSION_WORKING_DAYS)


def check_new_appointment(
    calendar: WorkingCalendar, dossier: Dossier, new: datetime, now: datetime
) -> datetime:
    """`new` if it lies in office hours of a working day and after both the appointment in force and now."""
    if not calendar.is_office_time(new, include_end=True):
        raise ValidationError("new_appointment", "new_appointment.not_working_time")
    held = in_force(dossier)
    if new <= now or (held is not None and new <= held):
        raise ValidationError("new_appointment", "new_appointment.not_later")
    return new
