"""Joining a central server: check the token, compare identities, remember server and token on the counter."""

from __future__ import annotations

from collections.abc import Callable

from ..storage.outbox import SyncStateRepository
from ..storage.store import CounterStore
from . import settings as keys
from .client import Identity, SyncClient, SyncError
from .wire import time_text, utc_now


class IdentityMismatch(SyncError):
    """The token belongs to another agency or counter number than this counter's configuration."""

    code = "sync.identity_mismatch"


def join_server(
    store: CounterStore,
    url: str,
    token: str,
    *,
    client_factory: Callable[[str, str], SyncClient] = SyncClient,
) -> Identity:
    """Ask the server who `token` is, check it matches the configured unit, then save URL, token and identity.

    A counter not yet configured may join first; its later setup must use the same agency and number.
    Joining another server starts downloads from the beginning; the outbox is kept as it is.
    """
    url = url.strip().rstrip("/")
    with client_factory(url, token.strip()) as client:
        identity = client.enrol()
    unit = store.unit()
    if unit is not None and (unit.agency_id != identity.agency_id or unit.counter != identity.counter):
        raise IdentityMismatch(
            agency_id=identity.agency_id,
            counter=identity.counter,
            local_agency_id=unit.agency_id,
            local_counter=unit.counter,
        )
    state = SyncStateRepository(store.db, store.models)
    values: dict[str, str | None] = {
        keys.SERVER_URL: url,
        keys.TOKEN: token.strip(),
        keys.AGENCY_ID: identity.agency_id,
        keys.COUNTER: str(identity.counter),
        keys.ENROLLED_AT: time_text(utc_now()),
    }
    if state.get(keys.SERVER_URL) not in (None, url):
        values[keys.PULL_CURSOR] = None
    skew = identity.timed.skew_s
    if skew is not None:
        values[keys.CLOCK_SKEW] = f"{skew:.3f}"
    state.set_many(values)
    return identity
