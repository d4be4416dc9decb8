"""Joining a central server: spend the one-time token, compare identities, keep the installation's credential.

The token enrols exactly one installation; what the counter keeps is the credential the server generated for
it. The server also says the unit's dossier-code slot width, how far this counter number's codes went and
whether the number was used before: the counter takes the width, the running numbers move past those codes,
and a reinstalled counter issues no code until its first full sync.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

from ..core.codes import CodeSchemeError
from ..core.wire import time_text, utc_now
from ..storage.keystore import SYNC_CREDENTIAL, keep_secret, system_key_store
from ..storage.outbox import SyncStateRepository
from ..storage.store import CounterStore
from . import settings as keys
from .client import Identity, SyncClient, SyncError


class IdentityMismatch(SyncError):
    """The token belongs to another agency or counter number than this counter's configuration."""

    code = "sync.identity_mismatch"


class CodeSchemeMismatch(SyncError):
    """This counter already issued codes with a slot width that the unit's width on the server would read as
    another counter's (a standalone counter with one-digit slots joining a unit with two-digit slots)."""

    code = "sync.code_scheme_mismatch"


class InsecureServer(SyncError):
    """A plain http:// address that is not this machine: the token and every dossier would cross in clear."""

    code = "sync.insecure_url"


class BadServerUrl(SyncError):
    """The server address is not an http:// or https:// URL with a host."""

    code = "sync.bad_url"


def check_server_url(url: str, *, insecure: bool = False) -> str:
    """The URL to use; refuses plain http:// to anything but loopback unless `insecure` is given."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadServerUrl(url=url)
    if parts.scheme == "http" and not insecure and not _is_loopback(parts.hostname):
        raise InsecureServer(url=url)
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def join_server(
    store: CounterStore,
    url: str,
    token: str,
    *,
    insecure: bool = False,
    client_factory: Callable[[str, str], SyncClient] = SyncClient,
) -> Identity:
    """Spend `token` on the server, check the identity matches the configured unit and the codes it issued
    read the same under the unit's slot width, then save URL, credential, identity, slot width and the slot's
    running numbers (and a hold on codes for a reinstalled counter number).

    A counter not yet configured may join first; its later setup must use the same agency and number.
    Joining another server starts downloads from the beginning; the outbox is kept as it is.
    """
    url = check_server_url(url, insecure=insecure)
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
    try:
        store.dossiers.check_slot_digits_change(identity.slot_digits)
    except CodeSchemeError as exc:
        raise CodeSchemeMismatch(slot_digits=identity.slot_digits, example=exc.params.get("example")) from exc
    state = SyncStateRepository(store.db, store.models)
    values: dict[str, str | None] = {
        keys.SERVER_URL: url,
        # The credential goes to the operating system's key store; the database keeps a reference to it.
        keys.TOKEN: keep_secret(store.data_dir, system_key_store(), SYNC_CREDENTIAL, identity.credential),
        keys.INSECURE: "1" if insecure else None,
        keys.AGENCY_ID: identity.agency_id,
        keys.COUNTER: str(identity.counter),
        keys.ENROLLED_AT: time_text(utc_now()),
    }
    if state.get(keys.SERVER_URL) not in (None, url):
        values[keys.PULL_CURSOR] = None
    skew = identity.timed.skew_s
    if skew is not None:
        values[keys.CLOCK_SKEW] = f"{skew:.3f}"
    with store.db.atomic():
        state.set_many(values)
        store.dossiers.set_slot_digits(identity.slot_digits)
        store.dossiers.note_slot_numbers(identity.agency_id, identity.counter, identity.slot_numbers)
        if identity.reinstalled:
            store.dossiers.hold_codes_until_sync("reinstalled")
    return identity
