"""Result hand-over: find the dossier from a scan or a search, and record the return with the citizen's rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..core.intake import RECEPTION_UNIT, rate, record_return
from ..core.model import Dossier, Rating, ReturnMethod
from ..core.roles import Account, Operation
from ..storage.dossiers import StaleDossierError
from .base import Changes, CounterApp, Done, read_op, write_op
from .intake import centre_name

__all__ = ["SEARCH_LIMIT", "Handover", "HandoverLookup", "StaleDossierError", "lookup", "record", "search"]

#: How many dossiers a name or identifier search shows at most.
SEARCH_LIMIT = 30


@dataclass(frozen=True)
class HandoverLookup:
    """A dossier as the hand-over screen shows it, with usernames resolved to full names."""

    dossier: Dossier
    officer_names: dict[str, str]
    #: The first year without an official day-off notice: appointments from then on are provisional (None: unknown).
    provisional_from: int | None = None


@dataclass(frozen=True)
class Handover:
    """Who collects the result and how; `authorisation_paper` is empty when the applicant comes in person."""

    recipient_name: str
    recipient_id: str
    method: ReturnMethod = ReturnMethod.COUNTER
    authorisation_paper: str = ""
    note: str = ""


@read_op(Operation.VIEW)
def lookup(app: CounterApp, account: Account, key: str) -> HandoverLookup:
    """The dossier with code (or ID) `key`; raises `NotFoundError`."""
    first_provisional = app.store.calendar().notices.first_provisional_year
    return HandoverLookup(app.store.dossiers.get(key), app.store.accounts.names(), first_provisional)


@read_op(Operation.VIEW)
def search(app: CounterApp, account: Account, text: str) -> list[Dossier]:
    """Dossiers whose code, applicant or representative name or identifier match `text` (tone marks ignored)."""
    return app.store.dossiers.search(text, limit=SEARCH_LIMIT)


@write_op(Operation.HAND_OVER)
def record(
    app: CounterApp,
    account: Account,
    seen: Dossier,
    handover: Handover,
    *,
    at: datetime | None = None,
    rating: Rating | None = None,
    comment: str = "",
) -> Done[Dossier]:
    """Record the return (status 10) and, when given, the citizen's rating, in one transaction with the outbox.

    `seen` is the dossier the officer verified the recipient against; if it changed since, nothing is
    written and `StaleDossierError` is raised, so a result is never handed over on outdated information.
    """
    store = app.store
    when = at or app.now()
    before = store.dossiers.get(seen.id)
    if before.version != seen.version:
        raise StaleDossierError()
    after = record_return(
        before,
        officer=account.username,
        at=when,
        recipient_name=handover.recipient_name,
        recipient_id=handover.recipient_id,
        method=handover.method,
        authorisation_paper=handover.authorisation_paper,
        note=handover.note,
        unit=centre_name(app) or RECEPTION_UNIT,
    )
    if rating is not None:
        after = rate(after, rating=rating, officer=account.username, at=when, comment=comment)
    dossier = store.dossiers.update(before, after, account.username)
    return Done(dossier, Changes.of(dossiers=[dossier.id]))
