"""A real server process against hostile or broken input: the counter's rules hold on the server, every field is
bounded and strictly typed, and every refusal is a 4xx in the `{"error": …}` shape, never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from counter_app.core.ids import new_id
from counter_app.core.intake import advance, annotate, apologise, new_dossier, rate, receive, record_return
from counter_app.core.model import Dossier, DossierEvent, Person, Procedure, Rating, ReturnMethod, Status
from counter_app.core.serial import dossier_to_dict, dt_text, event_to_dict
from counter_app.server.admin import add_counter
from counter_app.server.process import ServerProcess

AGENCY = "000.00.06.H56"
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")
AT = datetime(2026, 11, 23, 9, 0)
DUE = datetime(2026, 11, 26, 9, 0)


@pytest.fixture
def counter(server: ServerProcess, admin) -> Iterator[httpx.Client]:
    """Counter 1 of the agency, enrolled, holding its installation credential."""
    token = add_counter(admin, AGENCY, 1)
    enrolled = httpx.post(f"{server.url}/v1/enrol", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert enrolled.status_code == 200, enrolled.text
    credential = enrolled.json()["credential"]
    with httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {credential}"}, timeout=30
    ) as client:
        yield client


def received(number: int = 1) -> Dossier:
    draft = new_dossier(
        agency_id=AGENCY,
        procedure=PROCEDURE,
        applicant=Person("Nguyễn Văn Đức"),
        at=AT,
        officer="canbo",
        counter=1,
    )
    return receive(draft, f"{AGENCY}-261123-01{number:02d}", DUE)


def create(d: Dossier) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "kind": "dossier.create",
        "dossier_id": d.id,
        "counter": 1,
        "officer": d.officer,
        "created_at": "2026-11-23T09:00:00",
        "payload": dossier_to_dict(d),
    }


def event_change(before: Dossier, after: Dossier, **state: Any) -> dict[str, Any]:
    """The change a counter's outbox holds for the last event of `after` (see `storage.dossiers.update`)."""
    return {
        "change_id": new_id(),
        "kind": "dossier.event",
        "dossier_id": after.id,
        "counter": 1,
        "officer": after.history[-1].officer,  # the outbox names the officer of the event it carries
        "created_at": "2026-11-24T10:00:00",
        "payload": {
            "dossier_id": after.id,
            "code": after.code,
            "base_version": before.version,
            "event": event_to_dict(after.history[-1]),
            "state": {
                "status": int(after.status),
                "unit": after.unit,
                "appointment": dt_text(after.appointment),
                "new_appointment": dt_text(after.new_appointment),
                "missing": list(after.missing),
                "reason": after.reason,
                "version": after.version,
                **state,
            },
        },
    }


def with_event(before: Dossier, event: DossierEvent) -> Dossier:
    """`before` with an event appended as a careless or hostile counter would, without the core's rules."""
    return replace(
        before, history=(*before.history, event), status=event.to_status, version=before.version + 1
    )


def push(client: httpx.Client, *changes: dict[str, Any]) -> list[tuple[str, str]]:
    response = client.post("/v1/push", json={"changes": list(changes)})
    assert response.status_code == 200, response.text
    return [(r["result"], r["reason"] or r["original"]) for r in response.json()["results"]]


def server_copy(client: httpx.Client, dossier_id: str) -> dict[str, Any]:
    page = client.get("/v1/pull", params={"cursor": 0}).json()
    [item] = [
        i["dossier"] for i in page["items"] if i["kind"] == "dossier" and i["dossier"]["id"] == dossier_id
    ]
    return item


def refused(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    """The answer is `status` with `{"error": error, …}`, valid UTF-8 JSON."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    body = response.json()
    assert isinstance(body, dict) and body["error"] == error, body
    return body


# ---- the counter's rules, on the server --------------------------------------------------------------------
def test_a_note_cannot_move_the_legal_appointment_only_an_apology_sets_a_new_one(
    counter: httpx.Client,
) -> None:
    d = received()
    assert push(counter, create(d)) == [("applied", "")]
    noted = annotate(d, action="note", officer="xuly", at=AT + timedelta(hours=2), note="Công dân gọi hỏi")
    for forged in ("2099-12-31T17:00:00", "2000-01-01T08:00:00"):
        assert push(counter, event_change(d, noted, appointment=forged)) == [
            ("rejected", "event.state_mismatch")
        ]
    assert server_copy(counter, d.id)["appointment"] == dt_text(DUE)
    assert push(counter, event_change(d, noted)) == [("applied", "")]

    later = DUE + timedelta(days=3)
    sorry = apologise(noted, officer="xuly", at=DUE, new_appointment=later, reason="Chờ xác minh")
    moved_too = event_change(noted, sorry, appointment=dt_text(later))
    assert push(counter, moved_too) == [("rejected", "event.state_mismatch")]
    assert push(counter, event_change(noted, sorry)) == [("applied", "")]
    stored = server_copy(counter, d.id)
    assert (stored["appointment"], stored["new_appointment"]) == (dt_text(DUE), dt_text(later))
    assert stored["received_at"] == dt_text(AT) and stored["code"] == d.code


def test_unknown_actions_and_events_without_a_from_status_are_refused(counter: httpx.Client) -> None:
    d = received()
    push(counter, create(d))

    def forged(action: str, from_status: Status | None, to_status: Status) -> dict[str, Any]:
        event = DossierEvent(new_id(), AT + timedelta(hours=1), "xuly", action, to_status, from_status)
        return event_change(d, with_event(d, event))

    for action, source, target in (
        ("rewrite", None, Status.RECEIVED),
        ("note", None, Status.RECEIVED),
        ("receive", None, Status.RECEIVED),
        ("rewrite", Status.RECEIVED, Status.RECEIVED),
        ("note", Status.RECEIVED, Status.PROCESSING),
        ("return", Status.RECEIVED, Status.PROCESSING),
        ("advance", Status.PROCESSING, Status.RESULT_READY),
    ):
        assert push(counter, forged(action, source, target)) == [("rejected", "transition.forbidden")], action
    rating = rate(d, rating=Rating.SATISFIED, officer="xuly", at=AT + timedelta(hours=1))
    rating.history[-1].data["rating"] = 99
    assert push(counter, event_change(d, rating)) == [("rejected", "payload.invalid")]

    intake = received(2)
    bogus = replace(intake.history[0], action="rewrite")
    assert push(counter, create(replace(intake, history=(bogus,)))) == [("rejected", "transition.forbidden")]
    assert push(counter, create(replace(intake, version=7))) == [("rejected", "payload.invalid")]

    moved = advance(d, Status.PROCESSING, officer="xuly", at=AT + timedelta(hours=1), unit="Tư pháp")
    assert push(counter, event_change(d, moved)) == [("applied", "")]
    assert server_copy(counter, d.id)["status"] == int(Status.PROCESSING)


def test_a_return_with_a_rating_in_one_update_applies_as_the_counter_sends_it(counter: httpx.Client) -> None:
    d = received()
    push(counter, create(d))
    working = advance(d, Status.PROCESSING, officer="xuly", at=AT + timedelta(hours=1))
    ready = advance(working, Status.RESULT_READY, officer="xuly", at=AT + timedelta(days=1))
    assert push(counter, event_change(d, working), event_change(working, ready)) == [("applied", "")] * 2
    returned = record_return(
        ready,
        officer="canbo",
        at=DUE,
        recipient_name="Nguyễn Văn Đức",
        recipient_id="",
        method=ReturnMethod.POST,
    )
    rated = rate(returned, rating=Rating.VERY_SATISFIED, officer="canbo", at=DUE)
    # one update, two events: each outbox entry carries the state after the whole update (storage.dossiers)
    first = event_change(ready, rated)
    first["payload"]["event"] = event_to_dict(returned.history[-1])
    second = event_change(returned, rated)
    assert push(counter, first, second) == [("applied", ""), ("applied", "")]
    assert server_copy(counter, d.id)["status"] == int(Status.RETURNED)


# ---- bounds and strict types ------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [2**31, 2**63, 2**64, -1, 100, True, "1", 1.5])
def test_a_counter_number_out_of_range_or_not_an_integer_is_refused(
    counter: httpx.Client, value: Any
) -> None:
    change = {**create(received()), "counter": value}
    body = refused(counter.post("/v1/push", json={"changes": [change]}), 422, "request.invalid")
    assert [e["loc"] for e in body["detail"]] == [["body", "changes", 0, "counter"]]


def test_versions_and_cursors_beyond_their_columns_are_refused_not_failed(counter: httpx.Client) -> None:
    d = received()
    push(counter, create(d))
    moved = advance(d, Status.PROCESSING, officer="xuly", at=AT + timedelta(hours=1))
    for base in (2**31, 2**63, 2**64, -1, True, "1"):
        change = event_change(d, moved)
        change["payload"]["base_version"] = base
        assert push(counter, change) == [("rejected", "payload.invalid")], base
    for version in (2**31, 2**63):
        assert push(counter, create(replace(received(2), version=version))) == [
            ("rejected", "payload.invalid")
        ]
    for params in (
        {"cursor": 2**63},
        {"cursor": 2**64},
        {"cursor": -1},
        {"limit": 2**31},
        {"limit": "1e400"},
    ):
        refused(counter.get("/v1/pull", params=params), 422, "request.invalid")
    assert counter.get("/v1/pull", params={"cursor": 2**63 - 1}).json()["items"] == []


def raw_push(client: httpx.Client, body: str) -> httpx.Response:
    return client.post("/v1/push", content=body.encode("utf-8"), headers={"Content-Type": "application/json"})


def test_infinite_numbers_and_lone_surrogates_are_refused_and_never_echoed(counter: httpx.Client) -> None:
    change = json.dumps(create(received()))
    for body in (
        change.replace('"counter": 1', '"counter": 1e400'),
        change.replace('"sets": 1', '"sets": 1e400'),
        change.replace('"officer": "canbo"', '"officer": "can\\ud800bo"'),
        change.replace('"reason": ""', '"reason": "\\udfff"'),
        change.replace('"reason": ""', '"\\ud800": ""'),
    ):
        answer = raw_push(counter, f'{{"changes": [{body}]}}')
        refused(answer, 422, "request.invalid")
        text = answer.content.decode("utf-8")  # strict: the answer itself is valid UTF-8 …
        json.loads(text, parse_constant=_no_constant)  # … and standard JSON (no Infinity)
        assert "\\ud800" not in text and "\\udfff" not in text


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} in a JSON answer")


def test_nul_characters_never_reach_the_database(counter: httpx.Client) -> None:
    d = received()
    for field in ("change_id", "officer", "created_at", "dossier_id", "kind"):
        change = create(d)
        change[field] = "a\x00b"
        refused(counter.post("/v1/push", json={"changes": [change]}), 422, "request.invalid")
    assert push(counter, create(replace(d, code=f"{d.code}\x00"))) == [("rejected", "payload.invalid")]
    assert push(counter, create(replace(d, applicant=Person("Nguyễn\x00Văn")))) == [
        ("rejected", "payload.invalid")
    ]
    assert push(counter, create(d)) == [("applied", "")]
    moved = advance(d, Status.PROCESSING, officer="xuly", at=AT, note="ghi\x00chú", data={"x": "\x00"})
    assert push(counter, event_change(d, moved)) == [("rejected", "payload.invalid")]
    fine = advance(d, Status.PROCESSING, officer="xuly", at=AT, note="ghi chú")
    assert push(counter, event_change(d, fine)) == [("applied", "")]


# ---- the error shape, and what the server shows -----------------------------------------------------------
def test_refusals_by_the_framework_use_the_error_shape(server: ServerProcess, counter: httpx.Client) -> None:
    refused(raw_push(counter, '{"changes": ['), 422, "request.invalid")
    not_utf8 = counter.post(
        "/v1/push", content=b'{"changes": ["\xff"]}', headers={"Content-Type": "application/json"}
    )
    refused(not_utf8, 400, "request.malformed")
    refused(raw_push(counter, "[" * 100_000 + "]" * 100_000), 400, "request.malformed")
    deep = {"changes": [{**create(received()), "payload": {"a": json.loads("[" * 40 + "]" * 40)}}]}
    refused(counter.post("/v1/push", json=deep), 422, "request.invalid")
    refused(counter.post("/v1/push"), 422, "request.invalid")  # no body at all
    as_text = counter.post("/v1/push", content=b'{"changes": []}', headers={"Content-Type": "text/plain"})
    refused(as_text, 422, "request.invalid")  # JSON only when the type says so, as FastAPI reads bodies
    refused(counter.get("/nowhere"), 404, "not_found")
    refused(counter.delete("/v1/push"), 405, "method.not_allowed")
    refused(httpx.post(f"{server.url}/health"), 405, "method.not_allowed")
    spec = httpx.get(f"{server.url}/openapi.json").json()
    for path, method, status in (("/v1/push", "post", "422"), ("/v1/pull", "get", "401")):
        schema = spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorOut"}
    # the push's body is parsed by the route (off the event loop) and still named in the contract
    body = spec["paths"]["/v1/push"]["post"]["requestBody"]
    assert body["required"] and body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PushIn"
    }
    components = spec["components"]["schemas"]
    assert components["PushIn"]["properties"]["changes"]["items"] == {"$ref": "#/components/schemas/ChangeIn"}
    assert components["ChangeIn"]["additionalProperties"] is False


def test_api_pages_are_served_only_when_asked(server: ServerProcess, server_db: str) -> None:
    for page in ("/docs", "/redoc"):
        refused(httpx.get(f"{server.url}{page}"), 404, "not_found")
    assert httpx.get(f"{server.url}/openapi.json").status_code == 200
    with ServerProcess(server_db, extra_args=["--api-docs"]) as documented:
        for page in ("/docs", "/redoc"):
            answer = httpx.get(f"{documented.url}{page}")
            assert answer.status_code == 200 and "text/html" in answer.headers["content-type"]
