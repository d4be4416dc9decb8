"""The web console as people use it, in Chromium: the IT officer signs in, watches a counter go from synced to
pending and back, enrols a counter whose token (as text and as QR code) really joins it; a unit leader is refused
another unit; forms without the session's token are refused. Each test is a browser session of its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import cv2
import httpx
import numpy as np
import pytest
from console_browser import (
    ADMIN,
    AGENCY,
    OTHER_AGENCY,
    OTHER_LEADER,
    PROVINCE_LEADER,
    UNIT_LEADER,
    Browser,
    Person,
)
from sync_support import PROCEDURE, receive_many

from counter_app.core.errors import DomainError
from counter_app.core.model import UnitConfig
from counter_app.core.roles import Role
from counter_app.devices.decoding import QR, decode_image
from counter_app.messages import describe
from counter_app.server import portal_queue
from counter_app.server.admin import add_counter
from counter_app.server.console.enrolment import read_payload
from counter_app.server.console.wording import counter_state_label
from counter_app.server.portal_queue import PortalSettings
from counter_app.storage.store import CounterStore
from counter_app.sync.client import SyncError
from counter_app.sync.engine import SyncEngine
from counter_app.sync.enrol import join_server

PORTAL_AGENCY = "000.00.08.H56"
# the dossiers' days: the figures' period is chosen around them, never around today
FIGURES_QUERY = "?from=2026-11-01&to=2026-11-30"


def sentence(code: str, lang: str = "vi", **params: object) -> str:
    return describe(DomainError(code, **params), lang)


def sign_in(browser: Browser, person: Person, password: str | None = None) -> None:
    browser.open("/console/signin")
    browser.fill("#signin-username", person.username)
    browser.fill("#signin-password", person.password if password is None else password)
    browser.submit("#signin-button")


def new_store(folder: Path, number: int, agency_id: str = AGENCY) -> CounterStore:
    """A configured counter that has not joined a server yet (its unit, catalogue and two accounts)."""
    store = CounterStore(folder / f"counter-{agency_id}-{number:02d}")
    store.set_unit(
        UnitConfig(agency_id, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "UBND PHƯỜNG MẪU", "Phường Mẫu", number)
    )
    store.replace_catalogue([PROCEDURE])
    store.accounts.create("admin", "Quản trị quầy", Role.ADMIN, "quan-tri-phuong-mau", by="admin")
    store.accounts.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, "so-ho-tich-2026", by="admin")
    return store


def joined_store(site: SimpleNamespace, folder: Path, number: int, agency_id: str = AGENCY) -> CounterStore:
    store = new_store(folder, number, agency_id)
    join_server(store, site.url, add_counter(site.m, agency_id, number))
    return store


def counter_row(browser: Browser, number: int) -> str:
    """The text of counter `number`'s row on its unit's page ("" when the page has no such row)."""
    rows = browser.find_all(f"#counter-{number}")
    return str(rows[0].text) if rows else ""


def session_client(browser: Browser) -> httpx.Client:
    """An HTTP client holding the browser's cookies (what a forged request from elsewhere could carry at best)."""
    cookies = {c["name"]: c["value"] for c in browser.driver.get_cookies()}
    return httpx.Client(base_url=browser.base_url, cookies=cookies, follow_redirects=False, timeout=30)


def test_sign_in_in_vietnamese_and_see_the_units_and_their_counters(
    browser: Browser, site: SimpleNamespace, tmp_path: Path
) -> None:
    store = joined_store(site, tmp_path, 2)
    try:
        engine = SyncEngine(store)
        receive_many(store, 2)
        assert engine.cycle().ok

        browser.open("/console")
        assert browser.path.startswith("/console/signin")
        assert browser.find("html").get_attribute("lang") == "vi"
        assert "Đăng nhập" in browser.text
        browser.screenshot("signin")

        sign_in(browser, ADMIN, password="not-the-password-at-all")
        assert browser.path.startswith("/console/signin")
        assert browser.find("#error").text == sentence("signin.refused")
        assert browser.cookie("console_session") is None

        sign_in(browser, ADMIN)
        assert browser.path == "/console/units"
        cookie = browser.cookie("console_session")
        assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert ADMIN.username in browser.find("#signed-in-as").text
        row = browser.find(f'tr[data-agency="{AGENCY}"]')
        assert AGENCY in row.text
        browser.screenshot("units")

        row.find_element("css selector", "a.unit-link").click()
        browser.wait(lambda b: b.path == f"/console/units/{AGENCY}", what="the unit's page did not open")
        text = counter_row(browser, 2)
        assert text, "counter 2 is not on its unit's page"
        assert counter_state_label("synced", "vi") in text

        browser.find("#lang-en").click()
        browser.wait(lambda b: b.find("html").get_attribute("lang") == "en", what="no English page")
        assert counter_state_label("synced", "en") in counter_row(browser, 2)

        browser.submit("#signout-button")
        assert browser.path.startswith("/console/signin")
        assert browser.cookie("console_session") is None
        browser.open(f"/console/units/{AGENCY}")
        assert browser.path.startswith("/console/signin") and not counter_row(browser, 2)
    finally:
        store.close()


def test_a_counter_whose_pushes_are_held_back_shows_pending_with_the_count(
    browser: Browser, site: SimpleNamespace, tmp_path: Path
) -> None:
    store = joined_store(site, tmp_path, 1)
    try:
        engine = SyncEngine(store)
        assert engine.cycle().ok
        sign_in(browser, ADMIN)
        browser.open(f"/console/units/{AGENCY}")
        assert counter_state_label("synced", "vi") in counter_row(browser, 1)
        assert counter_state_label("pending", "vi") not in counter_row(browser, 1)

        # three dossiers received; the counter only pulls (its pushes held back): the pull tells the count
        receive_many(store, 3, prefix="Chờ gửi")
        assert engine.outbox.counts().pending == 3
        engine.pull()

        def shows_pending(b: Browser) -> bool:
            b.open(f"/console/units/{AGENCY}")
            row = counter_row(b, 1)
            return counter_state_label("pending", "vi") in row and b.find("#counter-1-pending").text == "3"

        browser.wait(shows_pending, what="counter 1 never showed 3 pending changes")
        assert counter_state_label("synced", "vi") not in counter_row(browser, 1)
        browser.screenshot("unit-counters")

        # the pushes go through again: the next contact says nothing is waiting
        assert engine.cycle().ok
        assert engine.outbox.counts().pending == 0

        def shows_synced(b: Browser) -> bool:
            b.open(f"/console/units/{AGENCY}")
            return counter_state_label("synced", "vi") in counter_row(b, 1)

        browser.wait(shows_synced, what="counter 1 never showed synced again")
    finally:
        store.close()


def _qr_payload(browser: Browser) -> dict[str, object]:
    """Read the enrolment QR code off the screen, as the counter's webcam would."""
    png = browser.find("#enrol-qr").screenshot_as_png
    image = cv2.imdecode(np.frombuffer(png, dtype=np.uint8), cv2.IMREAD_COLOR)
    found = [d.text for d in decode_image(image) if d.symbology == QR]
    assert len(found) == 1, f"the QR code on the page reads as {found}"
    return read_payload(found[0])


def test_enrol_a_counter_in_the_console_and_join_with_its_token(
    browser: Browser, site: SimpleNamespace, tmp_path: Path
) -> None:
    sign_in(browser, ADMIN)
    browser.open("/console/units")
    browser.fill("#enrol-agency-id", AGENCY)
    browser.fill("#enrol-counter", "5")
    browser.submit("#enrol-button")
    token = browser.find("#enrol-token").text.strip()
    assert len(token) >= 20
    code = _qr_payload(browser)
    assert code["token"] == token and code["counter"] == 5 and code["agency_id"] == AGENCY
    assert code["server"] == site.url
    browser.screenshot("enrol")

    store = new_store(tmp_path, 5)
    other = new_store(tmp_path / "second", 5)
    try:
        identity = join_server(store, str(code["server"]), token)
        assert (identity.agency_id, identity.counter) == (AGENCY, 5)
        assert SyncEngine(store).cycle().ok
        with pytest.raises(SyncError):  # the token is spent
            join_server(other, site.url, token)
    finally:
        store.close()
        other.close()

    browser.open(f"/console/units/{AGENCY}")
    assert counter_state_label("synced", "vi") in counter_row(browser, 5)
    browser.open("/console/audit")
    assert "counter.add" in browser.text and ADMIN.username in browser.text


def test_a_unit_leader_is_refused_another_units_pages_and_sees_nothing_of_it(
    browser: Browser, site: SimpleNamespace, tmp_path: Path
) -> None:
    ours = joined_store(site, tmp_path, 3)
    theirs = joined_store(site, tmp_path, 1, OTHER_AGENCY)
    try:
        receive_many(ours, 4, prefix="Phường")
        receive_many(theirs, 6, at=datetime(2026, 11, 28, 8, 0), prefix="Xã")  # still on time on 1 December
        assert SyncEngine(ours).cycle().ok and SyncEngine(theirs).cycle().ok

        sign_in(browser, UNIT_LEADER)
        assert browser.path.startswith("/console/figures")
        browser.open("/console/figures" + FIGURES_QUERY)
        assert AGENCY in browser.text
        assert OTHER_AGENCY not in browser.source

        refused = sentence("console.forbidden")
        for path in (
            f"/console/figures/units/{OTHER_AGENCY}{FIGURES_QUERY}",
            f"/console/units/{OTHER_AGENCY}",
            "/console/units",
            f"/console/units/{OTHER_AGENCY}/catalogue",
        ):
            browser.open(path)
            assert browser.find("#error").text == refused, path
            assert OTHER_AGENCY not in browser.source, path

        with session_client(browser) as client:
            answer = client.get(f"/console/figures/units/{OTHER_AGENCY}/xlsx{FIGURES_QUERY}")
            assert answer.status_code == 403
            assert "spreadsheet" not in answer.headers.get("content-type", "")
            assert OTHER_AGENCY not in answer.text
            own = client.get(f"/console/figures/units/{AGENCY}/xlsx{FIGURES_QUERY}")
            assert own.status_code == 200 and own.content[:2] == b"PK"

        # the other unit's own leader and the province's leader do see it
        browser.forget()
        sign_in(browser, OTHER_LEADER)
        browser.open(f"/console/figures/units/{OTHER_AGENCY}{FIGURES_QUERY}")
        assert OTHER_AGENCY in browser.text and not browser.find_all("#error")
        browser.forget()
        sign_in(browser, PROVINCE_LEADER)
        browser.open("/console/figures" + FIGURES_QUERY)
        assert AGENCY in browser.text and OTHER_AGENCY in browser.text
        browser.screenshot("figures")
    finally:
        ours.close()
        theirs.close()


def test_forms_without_the_sessions_token_are_refused(browser: Browser, site: SimpleNamespace) -> None:
    sign_in(browser, ADMIN)
    C = site.m.Counter

    def enrolled(number: int) -> bool:
        return C.select().where((C.agency_id == AGENCY) & (C.number == number)).exists()

    refused = sentence("console.csrf")
    for forged in ("a-token-of-someone-else", None):
        browser.open("/console/units")
        browser.fill("#enrol-agency-id", AGENCY)
        browser.fill("#enrol-counter", "7")
        browser.post_changed_form("#enrol-form", "csrf_token", forged)
        assert browser.find("#error").text == refused
        assert not enrolled(7)

    with session_client(browser) as client:
        answer = client.post("/console/enrol", data={"agency_id": AGENCY, "counter": "7"})
        assert answer.status_code == 403 and refused in answer.text
        answer = client.post(
            "/console/enrol", data={"agency_id": AGENCY, "counter": "7", "csrf_token": "x" * 43}
        )
        assert answer.status_code == 403
    assert not enrolled(7)

    # the same form with its own token goes through
    browser.open("/console/units")
    browser.fill("#enrol-agency-id", AGENCY)
    browser.fill("#enrol-counter", "7")
    browser.submit("#enrol-button")
    assert browser.find("#enrol-token").text.strip()
    assert enrolled(7)


def test_the_portal_queue_shows_a_parked_dossier_and_sends_it_again(
    browser: Browser, site: SimpleNamespace, tmp_path: Path
) -> None:
    m = site.m
    store = joined_store(site, tmp_path, 1, PORTAL_AGENCY)
    try:
        refused, held, waiting = receive_many(store, 3, prefix="Cổng")
        assert SyncEngine(store).cycle().ok
    finally:
        store.close()
    secret = tmp_path / "lgsp.password"
    secret.write_text("mat-khau-lgsp-2026\n", encoding="utf-8")
    settings = PortalSettings(
        agency_id=PORTAL_AGENCY,
        adapter_url="http://127.0.0.1:9",  # never reached: this server sends nothing to the portal
        auth_path="/auth",
        integration_path="/dvc",
        share_path="/share",
        unit_code="H56.08",
        username="phuong-mau",
        password_file=str(secret),
        password_env=None,
    )
    assert portal_queue.configure(m, settings) == 3
    Q = m.PortalQueue

    def rows(dossier_id: str) -> list[int]:
        return [r.id for r in Q.select(Q.id).where(Q.dossier_id == dossier_id)]

    message = "Mã thủ tục 1.001193 không có trong danh mục của Cổng"
    portal_queue.mark(m, rows(refused.id), portal_queue.PARKED, message)
    portal_queue.record_held(m, PORTAL_AGENCY, [held], rows(held.id))

    sign_in(browser, ADMIN)
    browser.find("#nav-portal").click()
    browser.wait(lambda b: b.path == "/console/portal", what="the portal page did not open")
    unit = browser.find(f'tr[data-agency="{PORTAL_AGENCY}"]')
    assert unit.get_attribute("data-parked") == "1"  # one dossier: its state and its step wait together
    parked = browser.find(f'[id="parked-{PORTAL_AGENCY}"]')
    assert refused.code in parked.text and message in parked.text
    assert held.code not in parked.text and waiting.code not in parked.text
    browser.screenshot("portal")

    browser.submit(f'form[id="resend-{refused.code}"] button')
    assert browser.path.startswith("/console/portal")
    assert browser.find_all("#notice") and not browser.find_all(f'[id="parked-{PORTAL_AGENCY}"]')
    states = {r.state for r in Q.select(Q.state).where(Q.dossier_id == refused.id)}
    assert states == {portal_queue.QUEUED}
    browser.open("/console/audit")
    assert "portal.resend" in browser.text
