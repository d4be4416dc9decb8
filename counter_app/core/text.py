"""Text hygiene for Vietnamese: NFC normalisation, trimming, and tone-mark folding for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC with runs of white space collapsed and ends trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Fold for search: lower case, tone marks and diacritics removed, `đ` → `d`.

    Accepts NFC or NFD input; "Nguyễn Văn Đức" and "nguyen van duc" fold alike.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.replace("đ", "d").replace("Đ", "d")).strip()
