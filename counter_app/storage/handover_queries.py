"""Reads and the one write of the result hand-over: a dossier with its officers' names, and the return with its rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..core.intake import rate, record_return
from ..core.model import Dossier, Rating, ReturnMethod
from .dossiers import StaleDossierError
from .store import CounterStore

#: How many dossiers a name or identifier search shows at most.
SEARCH_LIMIT = 30


@dataclass(frozen=True)
class HandoverLookup:
    """A dossier as the hand-over screen shows it, with usernames resolved to full names."""

    dossier: Dossier
    officer_names: dict[str, str]


@dataclass(frozen=True)
class Handover:
    """Who collects the result and how; `authorisation_paper` is empty when the applicant comes in person."""

    recipient_name: str
    recipient_id: str
    method: ReturnMethod = ReturnMethod.COUNTER
    authorisation_paper: str = ""
    note: str = ""


def lookup(store: CounterStore, key: str) -> HandoverLookup:
    """The dossier with code (or ID) `key`; raises `NotFoundError`."""
    return HandoverLookup(store.dossiers.get(key), store.accounts.names())


def search(store: CounterStore, text: str) -> list[Dossier]:
    """Dossiers whose code, applicant or representative name or identifier match `text` (tone marks ignored)."""
    return store.dossiers.search(text, limit=SEARCH_LIMIT)


def record_handover(
    store: CounterStore,
    seen: Dossier,
    handover: Handover,
    *,
    officer: str,
    at: datetime,
    rating: Rating | None = None,
    comment: str = "",
) -> Dossier:
    """Record the return (status 10) and, when given, the citizen's rating, in one transaction with the outbox.

    `seen` is the dossier the officer verified the recipient against; if it changed since, nothing is
    written and `StaleDossierError` is raised, so a result is never handed over on outdated information.
    """
    before = store.dossiers.get(seen.id)
    if before.version != seen.version:
        raise StaleDossierError()
    after = record_return(
        before,
        officer=officer,
        at=at,
        recipient_name=handover.recipient_name,
        recipient_id=handover.recipient_id,
        method=handover.method,
        authorisation_paper=handover.authorisation_paper,
        note=handover.note,
    )
    if rating is not None:
        after = rate(after, rating=rating, officer=officer, at=at, comment=comment)
    return store.dossiers.update(before, after, officer)
