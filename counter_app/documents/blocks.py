"""Pieces of dossier data several forms print: the applicant's details, the representative, history look-ups."""

from __future__ import annotations

from collections.abc import Callable

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
    person: Person, spec: PaperSpec, *, name_label: str | None = None, address_blank: bool = True
) -> list[Flowable]:
    """Name (bold); identifier, phone and email on one line; address (dotted blank when unknown and wanted)."""
    rows: list[Flowable] = [field(name_label or addressee(person), text(person.name), spec, bold=True)]
    details = [
        (ID_LABELS[person.id_type], person.identifier),
        ("Số điện thoại", person.phone),
        ("Email", person.email),
    ]
    shown = [(label, value) for label, value in details if value]
    if shown:
        first_label, first_value = shown[0]
        rest = "".join(f"; {text(label)}: {text(value)}" for label, value in shown[1:])
        rows.append(field(first_label, text(first_value) + rest, spec))
    if person.address or address_blank:
        rows.append(field("Địa chỉ", text(person.address) if person.address else DOTS, spec))
    return rows


def representative_fields(dossier: Dossier, spec: PaperSpec) -> list[Flowable]:
    """The person acting for the applicant and their authorisation paper, when there is one."""
    rep = dossier.representative
    if rep is None:
        return []
    rows = person_fields(rep.person, spec, name_label="Người được ủy quyền", address_blank=False)
    if rep.authorisation_paper:
        rows.append(field("Giấy ủy quyền", text(rep.authorisation_paper), spec))
    return rows
