"""Officer accounts: argon2-hashed passwords, roles, sign-in with lockout, and every sign-in and change audited."""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..core.errors import NotFoundError, ValidationError
from ..core.roles import Account, Role
from ..core.signin import SignInRefused, check_new_password
from ..core.text import nfc
from .signin_throttle import ThrottleStore

#: An argon2id hash (library defaults) of a random secret nobody knows: unknown names are checked against it, so
#: they cost one verification like a real account. A hasher with other parameters gets its own dummy.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$JlXmycFAFxJjQyx2xo7ldQ$RLos6FoY6+4rHFeaVjnUr897wT3O5cgU8yBvWRKB2Tg"
)
#: Longest typed name kept in the lockout table and the audit trail.
MAX_TYPED_NAME = 200


class AuditSink(Protocol):
    """What the accounts record into: the store's audit trail (`AuditRepository.record`)."""

    def record(
        self,
        kind: str,
        actor: str,
        *,
        dossier_id: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> object: ...


class AccountRepository:
    """Creates, lists and verifies accounts; never returns a hash. `audit` is None only in tools that keep none."""

    def __init__(
        self,
        models: SimpleNamespace,
        hasher: PasswordHasher | None = None,
        *,
        audit: AuditSink | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._m = models
        self._db = models.Account._meta.database
        self._hasher = hasher or PasswordHasher()
        self._audit = audit
        self._clock = clock
        self._throttle = ThrottleStore(self._db)
        self._dummy = DUMMY_HASH

    # ---- sign-in -----------------------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> Account:
        """The active account whose password this is; else `SignInRefused` (recorded, counted towards a wait)."""
        return self._authenticate(username, password, "signin", None)

    def unlock(self, officer: str, username: str, password: str) -> Account:
        """Who may unlock `officer`'s locked window: the officer, or an administrator; else `SignInRefused`."""
        return self._authenticate(username, password, "unlock", officer)

    def verify(self, username: str, password: str) -> Account | None:
        """`sign_in` for callers that only need yes or no: the account, or None for any refusal."""
        try:
            return self.sign_in(username, password)
        except SignInRefused:
            return None

    def sign_out(self, username: str) -> None:
        self._record("signout", username)

    def _authenticate(self, username: str, password: str, purpose: str, officer: str | None) -> Account:
        name = nfc(username).strip().lower()[:MAX_TYPED_NAME]
        row = self._m.Account.get_or_none(self._m.Account.username == name)
        matches = self._matches(row.password_hash if row is not None else self._dummy_hash(), password)
        with self._db.atomic():  # the count and the audit entries are kept even when the attempt is refused
            refusal = self._judge(name, row, matches, purpose, officer)
            if refusal is None:
                self._throttle.clear(name)
                if self._hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = self._hasher.hash(password)
                    row.save()
                self._record(f"{purpose}.ok", name, **_context(officer))
        if refusal is not None:
            raise refusal
        return _account(row)

    def _judge(
        self, name: str, row: Any, matches: bool, purpose: str, officer: str | None
    ) -> SignInRefused | None:
        """Why the attempt is refused (after counting and recording it), or None when it succeeds."""
        now = self._clock()
        throttle = self._throttle.get(name).current(now)
        if throttle.is_locked(now):
            self._record(f"{purpose}.failed", name, reason="locked", **_context(officer))
            return SignInRefused("signin.locked", minutes=_minutes(throttle.remaining(now).total_seconds()))
        reason = "unknown" if row is None else "inactive" if not row.active else "" if matches else "password"
        if reason:
            counted = throttle.after_failure(now)
            self._throttle.put(name, counted)
            self._record(f"{purpose}.failed", name, reason=reason, **_context(officer))
            if counted.locked_until is None:
                return SignInRefused("signin.refused")
            wait = counted.remaining(now).total_seconds()
            self._record("signin.locked", name, failures=counted.failures, seconds=int(wait))
            return SignInRefused("signin.locked", minutes=_minutes(wait))
        if officer is not None and name != officer and Role(row.role) is not Role.ADMIN:
            self._record("unlock.failed", name, reason="role", **_context(officer))
            return SignInRefused("unlock.not_allowed")
        return None

    def _matches(self, stored: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False

    def _dummy_hash(self) -> str:
        if self._hasher.check_needs_rehash(self._dummy):
            self._dummy = self._hasher.hash(secrets.token_urlsafe(24))
        return self._dummy

    # ---- accounts ----------------------------------------------------------------------------------------------
    def create(self, username: str, full_name: str, role: Role, password: str, *, by: str = "") -> Account:
        """A new active account; `by` is the acting administrator (the new account itself at first set-up)."""
        username = nfc(username).strip().lower()
        if not username or not username.replace(".", "").replace("_", "").isalnum():
            raise ValidationError("username", "username.format")
        if not nfc(full_name):
            raise ValidationError("full_name", "required")
        check_new_password(password)
        if self._m.Account.get_or_none(self._m.Account.username == username):
            raise ValidationError("username", "username.taken")
        with self._db.atomic():
            self._m.Account.insert(
                username=username,
                full_name=nfc(full_name),
                role=Role(role).value,
                password_hash=self._hasher.hash(password),
                created_at=self._clock().isoformat(timespec="seconds"),
            ).execute()
            self._record("account.create", by or username, username=username, role=Role(role).value)
        return Account(username, nfc(full_name), Role(role))

    def list(self) -> list[Account]:
        return [_account(r) for r in self._m.Account.select().order_by(self._m.Account.username)]

    def get(self, username: str) -> Account:
        row = self._m.Account.get_or_none(self._m.Account.username == username)
        if row is None:
            raise NotFoundError(kind="account", key=username)
        return _account(row)

    def set_active(self, username: str, active: bool, *, by: str = "") -> None:
        self.get(username)
        with self._db.atomic():
            self._m.Account.update(active=active).where(self._m.Account.username == username).execute()
            self._record("account.change", by or username, username=username, changed="active", active=active)

    def set_role(self, username: str, role: Role, *, by: str = "") -> None:
        self.get(username)
        with self._db.atomic():
            self._m.Account.update(role=Role(role).value).where(
                self._m.Account.username == username
            ).execute()
            self._record(
                "account.change", by or username, username=username, changed="role", role=Role(role).value
            )

    def set_password(self, username: str, password: str, *, by: str = "") -> None:
        """A new password (policy checked); a running lockout on the name ends with it."""
        self.get(username)
        check_new_password(password)
        with self._db.atomic():
            self._m.Account.update(password_hash=self._hasher.hash(password)).where(
                self._m.Account.username == username
            ).execute()
            self._throttle.clear(username)
            self._record("account.change", by or username, username=username, changed="password")

    def names(self) -> dict[str, str]:
        """username → full name, for signatures on printed forms."""
        return {
            r.username: r.full_name
            for r in self._m.Account.select(self._m.Account.username, self._m.Account.full_name)
        }

    def any_admin(self) -> bool:
        return self._m.Account.select().where(self._m.Account.role == Role.ADMIN.value).exists()

    def _record(self, kind: str, actor: str, **details: object) -> None:
        if self._audit is not None:
            self._audit.record(kind, actor, details=details)


def _context(officer: str | None) -> dict[str, object]:
    """What an unlock entry adds: whose window it was."""
    return {"officer": officer} if officer is not None else {}


def _minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def _account(row: object) -> Account:
    return Account(row.username, row.full_name, Role(row.role), bool(row.active))  # type: ignore[attr-defined]
