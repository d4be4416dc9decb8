"""The reference form 02 carries for an intake kept waiting for papers (no code yet), and how to read it back.

The reference is the dossier's own ID (`dossier receive … --json` prints it as `id`) or, on paper and for scanners,
a short form derived from it: `BS-` ("bổ sung") and ten digits from a digest of the ID (`BS-04711-92386`). It holds
only the letters B and S, digits and dashes, which no Vietnamese input method (Telex, VNI) changes when a scanner in
keyboard mode types them, and it looks like neither a dossier code nor a personal identifier. Ten digits make two
waiting intakes of one unit sharing a reference very unlikely; a lookup that finds two anyway says so
(`supplement.ambiguous`) instead of picking one.
"""

from __future__ import annotations

import hashlib
import re

#: What the short reference starts with ("bổ sung").
REFERENCE_PREFIX = "BS"
REFERENCE_DIGITS = 10
_REFERENCE = re.compile(r"^BS[-\s.]?(\d{5})[-\s.]?(\d{5})$")
_DOSSIER_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def reference(dossier_id: str) -> str:
    """The short reference of a dossier's ID: `BS-` and ten digits from a digest of the ID, in two groups."""
    digest = hashlib.sha256(dossier_id.strip().lower().encode("utf-8")).digest()
    digits = f"{int.from_bytes(digest[:8], 'big') % 10**REFERENCE_DIGITS:0{REFERENCE_DIGITS}d}"
    return f"{REFERENCE_PREFIX}-{digits[:5]}-{digits[5:]}"


def parse_reference(text: str) -> str | None:
    """The reference in its printed form (`BS-04711-92386`) when `text` is one, typed or scanned in either case,
    with or without its dashes; None otherwise."""
    found = _REFERENCE.match(text.strip().upper())
    return f"{REFERENCE_PREFIX}-{found.group(1)}-{found.group(2)}" if found else None


def is_reference(text: str) -> bool:
    return parse_reference(text) is not None


def is_dossier_id(text: str) -> bool:
    """Whether `text` has the shape of a dossier ID made on a counter (a UUID, either case)."""
    return _DOSSIER_ID.match(text.strip().lower()) is not None
