"""The audit trail's rules: what an entry holds, how entries chain by hash, and how a chain is checked.

Each entry names what happened (`kind`), who did it (`actor`, an account of the counter), when (device time),
on which dossier if any, and details; its `hash` is SHA-256 over the previous entry's hash and the entry's
own fields in a canonical JSON form. Changing, removing or inserting an entry breaks every hash after it, so a
chain that the server has already seen cannot be rewritten unnoticed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

#: The hash the first entry of a counter's chain points back to.
GENESIS = "0" * 64


class AuditKind(str, Enum):
    """What can be recorded. Dossier writes, sign-in, accounts, settings, prints, exports, restores and digitised
    papers."""

    DOSSIER_CREATE = "dossier.create"
    DOSSIER_EVENT = "dossier.event"
    SIGNIN_OK = "signin.ok"
    SIGNIN_FAILED = "signin.failed"
    SIGNIN_LOCKED = "signin.locked"
    SIGNOUT = "signout"
    UNLOCK_OK = "unlock.ok"
    UNLOCK_FAILED = "unlock.failed"
    ACCOUNT_CREATE = "account.create"
    ACCOUNT_CHANGE = "account.change"
    SETTING_CHANGE = "setting.change"
    UNIT_CHANGE = "unit.change"
    CATALOGUE_CHANGE = "catalogue.change"
    PRINT = "print"
    EXPORT = "export"
    BACKUP = "backup"
    RESTORE = "restore"
    ENCRYPT = "encrypt"
    ATTACHMENT_ADD = "attachment.add"  # a digitised paper or result kept for a dossier


KNOWN_KINDS = frozenset(k.value for k in AuditKind)


@dataclass(frozen=True)
class AuditEntry:
    """One link of a counter's chain."""

    seq: int
    id: str
    at: str
    counter: int
    kind: str
    actor: str
    dossier_id: str | None
    details: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def body(self) -> dict[str, Any]:
        """The fields the hash covers (everything but the hashes themselves)."""
        return {
            "seq": self.seq,
            "id": self.id,
            "at": self.at,
            "counter": self.counter,
            "kind": self.kind,
            "actor": self.actor,
            "dossier_id": self.dossier_id,
            "details": dict(self.details),
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.body(), "prev_hash": self.prev_hash, "hash": self.hash}


def entry_from_dict(data: Mapping[str, Any]) -> AuditEntry:
    return AuditEntry(
        seq=int(data["seq"]),
        id=str(data["id"]),
        at=str(data["at"]),
        counter=int(data["counter"]),
        kind=str(data["kind"]),
        actor=str(data["actor"]),
        dossier_id=None if data.get("dossier_id") is None else str(data["dossier_id"]),
        details=dict(data.get("details") or {}),
        prev_hash=str(data.get("prev_hash", GENESIS)),
        hash=str(data.get("hash", "")),
    )


def canonical(value: Any) -> str:
    """JSON with sorted keys, no spaces, non-ASCII kept: the same bytes on every machine."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, body: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical(dict(body))).encode("utf-8")).hexdigest()


def content_hash(value: Any) -> str:
    """SHA-256 of a canonical JSON value (what an entry records of a dossier event or an outbox payload)."""
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def seal(entry: AuditEntry, prev_hash: str) -> AuditEntry:
    """The entry linked after `prev_hash`, with its own hash."""
    from dataclasses import replace

    linked = replace(entry, prev_hash=prev_hash)
    return replace(linked, hash=chain_hash(prev_hash, linked.body()))


@dataclass(frozen=True)
class ChainBreak:
    """The first entry where a chain does not hold, and why (`hash`, `link`, `seq`)."""

    seq: int
    entry_id: str
    reason: str


def first_break(
    entries: Iterable[AuditEntry], start_hash: str = GENESIS, start_seq: int = 1
) -> ChainBreak | None:
    """Check a chain in order: consecutive numbers, each entry pointing at the previous hash, each hash right."""
    expected_prev, expected_seq = start_hash, start_seq
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainBreak(expected_seq, entry.id, "seq")
        if entry.prev_hash != expected_prev:
            return ChainBreak(entry.seq, entry.id, "link")
        if chain_hash(entry.prev_hash, entry.body()) != entry.hash:
            return ChainBreak(entry.seq, entry.id, "hash")
        expected_prev, expected_seq = entry.hash, entry.seq + 1
    return None
