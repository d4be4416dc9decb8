"""Officer accounts: argon2-hashed passwords and roles (officer, processor, leader, admin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from types import SimpleNamespace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..core.errors import NotFoundError, ValidationError
from ..core.text import nfc


class Role(str, Enum):
    OFFICER = "officer"  # receiving officer at the counter
    PROCESSOR = "processor"  # processing officer: moves dossiers on, no intake
    LEADER = "leader"  # watches progress and figures
    ADMIN = "admin"  # manages the unit, accounts and catalogue


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    role: Role
    active: bool = True


MIN_PASSWORD = 8


class AccountRepository:
    """Creates, lists and verifies accounts; never returns a hash."""

    def __init__(self, models: SimpleNamespace, hasher: PasswordHasher | None = None) -> None:
        self._m = models
        self._hasher = hasher or PasswordHasher()

    def create(self, username: str, full_name: str, role: Role, password: str) -> Account:
        username = nfc(username).lower()
        if not username or not username.replace(".", "").replace("_", "").isalnum():
            raise ValidationError("username", "username.format")
        if not nfc(full_name):
            raise ValidationError("full_name", "required")
        if len(password) < MIN_PASSWORD:
            raise ValidationError("password", "password.too_short", min=MIN_PASSWORD)
        if self._m.Account.get_or_none(self._m.Account.username == username):
            raise ValidationError("username", "username.taken")
        self._m.Account.insert(
            username=username,
            full_name=nfc(full_name),
            role=Role(role).value,
            password_hash=self._hasher.hash(password),
            created_at=datetime.now().isoformat(timespec="seconds"),
        ).execute()
        return Account(username, nfc(full_name), Role(role))

    def verify(self, username: str, password: str) -> Account | None:
        """The account if the password matches and the account is active, else None."""
        row = self._m.Account.get_or_none(self._m.Account.username == nfc(username).lower())
        if row is None or not row.active:
            return None
        try:
            self._hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if self._hasher.check_needs_rehash(row.password_hash):
            row.password_hash = self._hasher.hash(password)
            row.save()
        return _account(row)

    def list(self) -> list[Account]:
        return [_account(r) for r in self._m.Account.select().order_by(self._m.Account.username)]

    def get(self, username: str) -> Account:
        row = self._m.Account.get_or_none(self._m.Account.username == username)
        if row is None:
            raise NotFoundError(kind="account", key=username)
        return _account(row)

    def set_active(self, username: str, active: bool) -> None:
        self.get(username)
        self._m.Account.update(active=active).where(self._m.Account.username == username).execute()

    def set_role(self, username: str, role: Role) -> None:
        self.get(username)
        self._m.Account.update(role=Role(role).value).where(self._m.Account.username == username).execute()

    def set_password(self, username: str, password: str) -> None:
        self.get(username)
        if len(password) < MIN_PASSWORD:
            raise ValidationError("password", "password.too_short", min=MIN_PASSWORD)
        self._m.Account.update(password_hash=self._hasher.hash(password)).where(
            self._m.Account.username == username
        ).execute()

    def names(self) -> dict[str, str]:
        """username → full name, for signatures on printed forms."""
        return {
            r.username: r.full_name
            for r in self._m.Account.select(self._m.Account.username, self._m.Account.full_name)
        }

    def any_admin(self) -> bool:
        return self._m.Account.select().where(self._m.Account.role == Role.ADMIN.value).exists()


def _account(row: object) -> Account:
    return Account(row.username, row.full_name, Role(row.role), bool(row.active))  # type: ignore[attr-defined]
