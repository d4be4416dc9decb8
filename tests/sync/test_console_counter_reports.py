"""What counters tell the server about themselves on every push and pull (their version, the changes waiting in
their outbox, their clock), recorded on the server and shown on the console's unit page: a real counter store
syncing with a real server process."""

from __future__ import annotations

import re

import httpx
from sync_support import AGENCY, Counters, receive_one

from counter_app import __version__
from counter_app.server.console.accounts import ADMIN, add_account
from counter_app.server.process import ServerProcess
from counter_app.sync.engine import SyncEngine

PASSWORD = "quan-tri-may-chu-2026"


def console(url: str, **headers: str) -> httpx.Client:
    client = httpx.Client(base_url=url, headers=headers, timeout=30)
    form = client.get("/console/signin")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    answer = client.post(
        "/console/signin", data={"username": "quantri", "password": PASSWORD, "csrf_token": token}
    )
    assert answer.status_code == 303, answer.text
    return client


def test_the_counters_reports_reach_the_console(server: ServerProcess, counters: Counters, admin) -> None:
    add_account(admin, "quantri", ADMIN, PASSWORD, actor="cli")
    store = counters.new(1, server.url)
    engine = SyncEngine(store)
    receive_one(store, "Nguyễn Văn An")
    assert engine.cycle().ok  # push (1 waiting), then pull (0 waiting)
    row = admin.Counter.get((admin.Counter.agency_id == AGENCY) & (admin.Counter.number == 1))
    assert row.app_version == __version__
    assert row.pending_changes == 0
    assert row.last_seen_at is not None
    assert row.clock_skew_ms is not None and abs(row.clock_skew_ms) < 5_000  # one machine, one clock

    client = console(server.url)
    try:
        page = client.get(f"/console/units/{AGENCY}").text
        assert re.search(r'<tr id="counter-1" class="state-synced"[^>]*data-pending="0"', page)
        assert "đã đồng bộ" in page

        # three dossiers received while pushes are held back: the next pull tells the server they wait
        for name in ("Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"):
            receive_one(store, name)
        engine.pull()
        row = admin.Counter.get((admin.Counter.agency_id == AGENCY) & (admin.Counter.number == 1))
        assert row.pending_changes == 3
        page = client.get(f"/console/units/{AGENCY}").text
        assert re.search(r'<tr id="counter-1" class="state-pending"[^>]*data-pending="3"', page)
        assert re.search(r'id="counter-1-pending" class="num">3<', page)

        assert engine.cycle().ok  # sent: synced again
        page = client.get(f"/console/units/{AGENCY}").text
        assert re.search(r'<tr id="counter-1" class="state-synced"[^>]*data-pending="0"', page)
    finally:
        client.close()
        engine.close()


def test_behind_a_trusted_proxy_the_session_cookie_is_secure(server: ServerProcess, admin) -> None:
    """uvicorn believes X-Forwarded-Proto from the loopback (its default FORWARDED_ALLOW_IPS), as from nginx."""
    add_account(admin, "quantri", ADMIN, PASSWORD, actor="cli")
    with httpx.Client(base_url=server.url, headers={"X-Forwarded-Proto": "https"}, timeout=30) as client:
        form = client.get("/console/signin")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        signin_cookie = form.headers["set-cookie"]
        assert "secure" in signin_cookie.lower()
        answer = client.post(
            "/console/signin",
            data={"username": "quantri", "password": PASSWORD, "csrf_token": token},
            headers={"Cookie": signin_cookie.split(";")[0]},  # a Secure cookie is not sent back over http
        )
        assert answer.status_code == 303
        session = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("console_session="))
        assert {"secure", "httponly", "samesite=strict"} <= {p.strip().lower() for p in session.split(";")}
    with httpx.Client(base_url=server.url, timeout=30) as plain:
        form = plain.get("/console/signin")
        assert "secure" not in form.headers["set-cookie"].lower()
