"""Pieces of dossier data several forms print: the applicant's details, the representative, history look-ups."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from counter_app.core.model import Dossier, DossierEvent, Person, Status

from .layout import PaperSpec, field
from .wording import DOTS, ID_LABELS, addressee, text


def last_event(dossier: Dossier, matches: Callable[[DossierEvent], bool]) -> DossierEvent | None:
    """The most recent history event for which `matches` is true."""
    for event in reversed(dossier.history):
        if matches(event):
            return event
    return None


def returned_event(dossier: Dossier) -> DossierEvent | None:
    """The event that handed the result back: the move into RETURNED (later ratings and notes keep that status)."""
    return last_event(
        dossier, lambda e: e.to_status is Status.RETURNED and e.from_status is not Status.RETURNED
    )


def chosen_return_method(dossier: Dossier) -> str:
    """The latest `return_method` recorded in the history (`counter`, `post`), or empty."""
    event = last_event(dossier, lambda e: "return_method" in e.data)
    if event is None:
        return ""
    value = event.data["return_method"]
    return str(getattr(value, "value", value))


def document_number(dossier: Dossier) -> str:
    """What follows `Số:` in the header: the dossier code, or a blank to fill in by hand."""
    return dossier.code or DOTS


def person_fields(
    person: Person,
    spec: PaperSpec,
    *,
    name_label: str | None = None,
    address_blank: bool = True,
    joined: bool = False,
    also: Sequence[tuple[str, str]] = (),
) -> list[Flowable]:
    """Name (bold); identifier, phone and email (and `also`) on one line, or with `joined` on the name's line;
    address (dotted blank when unknown and wanted)."""
    label = name_label or addressee(person)
    details = [
        (ID_LABELS[person.id_type], person.identifier),
        ("Số điện thoại", person.phone),
        ("Email", person.email),
        *also,
    ]
    shown = [(key, value) for key, value in details if value]
    rows: list[Flowable] = []
    if joined:
        rest = "".join(f"; {text(key)}: {text(value)}" for key, value in shown)
        rows.append(field(label, f"<b>{text(person.name)}</b>{rest}", spec))
    else:
        rows.append(field(label, text(person.name), spec, bold=True))
        if shown:
            first_label, first_value = shown[0]
            rest = "".join(f"; {text(key)}: {text(value)}" for key, value in shown[1:])
            rows.append(field(first_label, text(first_value) + rest, spec))
    if person.address or address_blank:
        rows.append(field("Địa chỉ", text(person.address) if person.address else DOTS, spec))
    return rows


def representative_fields(dossier: Dossier, spec: PaperSpec, *, joined: bool = False) -> list[Flowable]:
    """The person acting for the applicant and their authorisation paper, when there is one (with `joined`, all on
    the name's line)."""
    rep = dossier.representative
    if rep is None:
        return []
    paper = [("Giấy ủy quyền", rep.authorisation_paper)]
    rows = person_fields(
        rep.person,
        spec,
        name_label="Người được ủy quyền",
        address_blank=False,
        joined=joined,
        also=paper if joined else (),
    )
    if rep.authorisation_paper and not joined:
        rows.append(field("Giấy ủy quyền", text(rep.authorisation_paper), spec))
    return rows
