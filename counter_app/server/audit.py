"""The server's side of the audit trail: each installation's chain is kept in order, and a gap, a fork or a bad
hash becomes an incident that an administrator sees (`counter-server audit-incidents`), never a silent accept.

The chain belongs to the counter that the credential proves (agency and number), whatever the change claims.
A gap (entries missing, e.g. outbox rows deleted on the counter) and a fork (a different entry for a number the
server already holds, e.g. after a restore from backup) are recorded and the chain goes on from the new entry,
so one incident does not turn every later entry into another one; an entry whose hash does not match its own
content is refused (and recorded). The counter sends its chain after its changes, on `POST /v1/audit`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..core.audit import GENESIS, KNOWN_KINDS, canonical, chain_hash, entry_from_dict
from .admin import Caller
from .bounds import _carried_json, _plain_data
from .database import write_transaction

#: Entries per request (the counter sends its chain in runs of at most this many).
MAX_AUDIT_BATCH = 500


@dataclass(frozen=True)
class Incident:
    agency_id: str
    counter: int
    chain_id: str
    seq: int
    kind: str  # gap | fork | hash
    detail: str
    at: str


class EntryIn(BaseModel):
    """One audit entry as the counter sends it (core.audit.AuditEntry.to_dict), bounded."""

    model_config = ConfigDict(strict=True, extra="forbid")

    seq: int = Field(ge=1, le=2**62)
    id: str = Field(min_length=1, max_length=64, pattern=r"^[!-~]+$")
    at: str = Field(max_length=64, pattern=r"^[^\x00]*$")
    counter: int = Field(ge=0, le=99)
    kind: str = Field(max_length=64)
    actor: str = Field(max_length=200, pattern=r"^[^\x00]*$")
    dossier_id: str | None = Field(default=None, max_length=64, pattern=r"^[!-~]+$")
    details: Annotated[dict[str, Any], AfterValidator(_carried_json), AfterValidator(_plain_data)] = Field(
        default_factory=dict
    )
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class AuditIn(BaseModel):
    """A run of the caller's chain, in order."""

    model_config = ConfigDict(strict=True, extra="forbid")

    chain_id: str = Field(min_length=1, max_length=64, pattern=r"^[!-~]+$")
    entries: list[EntryIn] = Field(max_length=MAX_AUDIT_BATCH)


class AuditOut(BaseModel):
    server_time: str
    head: int = Field(description="the highest entry number the server now holds of this chain")
    refused: list[int] = Field(description="entry numbers whose hash does not match their content")
    incidents: list[str] = Field(description="gap / fork found in this run (also kept on the server)")


@dataclass(frozen=True)
class AuditAnswer:
    head: int
    refused: list[int]
    incidents: list[str]


def append_entries(
    m: SimpleNamespace, caller: Caller, chain_id: str, entries: list[dict[str, Any]], now: str
) -> AuditAnswer:
    """Store a run of the caller's chain in one transaction; gaps and forks become incidents."""
    refused: list[int] = []
    incidents: list[str] = []
    with write_transaction(m.db):
        for raw in entries:
            outcome = _append_one(m, (caller.agency_id, caller.counter, chain_id), raw, now)
            if outcome == "audit.hash" or outcome == "payload.invalid":
                refused.append(int(raw.get("seq", 0)))
            elif outcome:
                incidents.append(f"{outcome}@{raw.get('seq')}")
        p = m.db.param
        row = m.db.execute_sql(
            f"SELECT MAX(seq) FROM audit_chain WHERE agency_id = {p} AND counter = {p} AND chain_id = {p} "
            f"AND superseded = {p}",
            (caller.agency_id, caller.counter, chain_id, False),
        ).fetchone()
    return AuditAnswer(int(row[0] or 0), refused, incidents)


def _append_one(m: SimpleNamespace, key: tuple[str, int, str], raw: Mapping[str, Any], now: str) -> str:
    """Store one entry of the chain `key`; returns "" or the incident/refusal code."""
    db = m.db
    p = db.param
    try:
        entry = entry_from_dict(raw)
    except (KeyError, TypeError, ValueError):
        return "payload.invalid"
    if entry.kind not in KNOWN_KINDS:
        return "payload.invalid"
    if chain_hash(entry.prev_hash, entry.body()) != entry.hash:
        _incident(m, key, entry.seq, "hash", f"entry {entry.id}", now)
        return "audit.hash"
    where = f"agency_id = {p} AND counter = {p} AND chain_id = {p} AND superseded = {p}"
    held = db.execute_sql(
        f"SELECT hash FROM audit_chain WHERE {where} AND seq = {p}", (*key, False, entry.seq)
    ).fetchone()
    if held is not None and held[0] == entry.hash:
        return ""  # sent again: already in the chain
    reason = ""
    if held is not None:  # another entry under this number: the counter's history was rewound
        _incident(m, key, entry.seq, "fork", f"held {held[0][:12]}, sent {entry.hash[:12]}", now)
        db.execute_sql(
            f"UPDATE audit_chain SET superseded = {p} WHERE {where} AND seq >= {p}",
            (True, *key, False, entry.seq),
        )
        reason = "audit.fork"
    head = db.execute_sql(
        f"SELECT seq, hash FROM audit_chain WHERE {where} ORDER BY seq DESC LIMIT 1", (*key, False)
    ).fetchone()
    expected_seq, expected_prev = (int(head[0]) + 1, str(head[1])) if head else (1, GENESIS)
    if not reason and entry.seq > expected_seq:
        _incident(m, key, expected_seq, "gap", f"entries {expected_seq}-{entry.seq - 1} never arrived", now)
        reason = "audit.gap"
    elif not reason and entry.seq == expected_seq and entry.prev_hash != expected_prev:
        _incident(m, key, entry.seq, "fork", "does not follow the previous entry", now)
        reason = "audit.fork"
    db.execute_sql(
        "INSERT INTO audit_chain (agency_id, counter, chain_id, seq, entry_id, kind, actor, at, prev_hash, hash, "
        f"data, received_at, superseded) VALUES ({', '.join([p] * 13)})",
        (
            *key,
            entry.seq,
            entry.id,
            entry.kind,
            entry.actor,
            entry.at,
            entry.prev_hash,
            entry.hash,
            canonical(entry.to_dict()),
            now,
            False,
        ),
    )
    return reason


def _incident(
    m: SimpleNamespace, key: tuple[str, int, str], seq: int, kind: str, detail: str, now: str
) -> None:
    p = m.db.param
    m.db.execute_sql(
        "INSERT INTO audit_incidents (agency_id, counter, chain_id, seq, kind, detail, at) "
        f"VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})",
        (*key, seq, kind, detail, now),
    )


def list_incidents(m: SimpleNamespace, agency_id: str | None = None) -> list[Incident]:
    """Every recorded break of a chain, oldest first (optionally of one agency)."""
    p = m.db.param
    sql = "SELECT agency_id, counter, chain_id, seq, kind, detail, at FROM audit_incidents"
    params: tuple[Any, ...] = ()
    if agency_id:
        sql += f" WHERE agency_id = {p}"
        params = (agency_id,)
    rows = m.db.execute_sql(sql + " ORDER BY id", params).fetchall()
    return [
        Incident(str(r[0]), int(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5]), str(r[6])) for r in rows
    ]


def chain_length(m: SimpleNamespace, agency_id: str, counter: int) -> int:
    p = m.db.param
    row = m.db.execute_sql(
        f"SELECT COUNT(*) FROM audit_chain WHERE agency_id = {p} AND counter = {p} AND superseded = {p}",
        (agency_id, counter, False),
    ).fetchone()
    return int(row[0])
