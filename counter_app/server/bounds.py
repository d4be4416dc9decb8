"""The limits of what the server accepts, in one place: a bounded, strictly typed field for every part of the
sync wire, and the shapes of a change's payload, so nothing out of range ever reaches the database.

Everything is strict: a boolean or the text "1" is not an integer (39.0 is: JSON has one kind of number). Integers stay inside the column they land in
(32-bit for counters, versions and numbers stored as `INTEGER`, 64-bit for feed cursors); texts have a maximum
length and never carry a NUL character (PostgreSQL refuses them) or a lone surrogate (not UTF-8); numbers are
finite; a payload is JSON no deeper than `MAX_DEPTH`. A request breaking these is answered 422 as a whole; a
payload that is well-formed JSON but not the shape of a dossier or an event (a NUL in a text, a number out of range) is one
change `rejected`, and the rest of the batch goes on.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
)

from ..core import attachments
from ..core.wire import MAX_CHANGE_BYTES, MAX_PULL_LIMIT

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
#: Deepest nesting of objects and lists inside one payload (a dossier needs five levels).
MAX_DEPTH = 16
MAX_ID = 64
MAX_NAME = 200
#: Free text (a reason, a note) may be long; the change as a whole is capped at MAX_CHANGE_BYTES.
MAX_TEXT = MAX_CHANGE_BYTES
#: Earliest and latest year a date on the wire may carry (birth dates included).
YEARS = (1900, 2199)

_NO_NUL = r"^[^\x00]*$"
_STRICT = ConfigDict(strict=True, extra="forbid")


Id = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_ID, pattern=r"^[!-~]+$"),
    Field(description="an identifier made on the counter: printable ASCII, no spaces"),
]
Name = Annotated[str, StringConstraints(max_length=MAX_NAME, pattern=_NO_NUL)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT, pattern=_NO_NUL)]
ShortText = Annotated[str, StringConstraints(max_length=MAX_ID, pattern=_NO_NUL)]


def _integral(value: object) -> object:
    """JSON has one kind of number: 39.0 is the integer 39, as JSON Schema says; 39.5, true and "39" are not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_INTEGRAL = BeforeValidator(_integral)
CounterNumber = Annotated[
    int, Field(strict=True, ge=1, le=99, description="the counter's number, 1–99"), _INTEGRAL
]
#: The counter a change comes from: 0 only for what a counter records before it has a number (audit entries).
ChangeCounter = Annotated[
    int, Field(strict=True, ge=0, le=99, description="the counter's number (0: not yet set up)"), _INTEGRAL
]
Version = Annotated[int, Field(strict=True, ge=0, le=INT32_MAX), _INTEGRAL]
Count = Annotated[int, Field(strict=True, ge=0, le=INT32_MAX), _INTEGRAL]
StatusNumber = Annotated[int, Field(strict=True, ge=1, le=10, description="national status 1–10"), _INTEGRAL]
Cursor = Annotated[int, Field(ge=0, le=INT64_MAX, description="the last feed position already applied")]
PullLimit = Annotated[int, Field(ge=1, le=MAX_PULL_LIMIT)]


def _walk(value: Any) -> Iterator[tuple[Any, int]]:
    """Every value inside `value` with its depth (1 for `value` itself), keys included; no recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        yield item, depth
        if isinstance(item, dict):
            stack.extend((key, depth) for key in item)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def _carried_json(value: dict[str, Any]) -> dict[str, Any]:
    """What JSON carries faithfully: at most MAX_DEPTH levels, finite numbers, UTF-8 texts."""
    for item, depth in _walk(value):
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise ValueError("payload.too_deep")
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("text.not_unicode") from None
        elif isinstance(item, float) and not math.isfinite(item):
            raise ValueError("payload.number_not_finite")
    return value


def _plain_data(value: dict[str, Any]) -> dict[str, Any]:
    """Free-form event details: texts without NUL, 64-bit integers."""
    for item, _depth in _walk(value):
        if isinstance(item, str) and "\x00" in item:
            raise ValueError("text.nul")
        if isinstance(item, int) and not -INT64_MAX - 1 <= item <= INT64_MAX:
            raise ValueError("integer.range")
    return value


Payload = Annotated[
    dict[str, Any],
    AfterValidator(_carried_json),
    Field(
        description=f"a dossier (`dossier.create`) or an event (`dossier.event`): JSON at most {MAX_DEPTH} "
        "levels deep with finite numbers; a payload that is not the shape of its kind is rejected on its own"
    ),
]


# ---- the payload shapes, checked one change at a time ------------------------------------------------------
def _moment(text: str) -> str:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None or not YEARS[0] <= moment.year <= YEARS[1]:
        raise ValueError("datetime.range")
    return text


def _day(text: str) -> str:
    if not YEARS[0] <= date.fromisoformat(text).year <= YEARS[1]:
        raise ValueError("date.range")
    return text


Moment = Annotated[str, StringConstraints(max_length=32), AfterValidator(_moment)]
Day = Annotated[str, StringConstraints(max_length=16), AfterValidator(_day)]
FiniteFloat = Annotated[float, Field(allow_inf_nan=False, ge=0, le=100_000)]


class _Shape(BaseModel):
    model_config = _STRICT


class PersonIn(_Shape):
    name: Name
    identifier: Name = ""
    id_type: ShortText = "personal-id"
    kind: ShortText = "citizen"
    address: Text = ""
    phone: Name = ""
    email: Name = ""
    birth_date: Day | None = None


class RepresentativeIn(_Shape):
    person: PersonIn
    authorisation_paper: Text = ""


class FeeIn(_Shape):
    name: Text
    amount: Count


class ProcedureComponentIn(_Shape):
    number: Count
    name: Text
    originals: Count = 0
    certified_copies: Count = 0
    photocopies: Count = 0
    shown_only: bool = False
    required: bool = True
    note: Text = ""


class ProcedureIn(_Shape):
    code: ShortText
    name: Text
    field: Text
    level: Name = "xã"
    resolving_agency: Text = ""
    duration: FiniteFloat = 1
    duration_unit: ShortText = "working-days"
    same_day_cutoff: ShortText | None = None
    fees: list[FeeIn] = []
    fully_online: bool = False
    legal_basis: Text = ""
    components: list[ProcedureComponentIn] = []


class HandedIn(_Shape):
    number: Count
    name: Text
    originals: Count = 0
    certified_copies: Count = 0
    photocopies: Count = 0
    shown: bool = False


class EventIn(_Shape):
    id: Id
    at: Moment
    officer: Name = ""
    action: ShortText
    from_status: StatusNumber | None = None
    to_status: StatusNumber
    unit: Text = ""
    receiver: Text = ""
    note: Text = ""
    data: Annotated[dict[str, Any], AfterValidator(_plain_data)] = {}


class DossierIn(_Shape):
    """`dossier.create`: the dossier as `core.serial.dossier_to_dict` writes it, history included."""

    id: Id
    code: ShortText | None
    agency_id: ShortText
    procedure: ProcedureIn
    applicant: PersonIn
    representative: RepresentativeIn | None = None
    status: StatusNumber
    received_at: Moment
    officer: Name
    counter: CounterNumber
    components: list[HandedIn] = []
    sets: Annotated[int, Field(strict=True, ge=1, le=999), _INTEGRAL] = 1
    channel: Annotated[int, Field(strict=True, ge=1, le=3), _INTEGRAL] = 1
    appointment: Moment | None = None
    new_appointment: Moment | None = None
    unit: Text = ""
    missing: list[Text] = []
    reason: Text = ""
    book_volume: ShortText = ""
    book_entry: Count | None = None
    history: list[EventIn]
    version: Version


class StateIn(_Shape):
    """What the counter says the dossier looks like after its event (checked against what the rules derive)."""

    status: StatusNumber
    unit: Text = ""
    appointment: Moment | None = None
    new_appointment: Moment | None = None
    missing: list[Text] = []
    reason: Text = ""
    version: Version


class EventChangeIn(_Shape):
    """`dossier.event`: one new history event of a dossier, made on `base_version`."""

    dossier_id: Id
    code: ShortText | None = None
    base_version: Version
    event: EventIn
    state: StateIn


class AttachmentIn(_Shape):
    """`attachment.add`: a digitised paper of a dossier (its PDF is uploaded after, under `sha256`)."""

    id: Id
    dossier_id: Id
    kind: Literal["component", "result"]
    component: Annotated[int, Field(ge=1, le=999)] | None = None
    name: Text
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    pages: Annotated[int, Field(ge=1, le=attachments.MAX_PAGES)]
    bytes: Annotated[int, Field(ge=1, le=attachments.MAX_BYTES)]
    created_at: Moment


DOSSIER_CREATE: TypeAdapter[DossierIn] = TypeAdapter(DossierIn)
DOSSIER_EVENT: TypeAdapter[EventChangeIn] = TypeAdapter(EventChangeIn)
ATTACHMENT_ADD: TypeAdapter[AttachmentIn] = TypeAdapter(AttachmentIn)
