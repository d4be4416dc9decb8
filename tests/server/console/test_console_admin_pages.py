"""The IT officer's pages: units and counters with what each counter last reported, enrolment (a token shown as
text and as a QR code that really enrols), revocation, the catalogue, calendar days, the national portal's queue
with re-sending, and the log of every administrative action. Leaders never reach these pages."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from types import SimpleNamespace

import numpy as np
import pytest
import zxingcpp
from console_support import AGENCY, BIRTH, OTHER, RECEIVED, dossier, enrol, post_form, push, signed_in

from counter_app.core.model import Status
from counter_app.core.wire import utc_now
from counter_app.server import portal_queue
from counter_app.server.admin import add_counter, publish_catalogue, set_day
from counter_app.server.console.enrolment import FORMAT, read_payload


def audit(m: SimpleNamespace) -> list[tuple[str, str, dict[str, object]]]:
    return [
        (r.actor, r.action, json.loads(r.detail)) for r in m.ConsoleAudit.select().order_by(m.ConsoleAudit.id)
    ]


def decode_svg_qr(svg: str) -> str:
    """Read the QR code of the page's inline SVG: its path of unit squares drawn as a bitmap, then decoded."""
    size = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))  # type: ignore[union-attr]
    modules = np.full((size, size), 255, dtype=np.uint8)
    for x, y in re.findall(r"M(\d+),(\d+)H", svg):
        modules[int(y), int(x)] = 0
    image = np.kron(modules, np.ones((8, 8), dtype=np.uint8))
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code in the SVG"
    return str(found[0].text)


def test_enrol_shows_a_token_and_qr_code_that_enrol_the_counter(site: SimpleNamespace) -> None:
    client = signed_in(site.client(), "it")
    answer = post_form(
        client, "/console/units", "/console/enrol", {"agency_id": AGENCY, "counter": "3", "slot_digits": ""}
    )
    assert answer.status_code == 200, answer.text
    token = re.search(r'<code id="enrol-token" class="token">([^<]+)</code>', answer.text).group(1)  # type: ignore[union-attr]
    svg = re.search(r'<div id="enrol-qr"[^>]*>(<svg.*?</svg>)</div>', answer.text, re.S).group(1)  # type: ignore[union-attr]
    data = read_payload(decode_svg_qr(svg))
    assert data == {
        "format": FORMAT,
        "server": "http://testserver",
        "agency_id": AGENCY,
        "counter": 3,
        "token": token,
    }
    assert f"counter-app setup --server http://testserver --token {token}" in answer.text
    enrolled = site.first.post("/v1/enrol", headers={"Authorization": f"Bearer {token}"})
    assert enrolled.status_code == 200 and enrolled.json()["counter"] == 3
    again = site.first.post("/v1/enrol", headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 401  # one-time
    assert audit(site.m)[-1] == (
        "quantri",
        "counter.add",
        {"agency_id": AGENCY, "counter": 3, "slot_digits": None},
    )
    assert token not in json.dumps(audit(site.m))
    page = client.get(f"/console/units/{AGENCY}").text
    assert 'id="counter-3"' in page and 'data-state="never"' in page


def test_enrolling_an_active_counter_again_is_refused_in_a_sentence(site: SimpleNamespace) -> None:
    add_counter(site.m, AGENCY, 1)
    client = signed_in(site.client(), "it")
    answer = post_form(client, "/console/units", "/console/enrol", {"agency_id": AGENCY, "counter": "1"})
    assert answer.status_code == 400
    assert "Quầy 1 của đơn vị 000.00.06.H56 đang hoạt động" in answer.text
    for bad, sentence in (("0", "Số quầy phải từ 1 đến 99."), ("x", "Số quầy phải từ 1 đến 99.")):
        answer = post_form(client, "/console/units", "/console/enrol", {"agency_id": AGENCY, "counter": bad})
        assert answer.status_code == 400 and sentence in answer.text
    answer = post_form(
        client, "/console/units", "/console/enrol", {"agency_id": "không hợp lệ", "counter": "2"}
    )
    assert answer.status_code == 400 and "Mã định danh" in answer.text
    assert [a for _, a, _ in audit(site.m)] == ["user.add"] * 4


def test_units_page_lists_units_and_the_unit_page_its_counters_reports(site: SimpleNamespace, clock) -> None:
    first = enrol(site.first, site.m, AGENCY, 1)
    enrol(site.first, site.m, AGENCY, 2)
    older = enrol(site.first, site.m, AGENCY, 3)
    add_counter(site.m, AGENCY, 4)  # token not used yet
    enrol(site.first, site.m, OTHER, 1)
    slow = (utc_now() - timedelta(minutes=2)).isoformat(timespec="seconds")  # the counter's clock: 2 min slow
    push(
        site.first,
        first,
        [dossier(AGENCY, 1, 1, BIRTH, RECEIVED, [])],
        device_time=slow,
        **{"X-Counter-Version": "0.1.0", "X-Outbox-Pending": "0"},
    )
    push(site.first, older, [dossier(AGENCY, 3, 1, BIRTH, RECEIVED, [])])  # an earlier version: no headers
    # a change the server parks: an officer name that is no account name
    push(site.first, first, [dossier(AGENCY, 1, 2, BIRTH, RECEIVED, [])], officer="Không phải tên")
    client = signed_in(site.client(), "it")
    units = client.get("/console/units").text
    assert f'id="unit-{AGENCY}"' in units and f'id="unit-{OTHER}"' in units
    page = client.get(f"/console/units/{AGENCY}").text
    row = re.search(r'<tr id="counter-1".*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    assert 'data-pending="0"' in row and "0.1.0" in row
    assert "officer.invalid" in row  # parked on the server, with its reason
    skew = re.search(r'id="counter-1-skew"[^>]*>\+(\d+\.\d) s<', row)
    assert skew is not None and 119 <= float(skew.group(1)) < 130
    assert (
        119_000
        <= site.m.Counter.get(
            (site.m.Counter.agency_id == AGENCY) & (site.m.Counter.number == 1)
        ).clock_skew_ms
        < 130_000
    )
    assert 'id="counter-2" class="state-never"' in page
    assert 'id="counter-3" class="state-unreported"' in page
    assert 'id="counter-4" class="state-waiting"' in page


def test_revoke_asks_first_then_stops_the_counter(site: SimpleNamespace) -> None:
    credential = enrol(site.first, site.m, AGENCY, 2)
    client = signed_in(site.client(), "it")
    confirm = client.get(f"/console/units/{AGENCY}/counters/2/revoke")
    assert confirm.status_code == 200 and 'id="revoke-form"' in confirm.text
    assert site.m.Counter.get(site.m.Counter.number == 2).revoked is False  # a GET changes nothing
    answer = post_form(
        client, f"/console/units/{AGENCY}/counters/2/revoke", f"/console/units/{AGENCY}/counters/2/revoke", {}
    )
    assert answer.status_code == 303 and answer.headers["location"] == f"/console/units/{AGENCY}?done=revoked"
    assert site.m.Counter.get(site.m.Counter.number == 2).revoked is True
    pulled = site.first.get("/v1/pull", headers={"Authorization": f"Bearer {credential}"})
    assert pulled.status_code == 401 and pulled.json()["error"] == "auth.revoked"
    assert audit(site.m)[-1] == ("quantri", "counter.revoke", {"agency_id": AGENCY, "counter": 2})
    assert client.get(f"/console/units/{AGENCY}/counters/2/revoke").status_code == 404  # already revoked
    assert client.get(f"/console/units/{AGENCY}/counters/x/revoke").status_code == 404


def test_calendar_form_publishes_a_day_through_set_day(site: SimpleNamespace) -> None:
    add_counter(site.m, AGENCY, 1)
    client = signed_in(site.client(), "it")
    page = f"/console/units/{AGENCY}/calendar"
    answer = post_form(
        client,
        page,
        page,
        {"day": "2026-12-31", "kind": "off", "name": "Nghỉ bù", "document": "", "document_date": ""},
    )
    assert answer.status_code == 303 and answer.headers["location"] == page + "?done=day_set"
    row = site.m.CalendarOverride.get(site.m.CalendarOverride.day == "2026-12-31")
    assert (row.kind, row.name) == ("off", "Nghỉ bù")
    assert (
        site.m.ChangeLog.select().where(site.m.ChangeLog.kind == "calendar").count() == 1
    )  # counters hear of it
    answer = post_form(
        client,
        page,
        page,
        {
            "day": "2027-01-02",
            "kind": "work",
            "name": "",
            "document": "12729/VPCP-KGVX",
            "document_date": "2026-12-01",
        },
    )
    assert answer.status_code == 303
    shown = client.get(page).text
    assert (
        'id="override-2026-12-31"' in shown
        and 'id="notice-2027-01-02"' in shown
        and "12729/VPCP-KGVX" in shown
    )
    assert audit(site.m)[-1][1:] == (
        "calendar.set_day",
        {
            "agency_id": AGENCY,
            "day": "2027-01-02",
            "kind": "work",
            "name": "",
            "document": "12729/VPCP-KGVX",
            "document_date": "2026-12-01",
        },
    )
    bad = post_form(client, page, page, {"day": "2026-02-30", "kind": "off"})
    assert bad.status_code == 400 and "Ngày không hợp lệ" in bad.text
    bad = post_form(client, page, page, {"day": "2026-12-30", "kind": "maybe"})
    assert bad.status_code == 400


def test_catalogue_page_lists_the_published_procedures(site: SimpleNamespace) -> None:
    publish_catalogue(site.m, AGENCY, [BIRTH])
    set_day(site.m, AGENCY, RECEIVED.date(), "off")
    client = signed_in(site.client(), "it")
    page = client.get(f"/console/units/{AGENCY}/catalogue").text
    assert (
        'id="catalogue-table"' in page
        and "1.001193" in page
        and "Đăng ký khai sinh" in page
        and "Hộ tịch" in page
    )


def test_portal_queue_shows_parked_dossiers_and_resends_them(site: SimpleNamespace, monkeypatch) -> None:
    monkeypatch.setenv("PORTAL_TEST_PASSWORD", "mat-khau-cong")
    credential = enrol(site.first, site.m, AGENCY, 1)
    parked = dossier(AGENCY, 1, 1, BIRTH, RECEIVED, [(Status.PROCESSING, RECEIVED.replace(hour=10))])
    push(site.first, credential, [parked])
    portal_queue.configure(
        site.m,
        portal_queue.PortalSettings(
            agency_id=AGENCY,
            adapter_url="http://127.0.0.1:9",
            auth_path="/auth",
            integration_path="/integration",
            share_path="/share",
            unit_code="H56",
            username="lgsp",
            password_file=None,
            password_env="PORTAL_TEST_PASSWORD",
            unit_name="UBND Phường Mẫu",
        ),
    )
    rows = [r.id for r in site.m.PortalQueue.select()]
    assert rows
    portal_queue.mark(site.m, rows, portal_queue.PARKED, "Mã thủ tục không tồn tại")
    client = signed_in(site.client(), "it")
    page = client.get("/console/portal").text
    assert f'id="portal-{AGENCY}"' in page and "Mã thủ tục không tồn tại" in page and parked.code in page
    answer = post_form(
        client, "/console/portal", f"/console/portal/{AGENCY}/resend", {"code": parked.code or ""}
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/console/portal?done=resent"
    assert {r.state for r in site.m.PortalQueue.select()} == {portal_queue.QUEUED}
    assert audit(site.m)[-1] == (
        "quantri",
        "portal.resend",
        {"agency_id": AGENCY, "code": parked.code, "dossiers": 1},
    )
    nothing = post_form(
        client, "/console/portal", f"/console/portal/{AGENCY}/resend", {"code": parked.code or ""}
    )
    assert nothing.status_code == 400 and "không có gì đang bị tạm giữ" in nothing.text
    # the units page names the unit by its portal name
    assert "UBND Phường Mẫu" in client.get("/console/units").text


def test_audit_page_lists_actions_newest_first(site: SimpleNamespace) -> None:
    client = signed_in(site.client(), "it")
    post_form(client, "/console/units", "/console/enrol", {"agency_id": AGENCY, "counter": "1"})
    page = client.get("/console/audit").text
    actions = re.findall(r'data-action="([^"]+)"', page)
    assert actions[0] == "counter.add" and actions[1:] == ["user.add"] * 4
    assert "quantri" in page


@pytest.mark.parametrize(
    "path",
    [
        "/console/units",
        f"/console/units/{AGENCY}",
        f"/console/units/{AGENCY}/catalogue",
        f"/console/units/{AGENCY}/calendar",
        f"/console/units/{AGENCY}/counters/1/revoke",
        "/console/portal",
        "/console/audit",
    ],
)
@pytest.mark.parametrize("who", ["h56", "province"])
def test_leaders_never_reach_the_it_officers_pages(site: SimpleNamespace, path: str, who: str) -> None:
    add_counter(site.m, AGENCY, 1)
    client = signed_in(site.client(), who)
    answer = client.get(path)
    assert answer.status_code == 403
    assert "không được xem trang này" in answer.text
    assert AGENCY not in answer.text.replace(
        f"· {AGENCY}", ""
    )  # nothing of the unit (but the leader's own badge)


def test_leaders_cannot_post_the_it_officers_forms(site: SimpleNamespace) -> None:
    add_counter(site.m, AGENCY, 1)
    client = signed_in(site.client(), "h56")
    answer = post_form(client, "/console/figures", "/console/enrol", {"agency_id": AGENCY, "counter": "2"})
    assert answer.status_code == 403
    answer = post_form(client, "/console/figures", f"/console/units/{AGENCY}/counters/1/revoke", {})
    assert answer.status_code == 403
    assert site.m.Counter.select().count() == 1 and not site.m.Counter.get().revoked


def test_pages_need_a_session(site: SimpleNamespace) -> None:
    client = site.client()
    for path in (
        "/console",
        "/console/units",
        "/console/figures",
        f"/console/figures/units/{AGENCY}/xlsx",
        "/console/nothing",
    ):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/console/signin", path
    assert client.get("/", follow_redirects=False).headers["location"] == "/console"
    answer = client.post("/console/enrol", data={"agency_id": AGENCY, "counter": "1"}, follow_redirects=False)
    assert answer.status_code == 303 and site.m.Counter.select().count() == 0
    assert client.get("/console/static/console.css").status_code == 200
