"""Helpers of the web console's tests: the app in-process over a scratch server database, people with accounts,
signing in through the pages, and dossiers pushed to the server the way counters push them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from counter_app.core.ids import new_id
from counter_app.core.intake import advance, new_dossier, receive
from counter_app.core.model import Dossier, Person, Procedure, Status
from counter_app.core.serial import dossier_to_dict
from counter_app.server.admin import add_counter
from counter_app.server.console.accounts import ADMIN, PROVINCE_LEADER, UNIT_LEADER, add_account

AGENCY = "000.00.06.H56"
OTHER = "000.00.07.H56"
BIRTH = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", duration=3)
LAND = Procedure("1.004227", "Đăng ký biến động đất đai", "Đất đai", duration=10)
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Person_:
    username: str
    role: str
    unit: str | None
    password: str


PEOPLE = {
    "it": Person_("quantri", ADMIN, None, "quan-tri-may-chu-2026"),
    "h56": Person_("lanhdao.h56", UNIT_LEADER, AGENCY, "lanh-dao-phuong-h56"),
    "h57": Person_("lanhdao.h57", UNIT_LEADER, OTHER, "lanh-dao-phuong-h57"),
    "province": Person_("lanhdao.tinh", PROVINCE_LEADER, None, "lanh-dao-tinh-2026"),
}


def make_people(m: SimpleNamespace) -> None:
    for p in PEOPLE.values():
        add_account(m, p.username, p.role, p.password, p.unit, actor="cli")


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found is not None, html[:500]
    return found.group(1)


def sign_in(client: TestClient, who: str) -> Response:
    """Sign `who` (a key of PEOPLE) in through the sign-in page; returns the answer to the POST."""
    person = PEOPLE[who]
    form = client.get("/console/signin")
    assert form.status_code == 200
    return client.post(
        "/console/signin",
        data={"username": person.username, "password": person.password, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )


def signed_in(client: TestClient, who: str) -> TestClient:
    answer = sign_in(client, who)
    assert answer.status_code == 303, answer.text
    return client


def post_form(client: TestClient, page: str, action: str, data: dict[str, str]) -> Response:
    """POST `data` to `action` with the session's form token read from `page`."""
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**data, "csrf_token": token}, follow_redirects=False)


# ---- dossiers on the server, pushed as a counter pushes them ----------------------------------------------------
RECEIVED = datetime(2026, 11, 16, 9, 0)  # a Monday


def dossier(
    agency: str,
    counter: int,
    number: int,
    procedure: Procedure,
    at: datetime,
    steps: list[tuple[Status, datetime]],
) -> Dossier:
    draft = new_dossier(
        agency_id=agency,
        procedure=procedure,
        applicant=Person(f"Công dân {number}"),
        at=at,
        officer="canbo",
        counter=counter,
    )
    code = f"{agency}-{at:%y%m%d}-{counter:02d}{number:02d}"
    d = receive(draft, code, at + timedelta(days=3))
    for target, moment in steps:
        d = advance(d, target, officer="canbo", at=moment, unit="Tư pháp")
    return d


def enrol(client: TestClient, m: SimpleNamespace, agency: str, counter: int) -> str:
    """Enrol a counter of `agency`; returns its credential."""
    token = add_counter(m, agency, counter)
    answer = client.post("/v1/enrol", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["credential"])


def push(
    client: TestClient,
    credential: str,
    dossiers: list[Dossier],
    officer: str = "canbo",
    device_time: str = "2026-11-30T02:00:00+00:00",
    **headers: str,
) -> dict[str, Any]:
    changes = [
        {
            "change_id": new_id(),
            "kind": "dossier.create",
            "dossier_id": d.id,
            "counter": d.counter,
            "officer": officer,
            "created_at": d.received_at.isoformat(),
            "payload": dossier_to_dict(d),
        }
        for d in dossiers
    ]
    answer = client.post(
        "/v1/push",
        json={"changes": changes, "device_time": device_time},
        headers={"Authorization": f"Bearer {credential}", **headers},
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())
