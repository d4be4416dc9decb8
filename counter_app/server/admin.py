"""Administration of the server's data: enrolling and revoking counters, and publishing catalogue and calendar."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from ..core.catalogue import procedure_to_dict
from ..core.codes import (
    DEFAULT_SLOT_DIGITS,
    MAX_COUNTER_ONE_DIGIT,
    CodeSchemeError,
    check_agency_id,
    check_counter,
    check_scheme_change,
    check_slot_digits,
    parse_code,
)
from ..core.errors import DomainError, NotFoundError, ValidationError
from ..core.model import Procedure
from ..core.text import nfc
from ..core.wire import time_text, utc_now
from .database import is_postgres, write_transaction


@dataclass(frozen=True)
class Caller:
    """The counter a request comes from, as its credential proves."""

    agency_id: str
    counter: int


@dataclass(frozen=True)
class Enrolment:
    """What one installation receives for its one-time token: its identity, its own credential, and what the
    server knows of its code slot (the unit's slot width, the highest running number per day, and whether the
    slot was used before)."""

    caller: Caller
    credential: str
    slot_numbers: dict[str, int]
    reinstalled: bool
    slot_digits: int = DEFAULT_SLOT_DIGITS


class CounterExistsError(DomainError):
    """The counter is already enrolled and active; revoke it first to issue a new token."""

    code = "counter.exists"


class SlotDigitsFixedError(DomainError):
    """The agency uses one-digit slots and a counter has joined with them: it may hold one-digit codes not yet
    sent, which two-digit slots would read as another counter's (params: agency_id)."""

    code = "code_scheme.fixed"


TOKEN_PREFIX = "qmc_"


def new_token(random_text: Callable[[int], str] = secrets.token_urlsafe) -> str:
    """A random 32-byte token, URL-safe text behind a fixed prefix; shown once, stored only as its hash.

    The IT officer types it after `counter-app setup --token`: URL-safe text starts with "-" one time in 64,
    which a command line reads as an option, so the prefix keeps every token an argument (and says what it is).
    """
    return TOKEN_PREFIX + random_text(32)


def hash_token(token: str) -> str:
    """SHA-256 of the token: enough for 256 random bits, and lets a lookup use the index."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def ensure_agency(m: SimpleNamespace, agency_id: str, slot_digits: int = DEFAULT_SLOT_DIGITS) -> str:
    """The agency's row, made on first use with `slot_digits` (an existing agency keeps its own)."""
    agency_id = check_agency_id(agency_id)
    if m.Agency.get_or_none(m.Agency.agency_id == agency_id) is None:
        m.Agency.insert(
            agency_id=agency_id, created_at=time_text(utc_now()), slot_digits=slot_digits
        ).on_conflict_ignore().execute()
    return agency_id


def agency_slot_digits(m: SimpleNamespace, agency_id: str) -> int:
    """The agency's dossier-code slot width (two for an agency the server does not know)."""
    row = m.Agency.get_or_none(m.Agency.agency_id == agency_id)
    return int(row.slot_digits) if row is not None else DEFAULT_SLOT_DIGITS


def set_slot_digits(m: SimpleNamespace, agency_id: str, slot_digits: int) -> bool:
    """Change an existing agency's slot width (call inside a write transaction); returns whether it changed.

    Two digits → one: refused (`code_scheme.conflict`) when a counter numbered 10 or more was ever enrolled or
    a stored code would be read differently; codes already issued keep their meaning (`core.codes`), and
    counters hear of the change on their next pull. One digit → two: refused (`code_scheme.fixed`) once any
    installation has joined, since it may hold one-digit codes the server has not seen yet.
    """
    check_slot_digits(slot_digits)
    current = agency_slot_digits(m, agency_id)
    if slot_digits == current:
        return False
    C, D = m.Counter, m.Dossier
    mine = C.agency_id == agency_id
    if slot_digits == 1:
        high = C.select(C.number).where(mine & (C.number > MAX_COUNTER_ONE_DIGIT)).order_by(C.number).first()
        if high is not None:
            raise CodeSchemeError("code_scheme.counters", counter=high.number)
    elif C.select().where(mine & ((C.installations > 0) | C.enrolled_at.is_null(False))).exists():
        raise SlotDigitsFixedError(agency_id=agency_id)
    codes = (
        r[0] for r in D.select(D.code).where((D.agency_id == agency_id) & D.code.is_null(False)).tuples()
    )
    check_scheme_change(codes, current, slot_digits)
    lock_agency(m, agency_id)
    m.Agency.update(slot_digits=slot_digits).where(m.Agency.agency_id == agency_id).execute()
    log_change(m, agency_id, "code_scheme", "")
    return True


def add_counter(m: SimpleNamespace, agency_id: str, number: int, slot_digits: int | None = None) -> str:
    """Enrol counter `number` of the agency (or re-enrol a revoked one); returns the one-time token.

    `slot_digits` chooses the agency's dossier-code slot width: a new agency takes it (two when not given), an
    existing one changes to it under the rules of `set_slot_digits`. The number must fit the agency's width.
    """
    check_counter(number)
    if slot_digits is not None:
        check_slot_digits(slot_digits)
    token = new_token()
    now = time_text(utc_now())
    with write_transaction(m.db):
        agency_id = ensure_agency(m, agency_id, slot_digits or DEFAULT_SLOT_DIGITS)
        if slot_digits is not None:
            set_slot_digits(m, agency_id, slot_digits)
        check_counter(number, agency_slot_digits(m, agency_id))
        C = m.Counter
        row = C.get_or_none((C.agency_id == agency_id) & (C.number == number))
        if row is not None and not row.revoked:
            raise CounterExistsError(agency_id=agency_id, counter=number)
        if row is None:
            C.insert(
                agency_id=agency_id, number=number, token_hash=hash_token(token), created_at=now
            ).execute()
        else:  # a new installation for the number: the old credential stops working, the history stays
            C.update(
                token_hash=hash_token(token),
                credential_hash=None,
                enrolled_at=None,
                revoked=False,
                revoked_at=None,
                created_at=now,
            ).where(C.id == row.id).execute()
    return token


def revoke_counter(m: SimpleNamespace, agency_id: str, number: int) -> None:
    """Stop accepting the counter's token at once; its data stays."""
    C = m.Counter
    with write_transaction(m.db):
        changed = (
            C.update(revoked=True, revoked_at=time_text(utc_now()))
            .where((C.agency_id == agency_id.strip()) & (C.number == number))
            .execute()
        )
    if changed != 1:
        raise NotFoundError(kind="counter", key=f"{agency_id}/{number}")


class AuthError(DomainError):
    """The request's token is missing, unknown (`auth.invalid`) or revoked (`auth.revoked`)."""

    code = "auth.invalid"


def authenticate(m: SimpleNamespace, credential: str) -> Caller:
    """The counter owning `credential`; raises `AuthError` for an unknown or revoked one.

    A one-time enrolment token is not a credential: it only works on /v1/enrol, once.
    """
    row = m.db.execute_sql(
        f"SELECT agency_id, number, revoked FROM counters WHERE credential_hash = {m.db.param}",
        (hash_token(credential),),
    ).fetchone()
    if row is None:
        raise AuthError("auth.invalid")
    if row[2]:
        raise AuthError("auth.revoked")
    return Caller(str(row[0]), int(row[1]))


def enrol_installation(m: SimpleNamespace, token: str) -> Enrolment:
    """Spend a one-time token: exactly one caller wins it and gets a fresh credential for its installation.

    Raises `AuthError`: `auth.invalid` (unknown), `auth.revoked`, `auth.token_used` (already spent).
    """
    token_hash = hash_token(token)
    credential = new_token()
    C = m.Counter
    with write_transaction(m.db):
        row = C.get_or_none(C.token_hash == token_hash)
        if row is None:
            raise AuthError("auth.invalid")
        if row.revoked:
            raise AuthError("auth.revoked", agency_id=row.agency_id, counter=row.number)
        won = (
            C.update(
                credential_hash=hash_token(credential),
                enrolled_at=time_text(utc_now()),
                installations=C.installations + 1,
            )
            .where((C.id == row.id) & C.enrolled_at.is_null() & (C.token_hash == token_hash))
            .execute()
        )
        if won != 1:
            raise AuthError("auth.token_used", agency_id=row.agency_id, counter=row.number)
        caller = Caller(row.agency_id, row.number)
        digits = agency_slot_digits(m, caller.agency_id)
        numbers = slot_numbers(m, caller, digits)
    return Enrolment(
        caller, credential, numbers, reinstalled=row.installations > 0 or bool(numbers), slot_digits=digits
    )


def slot_numbers(m: SimpleNamespace, caller: Caller, slot_digits: int | None = None) -> dict[str, int]:
    """The highest running number the server holds per day ("YYMMDD") in the caller's code slot, codes read
    with the agency's slot width."""
    D = m.Dossier
    digits = agency_slot_digits(m, caller.agency_id) if slot_digits is None else slot_digits
    highest: dict[str, int] = {}
    query = D.select(D.code).where(
        (D.agency_id == caller.agency_id) & (D.counter == caller.counter) & D.code.is_null(False)
    )
    for (code,) in query.tuples().iterator():
        try:
            parsed = parse_code(code, digits)
        except ValidationError:
            continue
        if parsed.slot == caller.counter and parsed.agency_id == caller.agency_id:
            day = f"{parsed.day:%y%m%d}"
            highest[day] = max(highest.get(day, 0), parsed.number)
    return highest


def list_counters(m: SimpleNamespace) -> list[tuple[str, int, bool, str]]:
    """(agency, number, revoked, enrolled at) for every counter ever enrolled."""
    C = m.Counter
    return [
        (r.agency_id, r.number, bool(r.revoked), r.created_at)
        for r in C.select().order_by(C.agency_id, C.number)
    ]


def lock_agency(m: SimpleNamespace, agency_id: str) -> None:
    """Hold the agency's row until commit (PostgreSQL), so feed cursors of one agency commit in order.

    SQLite needs nothing: its write transactions already run one at a time.
    """
    if is_postgres(m.db):
        m.db.execute_sql("SELECT agency_id FROM agencies WHERE agency_id = %s FOR UPDATE", (agency_id,))


def log_change(m: SimpleNamespace, agency_id: str, kind: str, item_key: str) -> None:
    """Append one entry to the download feed; call inside the writing transaction."""
    m.ChangeLog.insert(
        agency_id=agency_id, kind=kind, item_key=item_key, logged_at=time_text(utc_now())
    ).execute()


def publish_catalogue(m: SimpleNamespace, agency_id: str, procedures: Sequence[Procedure]) -> None:
    """Replace the agency's catalogue; counters download it whole on their next pull."""
    data = json.dumps([procedure_to_dict(p) for p in procedures], ensure_ascii=False)
    with write_transaction(m.db):
        agency_id = ensure_agency(m, agency_id)
        lock_agency(m, agency_id)
        m.Catalogue.insert(agency_id=agency_id, data=data, updated_at=time_text(utc_now())).on_conflict(
            conflict_target=[m.Catalogue.agency_id],
            update={m.Catalogue.data: data, m.Catalogue.updated_at: time_text(utc_now())},
        ).execute()
        log_change(m, agency_id, "catalogue", "")


def set_day(
    m: SimpleNamespace,
    agency_id: str,
    day: date,
    kind: str | None,
    name: str = "",
    document: str = "",
    document_date: date | None = None,
) -> None:
    """Mark a day off or a working day for the agency; `kind=None` removes it.

    Without `document` it is the agency's own override (counters apply it above everything). With `document` (a
    government notice's number, and its date) it is a notice day: counters keep it with the notices shipped in
    `db/seed/days_off.json`, under their own overrides; `kind=None` with `document` removes the notice day.
    """
    if kind not in ("off", "work", None):
        raise ValidationError("kind", "calendar.kind")
    document = nfc(document).strip()
    if document_date is not None and not document:
        raise ValidationError("document_date", "calendar.document_date_alone")
    now = time_text(utc_now())
    table = m.CalendarNoticeDay if document else m.CalendarOverride
    values: dict[str, object] = {"kind": kind, "name": nfc(name), "updated_at": now}
    if document:
        values.update(document=document, document_date=document_date.isoformat() if document_date else None)
    with write_transaction(m.db):
        agency_id = ensure_agency(m, agency_id)
        lock_agency(m, agency_id)
        table.insert(agency_id=agency_id, day=day.isoformat(), **values).on_conflict(
            conflict_target=[table.agency_id, table.day],
            update={getattr(table, key): value for key, value in values.items()},
        ).execute()
        log_change(m, agency_id, "calendar_notice" if document else "calendar", day.isoformat())
