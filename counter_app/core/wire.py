"""The sync wire format, the one language of counters and server: change envelopes, results, reason codes, limits."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

PROTOCOL_VERSION = 1
#: Largest request body the server reads (bytes); larger requests get 413 `request.too_large`.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: Most changes in one push; more get 422 `batch.too_large`.
MAX_BATCH = 500
#: Largest JSON payload of one change (bytes); larger ones are rejected one by one with `payload.too_large`.
MAX_CHANGE_BYTES = 512 * 1024
#: A digitised paper's file travels in chunks of at most this size (PUT /v1/files/{sha256}).
FILE_CHUNK_BYTES = 4 * 1024 * 1024
#: Most feed items per pull page.
MAX_PULL_LIMIT = 1000
#: A clock further than this from the server's is reported (never blocks intake).
SKEW_REPORT_S = 300.0
SERVER_TIME_HEADER = "X-Server-Time"


class ChangeKind(str, Enum):
    """What a change does; the payload shape follows from it."""

    DOSSIER_CREATE = "dossier.create"  # payload: core.serial.dossier_to_dict, full history
    DOSSIER_EVENT = "dossier.event"  # payload: dossier_id, code, base_version, event, state
    ATTACHMENT_ADD = "attachment.add"  # payload: a digitised paper's record; its file follows


class Result(str, Enum):
    """How the server answered one change."""

    APPLIED = "applied"  # stored now
    DUPLICATE = "duplicate"  # stored before under the same change_id and content; `original` says how
    CONFLICT = "conflict"  # same change_id with other content, or the dossier moved on: a person decides
    REJECTED = "rejected"  # breaks a rule (4xx class): parked on the counter with `reason`
    RETRY = "retry"  # not now (an earlier change of the dossier is missing): send again later


class Reason(str, Enum):
    """Stable codes explaining a result other than `applied` (the UI turns them into sentences)."""

    CONTENT_MISMATCH = "change.content_mismatch"
    COUNTER_MISMATCH = "auth.counter_mismatch"
    AGENCY_MISMATCH = "auth.agency_mismatch"
    CODE_FORMAT = "code.format"
    CODE_SLOT = "code.slot"
    CODE_TAKEN = "code.taken"
    DOSSIER_EXISTS = "dossier.exists"
    DOSSIER_UNKNOWN = "dossier.unknown"
    DOSSIER_BLOCKED = "dossier.blocked"
    VERSION_CONFLICT = "version.conflict"
    VERSION_AHEAD = "version.ahead"
    EVENT_EXISTS = "event.exists"
    TRANSITION = "transition.forbidden"  # also an unknown action, or not from the current status
    STATE_MISMATCH = "event.state_mismatch"  # the state sent disagrees with what the event may change
    PAYLOAD_INVALID = "payload.invalid"
    PAYLOAD_TOO_LARGE = "payload.too_large"
    KIND_UNKNOWN = "kind.unknown"
    OFFICER_INVALID = "officer.invalid"  # the officer is not an account name of the counter
    OFFICER_MISMATCH = "officer.mismatch"  # the events name another officer than the change
    ATTACHMENT_EXISTS = "attachment.exists"  # another change already recorded this attachment
    REQUEST_TOO_LARGE = "request.too_large"


@dataclass(frozen=True)
class Change:
    """One local change as it travels: made on the counter, keyed by its UUIDv7 `change_id`."""

    change_id: str
    kind: str
    dossier_id: str | None
    counter: int
    officer: str
    created_at: str  # device time, ISO text
    payload: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "change_id": self.change_id,
            "kind": self.kind,
            "dossier_id": self.dossier_id,
            "counter": self.counter,
            "officer": self.officer,
            "created_at": self.created_at,
            "payload": self.payload,
        }


@dataclass(frozen=True)
class ChangeResult:
    """The server's answer to one change. `original` is set on duplicates: the result first given."""

    change_id: str
    result: Result
    reason: str = ""
    original: str = ""
    version: int | None = None  # the dossier's version on the server after the answer

    def to_dict(self) -> dict[str, Any]:
        return {
            "change_id": self.change_id,
            "result": self.result.value,
            "reason": self.reason,
            "original": self.original,
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ChangeResult:
        version = d.get("version")
        return cls(
            change_id=str(d["change_id"]),
            result=Result(str(d["result"])),
            reason=str(d.get("reason") or ""),
            original=str(d.get("original") or ""),
            version=int(version) if version is not None else None,
        )

    @property
    def landed(self) -> bool:
        """True when the change is on the server: applied now, or applied by an earlier copy."""
        return self.result is Result.APPLIED or (
            self.result is Result.DUPLICATE and self.original == Result.APPLIED.value
        )


def canonical_json(obj: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, no spaces, UTF-8) for hashing."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(change: Mapping[str, Any]) -> str:
    """SHA-256 of everything a change says except its ID: equal hashes mean the same change."""
    return hash_and_size(change)[0]


def hash_and_size(change: Mapping[str, Any]) -> tuple[str, int]:
    """The content hash and the size in bytes of the change's canonical JSON (one serialisation for both)."""
    body = {k: change.get(k) for k in ("kind", "dossier_id", "counter", "officer", "created_at", "payload")}
    raw = canonical_json(body)
    return hashlib.sha256(raw).hexdigest(), len(raw)


def utc_now() -> datetime:
    return datetime.now(UTC)


def time_text(moment: datetime) -> str:
    """UTC ISO text with milliseconds, e.g. `2026-11-23T02:00:00.000+00:00`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_time(text: str) -> datetime:
    """Parse ISO text; naive values are taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
