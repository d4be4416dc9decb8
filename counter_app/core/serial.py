"""Plain-dict form of dossiers and their parts: the one JSON shape used by storage, the CLI and the sync wire."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .catalogue import procedure_from_dict, procedure_to_dict
from .model import (
    ApplicantKind,
    Channel,
    Dossier,
    DossierEvent,
    HandedComponent,
    IdType,
    Person,
    Representative,
    Status,
)


def dt_text(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def parse_dt(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value not in (None, "") else None


def person_to_dict(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "identifier": p.identifier,
        "id_type": p.id_type.value,
        "kind": p.kind.slug,
        "address": p.address,
        "phone": p.phone,
        "email": p.email,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
    }


def person_from_dict(d: Mapping[str, Any]) -> Person:
    return Person(
        name=str(d["name"]),
        identifier=str(d.get("identifier") or ""),
        id_type=IdType(d.get("id_type") or IdType.PERSONAL_ID.value),
        kind=ApplicantKind.parse(str(d.get("kind") or "citizen")),
        address=str(d.get("address") or ""),
        phone=str(d.get("phone") or ""),
        email=str(d.get("email") or ""),
        birth_date=date.fromisoformat(d["birth_date"]) if d.get("birth_date") else None,
    )


def event_to_dict(e: DossierEvent) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": dt_text(e.at),
        "officer": e.officer,
        "action": e.action,
        "from_status": int(e.from_status) if e.from_status is not None else None,
        "to_status": int(e.to_status),
        "unit": e.unit,
        "receiver": e.receiver,
        "note": e.note,
        "data": dict(e.data),
    }


def event_from_dict(d: Mapping[str, Any]) -> DossierEvent:
    return DossierEvent(
        id=str(d["id"]),
        at=datetime.fromisoformat(str(d["at"])),
        officer=str(d.get("officer") or ""),
        action=str(d.get("action") or "advance"),
        to_status=Status(int(d["to_status"])),
        from_status=Status(int(d["from_status"])) if d.get("from_status") is not None else None,
        unit=str(d.get("unit") or ""),
        receiver=str(d.get("receiver") or ""),
        note=str(d.get("note") or ""),
        data=dict(d.get("data") or {}),
    )


def component_to_dict(c: HandedComponent) -> dict[str, Any]:
    return {
        "number": c.number,
        "name": c.name,
        "originals": c.originals,
        "certified_copies": c.certified_copies,
        "photocopies": c.photocopies,
        "shown": c.shown,
    }


def dossier_to_dict(d: Dossier) -> dict[str, Any]:
    """Full, lossless dict of a dossier (history included)."""
    return {
        "id": d.id,
        "code": d.code,
        "agency_id": d.agency_id,
        "procedure": procedure_to_dict(d.procedure, provenance=False),
        "applicant": person_to_dict(d.applicant),
        "representative": (
            {
                "person": person_to_dict(d.representative.person),
                "authorisation_paper": d.representative.authorisation_paper,
            }
            if d.representative
            else None
        ),
        "status": int(d.status),
        "received_at": dt_text(d.received_at),
        "officer": d.officer,
        "counter": d.counter,
        "components": [component_to_dict(c) for c in d.components],
        "sets": d.sets,
        "channel": int(d.channel),
        "appointment": dt_text(d.appointment),
        "new_appointment": dt_text(d.new_appointment),
        "unit": d.unit,
        "missing": list(d.missing),
        "reason": d.reason,
        "book_volume": d.book_volume,
        "book_entry": d.book_entry,
        "history": [event_to_dict(e) for e in d.history],
        "version": d.version,
    }


def clean_code(value: object) -> str | None:
    """A dossier code as it is stored and compared: white space around it removed, None when blank.

    Codes arrive typed, scanned and over the wire; "X " and "X" are one code, never two dossiers.
    """
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def dossier_from_dict(d: Mapping[str, Any]) -> Dossier:
    rep = d.get("representative")
    return Dossier(
        id=str(d["id"]).strip(),
        code=clean_code(d.get("code")),
        agency_id=str(d["agency_id"]),
        procedure=procedure_from_dict(d["procedure"]),
        applicant=person_from_dict(d["applicant"]),
        representative=(
            Representative(person_from_dict(rep["person"]), str(rep.get("authorisation_paper") or ""))
            if rep
            else None
        ),
        status=Status(int(d["status"])),
        received_at=datetime.fromisoformat(str(d["received_at"])),
        officer=str(d.get("officer") or ""),
        counter=int(d.get("counter") or 0),
        components=tuple(
            HandedComponent(
                int(c["number"]),
                str(c["name"]),
                int(c.get("originals", 0)),
                int(c.get("certified_copies", 0)),
                int(c.get("photocopies", 0)),
                bool(c.get("shown", False)),
            )
            for c in d.get("components") or []
        ),
        sets=int(d.get("sets") or 1),
        channel=Channel(int(d.get("channel") or 1)),
        appointment=parse_dt(d.get("appointment")),
        new_appointment=parse_dt(d.get("new_appointment")),
        unit=str(d.get("unit") or ""),
        missing=tuple(str(m) for m in d.get("missing") or []),
        reason=str(d.get("reason") or ""),
        book_volume=str(d.get("book_volume") or ""),
        book_entry=d.get("book_entry"),
        history=tuple(event_from_dict(e) for e in d.get("history") or []),
        version=int(d.get("version") or 1),
    )
