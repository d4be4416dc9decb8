"""Where the counter keeps its sync facts (in the local `sync_state` table) and the server it joined.

The credential itself lives in the operating system's key store where there is one; `sync_state` then holds
only a reference to it (`storage.keystore`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.keystore import reveal_secret
from ..storage.outbox import SyncStateRepository

SERVER_URL = "server_url"
TOKEN = "token"
AGENCY_ID = "agency_id"
COUNTER = "counter"
ENROLLED_AT = "enrolled_at"
PULL_CURSOR = "pull_cursor"
LAST_SUCCESS = "last_success"
LAST_ATTEMPT = "last_attempt"
LAST_OUTCOME = "last_outcome"
LAST_ERROR = "last_error"
CLOCK_SKEW = "clock_skew_s"
CYCLE_STARTED = "cycle_started_at"
LAST_BACKUP_DAY = "last_backup_day"
INSECURE = "insecure_http"
#: Prefix of the keys that park a downloaded item the counter could not apply ("download:<dossier id>").
PARKED_DOWNLOAD = "download:"


@dataclass(frozen=True)
class ServerSettings:
    """The server this counter joined and the identity the server gave it."""

    url: str
    token: str
    agency_id: str
    counter: int


def server_settings(state: SyncStateRepository) -> ServerSettings | None:
    """The joined server, or None; `KeyStoreError` when the credential is in a key store that does not answer."""
    values = state.values()
    try:
        url, stored, agency_id = values[SERVER_URL], values[TOKEN], values[AGENCY_ID]
        counter = int(values[COUNTER])
    except (KeyError, ValueError):
        return None
    return ServerSettings(url, reveal_secret(stored), agency_id, counter)
