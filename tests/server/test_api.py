"""The HTTP API of a real server process: auth, push results by rule, limits, the feed, OpenAPI and health."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from counter_app.core.ids import new_id
from counter_app.core.intake import advance, new_dossier, receive
from counter_app.core.model import Dossier, Person, Procedure, Status
from counter_app.core.serial import dossier_to_dict, event_to_dict
from counter_app.core.wire import MAX_BATCH, MAX_BODY_BYTES, SERVER_TIME_HEADER
from counter_app.server.admin import add_counter, publish_catalogue, set_day
from counter_app.server.process import ServerProcess
from counter_app.server.schema import latest_version

AGENCY = "000.00.06.H56"
OTHER_AGENCY = "000.00.07.H56"
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")
AT = datetime(2026, 11, 23, 9, 0)


def dossier(counter: int, number: int = 1, agency: str = AGENCY, slot: int | None = None) -> Dossier:
    draft = new_dossier(
        agency_id=agency,
        procedure=PROCEDURE,
        applicant=Person("Nguyễn Văn Đức"),
        at=AT,
        officer="canbo",
        counter=counter,
    )
    code = f"{agency}-261123-{(slot if slot is not None else counter):02d}{number:02d}"
    return receive(draft, code, AT + timedelta(days=3))


def create(d: Dossier, change_id: str | None = None, counter: int | None = None) -> dict[str, Any]:
    return {
        "change_id": change_id or new_id(),
        "kind": "dossier.create",
        "dossier_id": d.id,
        "counter": d.counter if counter is None else counter,
        "officer": d.officer,
        "created_at": "2026-11-23T09:00:00",
        "payload": dossier_to_dict(d),
    }


def move(before: Dossier, target: Status, base: int | None = None) -> tuple[Dossier, dict[str, Any]]:
    after = advance(before, target, officer="xuly", at=AT + timedelta(hours=1), unit="Tư pháp")
    payload = {
        "dossier_id": after.id,
        "code": after.code,
        "base_version": before.version if base is None else base,
        "event": event_to_dict(after.history[-1]),
        "state": {
            "status": int(after.status),
            "unit": after.unit,
            "appointment": None,
            "new_appointment": None,
            "missing": [],
            "reason": "",
            "version": after.version,
        },
    }
    payload["state"]["appointment"] = (
        after.appointment.isoformat(timespec="seconds") if after.appointment else None
    )
    change = {
        "change_id": new_id(),
        "kind": "dossier.event",
        "dossier_id": after.id,
        "counter": before.counter,
        "officer": "xuly",
        "created_at": "2026-11-23T10:00:00",
        "payload": payload,
    }
    return after, change


@pytest.fixture
def api(server: ServerProcess, admin):
    """An httpx client holding counter 1's token, and a way to get clients for other counters."""
    clients: list[httpx.Client] = []

    def client_for(counter: int, agency: str = AGENCY) -> httpx.Client:
        token = add_counter(admin, agency, counter)
        enrolled = httpx.post(
            f"{server.url}/v1/enrol", headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        assert enrolled.status_code == 200, enrolled.text
        credential = enrolled.json()["credential"]
        c = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {credential}"}, timeout=30)
        clients.append(c)
        return c

    yield client_for
    for c in clients:
        c.close()


def results(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    return [(r["result"], r["reason"] or r["original"]) for r in response.json()["results"]]


def test_health_openapi_and_server_clock(server: ServerProcess) -> None:
    health = httpx.get(f"{server.url}/health")
    assert (
        health.status_code == 200
        and health.json()["status"] == "ok"
        and health.json()["schema_version"] == latest_version()
    )
    assert SERVER_TIME_HEADER in health.headers
    spec = httpx.get(f"{server.url}/openapi.json").json()
    assert {"/v1/push", "/v1/pull", "/v1/enrol", "/health"} <= set(spec["paths"])
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_every_request_needs_a_valid_token(server: ServerProcess, api) -> None:
    assert httpx.post(f"{server.url}/v1/enrol").json() == {"error": "auth.missing"}
    bad = httpx.get(f"{server.url}/v1/pull", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.json()["error"] == "auth.invalid"
    bad_push = httpx.post(
        f"{server.url}/v1/push", json={"changes": []}, headers={"Authorization": "Bearer nope"}
    )
    assert bad_push.status_code == 401 and bad_push.json()["error"] == "auth.invalid"
    no_token = httpx.post(f"{server.url}/v1/push", json={"changes": []})
    assert no_token.status_code == 401 and no_token.headers["www-authenticate"] == "Bearer"
    three = api(3)
    me = three.get("/v1/pull")
    assert me.status_code == 200 and SERVER_TIME_HEADER.lower() in me.headers
    again = three.post("/v1/enrol")  # a credential is not an enrolment token
    assert again.status_code == 401 and again.json() == {"error": "auth.invalid"}


def test_applied_duplicate_and_content_conflict(api) -> None:
    c1 = api(1)
    d = dossier(1)
    change = create(d)
    assert results(c1.post("/v1/push", json={"changes": [change]})) == [("applied", "")]
    again = c1.post("/v1/push", json={"changes": [change]}).json()["results"][0]
    assert (again["result"], again["original"], again["version"]) == ("duplicate", "applied", 1)
    altered = {**change, "officer": "người khác"}
    assert results(c1.post("/v1/push", json={"changes": [altered]})) == [
        ("conflict", "change.content_mismatch")
    ]


def test_codes_only_in_the_callers_slot_and_dossiers_only_of_its_agency(api) -> None:
    c1 = api(1)
    assert results(c1.post("/v1/push", json={"changes": [create(dossier(1, slot=2))]})) == [
        ("rejected", "code.slot")
    ]
    assert results(c1.post("/v1/push", json={"changes": [create(dossier(2), counter=1)]})) == [
        ("rejected", "auth.counter_mismatch")
    ]
    foreign = dossier(1, agency=OTHER_AGENCY)
    assert results(c1.post("/v1/push", json={"changes": [create(foreign)]})) == [
        ("rejected", "auth.agency_mismatch")
    ]
    # counter 1 of another agency cannot move agency 1's dossier
    d = dossier(1)
    results(c1.post("/v1/push", json={"changes": [create(d)]}))
    outsider = api(1, OTHER_AGENCY)
    _, event = move(d, Status.PROCESSING)
    assert results(outsider.post("/v1/push", json={"changes": [event]})) == [
        ("rejected", "auth.agency_mismatch")
    ]


def test_events_apply_in_order_by_base_version(api) -> None:
    c1, c2 = api(1), api(2)
    d = dossier(1)
    results(c1.post("/v1/push", json={"changes": [create(d)]}))
    v2, first = move(d, Status.PROCESSING)
    v3, second = move(v2, Status.RESULT_READY)
    # ahead: the earlier event is missing, so "retry"; nothing is recorded
    assert results(c1.post("/v1/push", json={"changes": [second]})) == [("retry", "version.ahead")]
    # in one batch: the second waits behind a refused first one
    _, forbidden = move(d, Status.PROCESSING)
    forbidden["payload"]["event"]["to_status"] = int(Status.RETURNED)
    forbidden["payload"]["state"]["status"] = int(Status.RETURNED)
    assert results(c1.post("/v1/push", json={"changes": [forbidden, second]})) == [
        ("rejected", "transition.forbidden"),
        ("retry", "dossier.blocked"),
    ]
    assert results(c1.post("/v1/push", json={"changes": [first, second]})) == [
        ("applied", ""),
        ("applied", ""),
    ]
    # another counter writing on an old version: a conflict a person sees
    _, stale = move(v2, Status.STOPPED)
    stale["counter"] = 2
    assert results(c2.post("/v1/push", json={"changes": [stale]})) == [("conflict", "version.conflict")]
    page = c2.get("/v1/pull", params={"cursor": 0}).json()
    [item] = [i for i in page["items"] if i["kind"] == "dossier"]
    assert item["dossier"]["status"] == int(Status.RESULT_READY) and item["dossier"]["version"] == v3.version


def test_the_same_code_twice_is_a_conflict(api) -> None:
    c1 = api(1)
    results(c1.post("/v1/push", json={"changes": [create(dossier(1, number=7))]}))
    assert results(c1.post("/v1/push", json={"changes": [create(dossier(1, number=7))]})) == [
        ("conflict", "code.taken")
    ]


def test_size_and_batch_limits_answer_with_clear_json(server: ServerProcess, api) -> None:
    c1 = api(1)
    huge = c1.post(
        "/v1/push",
        content=b"{" + b" " * (MAX_BODY_BYTES + 10) + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and huge.json() == {"error": "request.too_large", "limit": MAX_BODY_BYTES}
    many = [create(dossier(1, number=i + 1)) for i in range(MAX_BATCH + 1)]
    for c in many:
        c["payload"] = {}
    too_many = c1.post("/v1/push", json={"changes": many})
    assert too_many.status_code == 422 and too_many.json()["error"] == "batch.too_large"
    broken = c1.post("/v1/push", json={"changes": [{"change_id": "x"}]})
    assert broken.status_code == 422 and broken.json()["error"] == "request.invalid"
    near_limit = [create(dossier(1, number=60 + i)) for i in range(10)]
    for c in near_limit:
        c["payload"]["reason"] = "y" * 400_000  # 10 × 400 KB: under both the body and the per-change limits
    assert [r for r, _ in results(c1.post("/v1/push", json={"changes": near_limit}))] == ["applied"] * 10
    big_change = create(dossier(1))
    big_change["payload"]["reason"] = "x" * 600_000
    assert results(c1.post("/v1/push", json={"changes": [big_change]})) == [("rejected", "payload.too_large")]
    assert c1.get("/v1/pull", params={"limit": 5000}).status_code == 422


def test_feed_is_per_agency_paged_and_carries_catalogue_and_calendar(api, admin) -> None:
    from datetime import date

    c1, other = api(1), api(1, OTHER_AGENCY)
    changes = [create(dossier(1, number=i + 1)) for i in range(5)]
    results(c1.post("/v1/push", json={"changes": changes}))
    publish_catalogue(admin, AGENCY, [PROCEDURE])
    set_day(admin, AGENCY, date(2026, 12, 31), "off", "Nghỉ bù")
    first = c1.get("/v1/pull", params={"cursor": 0, "limit": 4}).json()
    assert first["more"] is True and len(first["items"]) == 4
    rest = c1.get("/v1/pull", params={"cursor": first["cursor"], "limit": 4}).json()
    kinds = [i["kind"] for i in first["items"] + rest["items"]]
    assert kinds == ["dossier"] * 5 + ["catalogue", "calendar"] and rest["more"] is False
    assert rest["items"][-1] == {
        "kind": "calendar",
        "cursor": rest["cursor"],
        "day": "2026-12-31",
        "override": "off",
        "name": "Nghỉ bù",
    }
    assert other.get("/v1/pull").json()["items"] == []
