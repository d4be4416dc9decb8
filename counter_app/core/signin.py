"""Sign-in rules: the policy a new password must meet and the growing wait after repeated failed sign-ins.

Password policy: at least `MIN_PASSWORD_LENGTH` characters and not one of the common passwords shipped with
the application (`common_passwords.txt` beside this module; compared without regard to case). Passwords
stored before the policy existed keep working: the policy applies only where a password is set.

Lockout: after `FAILURES_BEFORE_WAIT` failed attempts in a row on one name the name waits `FIRST_WAIT`; each
further failure after a wait doubles it, up to `LONGEST_WAIT`. A success clears the count; failures older than
`FORGET_AFTER` are forgotten. Names that are no account are counted the same way, so the answers never tell a
real user name from an invented one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from .. import shipped
from .errors import DomainError, ValidationError
from .text import nfc

#: Codes this module and the sign-in raise (each has its sentence in counter_app/messages.py).
ERROR_CODES = (
    "password.too_short",
    "password.common",
    "signin.refused",
    "signin.locked",
    "unlock.not_allowed",
)

MIN_PASSWORD_LENGTH = 10

FAILURES_BEFORE_WAIT = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=24)


class SignInRefused(DomainError):
    """A sign-in or unlock was refused: `signin.refused` (wrong name, password or inactive account, never saying
    which), `signin.locked` (params: minutes to wait), `unlock.not_allowed` (not the officer nor an admin)."""

    code = "signin.refused"


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, folded to lower case (read once per process)."""
    text = shipped.common_passwords().read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_new_password(password: str) -> None:
    """Raise `ValidationError("password", …)` unless `password` meets the policy for new passwords."""
    if len(nfc(password)) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", "password.too_short", min=MIN_PASSWORD_LENGTH)
    if nfc(password).strip().casefold() in common_passwords():
        raise ValidationError("password", "password.common")


def wait_after(failures: int) -> timedelta:
    """How long a name waits after its `failures`-th failed attempt in a row (zero before the threshold)."""
    if failures < FAILURES_BEFORE_WAIT:
        return timedelta(0)
    doublings = min(failures - FAILURES_BEFORE_WAIT, 16)
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


@dataclass(frozen=True)
class Throttle:
    """The failed attempts in a row on one name and until when it must wait."""

    failures: int = 0
    last_failure: datetime | None = None
    locked_until: datetime | None = None

    def current(self, now: datetime) -> Throttle:
        """This state as it counts at `now`: old failures are forgotten once no wait is running."""
        if (
            self.last_failure is not None
            and now - self.last_failure >= FORGET_AFTER
            and not self.is_locked(now)
        ):
            return Throttle()
        return self

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def remaining(self, now: datetime) -> timedelta:
        """Time left to wait at `now` (zero when not locked)."""
        if self.locked_until is None or now >= self.locked_until:
            return timedelta(0)
        return self.locked_until - now

    def after_failure(self, now: datetime) -> Throttle:
        """The state after one more failed attempt at `now` (locked when the count reaches the threshold)."""
        counted = self.current(now)
        failures = counted.failures + 1
        wait = wait_after(failures)
        return replace(
            counted, failures=failures, last_failure=now, locked_until=now + wait if wait else None
        )
