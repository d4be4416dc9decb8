"""Who did it, on the server: a change names an account of the counter that the credential proves, never free
text, and its events name the same officer; the server stores the actor as agency/counter/account."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from counter_app.core.ids import new_id
from counter_app.core.intake import advance, new_dossier, receive
from counter_app.core.model import Person, Procedure, Status
from counter_app.core.serial import dossier_to_dict, event_to_dict
from counter_app.server.admin import add_counter
from counter_app.server.process import ServerProcess

AGENCY = "000.00.06.H56"
AT = datetime(2026, 11, 23, 9, 0)


def _client(server: ServerProcess, admin) -> httpx.Client:
    token = add_counter(admin, AGENCY, 1)
    credential = httpx.post(f"{server.url}/v1/enrol", headers={"Authorization": f"Bearer {token}"}).json()[
        "credential"
    ]
    return httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {credential}"}, timeout=30)


def _change(kind: str, dossier_id: str, officer: str, payload: dict) -> dict:
    return {
        "change_id": new_id(),
        "kind": kind,
        "dossier_id": dossier_id,
        "counter": 1,
        "officer": officer,
        "created_at": "2026-11-23T09:00:00",
        "payload": payload,
    }


def test_officers_are_accounts_of_the_counter_and_the_actor_is_stored(server: ServerProcess, admin) -> None:
    client = _client(server, admin)
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch"),
        applicant=Person("Nguyễn Văn Đức"),
        at=AT,
        officer="canbo",
        counter=1,
    )
    d = receive(draft, f"{AGENCY}-261123-0101", AT + timedelta(days=3))

    def push(*changes: dict) -> list[tuple[str, str]]:
        answer = client.post("/v1/push", json={"changes": list(changes)})
        assert answer.status_code == 200, answer.text
        return [(r["result"], r["reason"]) for r in answer.json()["results"]]

    free_text = _change("dossier.create", d.id, "Nguyễn Văn A (giám đốc)", dossier_to_dict(d))
    assert push(free_text) == [("rejected", "officer.invalid")]
    someone_else = _change("dossier.create", d.id, "xuly", dossier_to_dict(d))
    assert push(someone_else) == [("rejected", "officer.mismatch")]
    created = _change("dossier.create", d.id, "canbo", dossier_to_dict(d))
    assert push(created) == [("applied", "")]

    moved = advance(d, Status.PROCESSING, officer="xuly", at=AT + timedelta(hours=1), unit="Tư pháp")
    event_payload = {
        "dossier_id": d.id,
        "code": d.code,
        "base_version": d.version,
        "event": event_to_dict(moved.history[-1]),
        "state": {
            "status": int(moved.status),
            "unit": moved.unit,
            "appointment": moved.appointment.isoformat(timespec="seconds") if moved.appointment else None,
            "new_appointment": None,
            "missing": [],
            "reason": "",
            "version": moved.version,
        },
    }
    assert push(_change("dossier.event", d.id, "canbo", event_payload)) == [("rejected", "officer.mismatch")]
    assert push(_change("dossier.event", d.id, "xuly", event_payload)) == [("applied", "")]
    actors = {r.change_id: r.actor for r in admin.Change.select() if r.result == "applied"}
    assert sorted(actors.values()) == [f"{AGENCY}/01/canbo", f"{AGENCY}/01/xuly"]
    client.close()
