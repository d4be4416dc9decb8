"""Console sessions: a random cookie (the database keeps only its SHA-256), a form token per session, two expiries.

A session ends after `IDLE` without a request, or `ABSOLUTE` after sign-in whatever happens, or at sign-out. Its
`last_seen_at` is written at most once per `TOUCH_EVERY`, so reading pages does not write on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace

from ...core.wire import parse_time, time_text, utc_now
from ..database import write_transaction
from .accounts import ServerAccount, account_by_id

IDLE = timedelta(minutes=30)
ABSOLUTE = timedelta(hours=12)
TOUCH_EVERY = timedelta(minutes=1)
#: Longest cookie or form token read from a request (longer ones are not looked up).
MAX_TOKEN = 128


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    token_hash: str
    account: ServerAccount
    csrf_token: str

    def csrf_matches(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(self.csrf_token.encode(), str(sent)[:MAX_TOKEN].encode())


class Sessions:
    """Opens, finds and ends sessions in the server database; `clock` is the server's (UTC) clock."""

    def __init__(self, m: SimpleNamespace, clock: Callable[[], datetime] = utc_now) -> None:
        self.m = m
        self.clock = clock

    def open(self, account: ServerAccount) -> tuple[str, Session]:
        """A new session for `account`: (the cookie's value, the session)."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        now = self.clock()
        S = self.m.ConsoleSession
        with write_transaction(self.m.db):
            S.insert(
                token_hash=_hash(token),
                account_id=account.id,
                csrf_token=csrf,
                created_at=time_text(now),
                expires_at=time_text(now + ABSOLUTE),
                last_seen_at=time_text(now),
            ).execute()
            # sessions of anyone that ran out are removed now and then, by whoever signs in
            S.delete().where(S.expires_at < time_text(now)).execute()
        return token, Session(_hash(token), account, csrf)

    def find(self, token: str | None) -> Session | None:
        """The live session of this cookie (its idle time restarted), or None: unknown, expired, account disabled."""
        if not token or len(token) > MAX_TOKEN:
            return None
        S = self.m.ConsoleSession
        row = S.get_or_none(S.token_hash == _hash(token))
        if row is None:
            return None
        now = self.clock()
        seen = parse_time(row.last_seen_at)
        account = account_by_id(self.m, int(row.account_id))
        if account is None or now >= parse_time(row.expires_at) or now - seen >= IDLE:
            self.end(token)
            return None
        if now - seen >= TOUCH_EVERY:
            with write_transaction(self.m.db):
                S.update(last_seen_at=time_text(now)).where(S.token_hash == row.token_hash).execute()
        return Session(row.token_hash, account, row.csrf_token)

    def end(self, token: str | None) -> None:
        if not token or len(token) > MAX_TOKEN:
            return
        S = self.m.ConsoleSession
        with write_transaction(self.m.db):
            S.delete().where(S.token_hash == _hash(token)).execute()

    def end_all(self, account_id: int) -> None:
        S = self.m.ConsoleSession
        with write_transaction(self.m.db):
            S.delete().where(S.account_id == account_id).execute()
