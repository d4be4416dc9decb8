"""Bounded input on the console: every form field has a longest value, a body over the limit is a 413 page, a
field over its length a 400 page, odd addresses a 404 page; a sentence every time, never a server error."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from console_support import AGENCY, csrf_of, post_form, signed_in

from counter_app.server.admin import add_counter
from counter_app.server.console.routes import FIELD_LABELS, FIELDS, MAX_FORM_BYTES
from counter_app.server.console.wording import word

MEGABYTE = "x" * (1024 * 1024)


def test_a_megabyte_field_on_sign_in_is_refused_before_anything(site: SimpleNamespace) -> None:
    client = site.client()
    token = csrf_of(client.get("/console/signin").text)
    for field in ("username", "password", "csrf_token"):
        data = {
            "username": "quantri",
            "password": "quan-tri-may-chu-2026",
            "csrf_token": token,
            field: MEGABYTE,
        }
        answer = client.post("/console/signin", data=data)
        assert answer.status_code == 413, field
        assert "Dữ liệu gửi lên quá lớn" in answer.text
    assert site.m.db.execute_sql("SELECT COUNT(*) FROM auth_throttle").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("page", "action", "data"),
    [
        ("/console/units", "/console/enrol", {"agency_id": AGENCY, "counter": MEGABYTE}),
        (
            f"/console/units/{AGENCY}/calendar",
            f"/console/units/{AGENCY}/calendar",
            {"day": "2026-12-31", "kind": "off", "name": MEGABYTE},
        ),
        ("/console/portal", f"/console/portal/{AGENCY}/resend", {"code": MEGABYTE}),
    ],
)
def test_a_megabyte_field_on_a_form_is_a_413_page(
    site: SimpleNamespace, page: str, action: str, data: dict[str, str]
) -> None:
    add_counter(site.m, AGENCY, 1)
    client = signed_in(site.client(), "it")
    answer = post_form(client, page, action, data)
    assert answer.status_code == 413 and "Dữ liệu gửi lên quá lớn" in answer.text
    assert site.m.CalendarOverride.select().count() == 0


def test_a_body_without_its_length_is_bounded_too(site: SimpleNamespace) -> None:
    client = signed_in(site.client(), "it")
    token = csrf_of(client.get("/console/units").text)

    def chunks():  # sent chunked: no Content-Length to judge it by
        yield f"csrf_token={token}&agency_id={AGENCY}&counter=".encode()
        for _ in range(64):
            yield b"1" * 1024

    answer = client.post(
        "/console/enrol", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert answer.status_code == 413 and site.m.Counter.select().count() == 0


@pytest.mark.parametrize("field", sorted(set(FIELDS) - {"csrf_token"}))
def test_every_field_one_over_its_length_is_a_400_page(site: SimpleNamespace, field: str) -> None:
    client = signed_in(site.client(), "it")
    answer = post_form(client, "/console/units", "/console/enrol", {field: "1" * (FIELDS[field] + 1)})
    assert answer.status_code == 400
    assert f"» dài quá {FIELDS[field]} ký tự." in answer.text
    assert f"Ô «{word(FIELD_LABELS[field])}»" in answer.text
    assert site.m.Counter.select().count() == 0
    assert sum(FIELDS.values()) < MAX_FORM_BYTES  # a full form always fits


def test_an_uploaded_file_or_a_nul_is_not_a_form(site: SimpleNamespace) -> None:
    client = signed_in(site.client(), "it")
    token = csrf_of(client.get("/console/units").text)
    answer = client.post(
        "/console/enrol",
        data={"csrf_token": token, "agency_id": AGENCY, "counter": "1"},
        files={"counter": ("a.txt", b"1")},
    )
    assert answer.status_code == 400 and "Biểu mẫu gửi lên không hợp lệ." in answer.text
    answer = client.post(
        "/console/enrol", data={"csrf_token": token, "agency_id": AGENCY + "\x00", "counter": "1"}
    )
    assert answer.status_code == 400
    assert site.m.Counter.select().count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/console/units/" + "9" * 5000,
        f"/console/units/{AGENCY}/counters/{'9' * 40}/revoke",
        "/console/audit?before=" + "9" * 5000,
        "/console/no/such/page",
    ],
)
def test_odd_addresses_are_pages_not_errors(site: SimpleNamespace, path: str) -> None:
    add_counter(site.m, AGENCY, 1)
    client = signed_in(site.client(), "it")
    answer = client.get(path)
    assert answer.status_code in (200, 404)
    assert answer.headers["content-type"].startswith("text/html")


def test_odd_periods_and_long_queries_are_sentences(site: SimpleNamespace) -> None:
    client = signed_in(site.client(), "province")
    answer = client.get("/console/figures?from=" + "2" * 10_000)
    assert answer.status_code == 400 and "Ngày không hợp lệ" in answer.text
