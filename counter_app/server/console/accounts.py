"""The web console's accounts: who may sign in to the server's pages, with which role, and the audit of what they do.

Three roles: the IT officer who runs the server (`admin`), the leader of one unit (`unit-leader`, bound to its
agency) and the province's leader (`province-leader`, every unit). Passwords follow the counter's rules
(`core.signin.check_new_password`: at least 10 characters, not a common password) and are stored as argon2id
hashes. Every administrative action, from the console or from `counter-server`, is a row of `console_audit`.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ...core.codes import check_agency_id
from ...core.errors import DomainError, ValidationError
from ...core.signin import check_new_password
from ...core.text import nfc
from ...core.wire import time_text, utc_now
from ..database import write_transaction

ADMIN, UNIT_LEADER, PROVINCE_LEADER = "admin", "unit-leader", "province-leader"
ROLES = (ADMIN, UNIT_LEADER, PROVINCE_LEADER)
#: The longest username accepted (typed names are cut to it before any look-up).
MAX_USERNAME = 64
#: The longest password accepted (argon2 hashes any length; this bounds the work a request can ask for).
MAX_PASSWORD = 256
#: The actor of actions taken with `counter-server` on the server's own machine.
CLI_ACTOR = "cli"

_HASHER = PasswordHasher()
#: Unknown names are verified against this hash of a secret nobody knows, so they cost what a real name costs.
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(24))


class ConsoleError(DomainError):
    """A console request or an account change refused; `code` names the sentence in counter_app/messages.py."""

    code = "console.refused"


@dataclass(frozen=True)
class ServerAccount:
    id: int
    username: str
    role: str
    agency_id: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def is_leader(self) -> bool:
        return self.role in (UNIT_LEADER, PROVINCE_LEADER)

    def may_see_unit(self, agency_id: str) -> bool:
        """Whether the leader's figures may show this unit (a unit leader: its own unit only)."""
        return self.role == PROVINCE_LEADER or (self.role == UNIT_LEADER and self.agency_id == agency_id)


def normal_username(username: str) -> str:
    """The stored form of a username: NFC, trimmed, lower case, cut to `MAX_USERNAME`."""
    return nfc(username).strip().lower()[:MAX_USERNAME]


def check_username(username: str) -> str:
    name = nfc(username).strip().lower()
    if not name or len(name) > MAX_USERNAME or not name.replace(".", "").replace("_", "").isalnum():
        raise ValidationError("username", "username.format")
    if not name.isascii():
        raise ValidationError("username", "username.format")
    return name


def check_role_unit(role: str, agency_id: str | None) -> str | None:
    """The unit an account of `role` is bound to: required for a unit leader, refused for the other roles."""
    if role not in ROLES:
        raise ConsoleError("console.role", role=role)
    if role == UNIT_LEADER:
        if not agency_id or not agency_id.strip():
            raise ConsoleError("console.unit_required")
        return check_agency_id(agency_id)
    if agency_id:
        raise ConsoleError("console.unit_not_allowed", role=role)
    return None


def add_account(
    m: SimpleNamespace, username: str, role: str, password: str, agency_id: str | None = None, *, actor: str
) -> ServerAccount:
    """A new console account; refused with a `ConsoleError` or `ValidationError` before anything is written."""
    name = check_username(username)
    unit = check_role_unit(role, agency_id)
    if len(password) > MAX_PASSWORD:
        raise ConsoleError("console.too_long", name="password", max=MAX_PASSWORD)
    check_new_password(password)
    password_hash = _HASHER.hash(password)
    A = m.ServerAccount
    with write_transaction(m.db):
        if A.get_or_none(A.username == name) is not None:
            raise ValidationError("username", "username.taken")
        account_id = A.insert(
            username=name,
            password_hash=password_hash,
            role=role,
            agency_id=unit,
            created_at=time_text(utc_now()),
            disabled=False,
        ).execute()
        record(m, actor, "user.add", {"username": name, "role": role, "unit": unit})
    return ServerAccount(int(account_id), name, role, unit)


def verify(m: SimpleNamespace, username: str, password: str) -> ServerAccount | None:
    """The active account whose password this is, or None; one argon2 verification whether the name exists or not."""
    name = normal_username(username)
    row = m.ServerAccount.get_or_none(m.ServerAccount.username == name)
    stored = row.password_hash if row is not None else _DUMMY_HASH
    try:
        matches = bool(_HASHER.verify(stored, password[:MAX_PASSWORD]))
    except (VerificationError, InvalidHashError):
        matches = False
    if row is None or not matches or row.disabled:
        return None
    if _HASHER.check_needs_rehash(row.password_hash):
        with write_transaction(m.db):
            m.ServerAccount.update(password_hash=_HASHER.hash(password)).where(
                m.ServerAccount.id == row.id
            ).execute()
    return account_of(row)


def account_of(row: Any) -> ServerAccount:
    return ServerAccount(int(row.id), str(row.username), str(row.role), row.agency_id)


def account_by_id(m: SimpleNamespace, account_id: int) -> ServerAccount | None:
    """The account, or None when it is unknown or disabled."""
    row = m.ServerAccount.get_or_none(m.ServerAccount.id == account_id)
    if row is None or row.disabled:
        return None
    return account_of(row)


def record(
    m: SimpleNamespace, actor: str, action: str, detail: dict[str, Any], at: datetime | None = None
) -> None:
    """One row of the administrative audit (call inside the action's transaction where there is one)."""
    m.ConsoleAudit.insert(
        at=time_text(at or utc_now()),
        actor=actor,
        action=action,
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
    ).execute()


def record_now(m: SimpleNamespace, actor: str, action: str, detail: dict[str, Any]) -> None:
    """`record` in a transaction of its own (after an action whose own function commits)."""
    with write_transaction(m.db):
        record(m, actor, action, detail)


@dataclass(frozen=True)
class AuditRow:
    at: str
    actor: str
    action: str
    detail: str


def audit_rows(m: SimpleNamespace, limit: int = 200, before: int | None = None) -> list[tuple[int, AuditRow]]:
    """The newest audit rows first (id, row); `before` pages back."""
    Q = m.ConsoleAudit
    query = Q.select().order_by(Q.id.desc()).limit(limit)
    if before is not None:
        query = query.where(Q.id < before)
    return [(int(r.id), AuditRow(r.at, r.actor, r.action, r.detail)) for r in query]
