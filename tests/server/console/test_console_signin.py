"""Signing in to the web console: argon2 passwords, cookie flags, the sign-in throttle shared in the database, the
session's expiry (idle and absolute, on a pinned clock), sign-out, and the form token on every POST."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from console_support import PEOPLE, csrf_of, post_form, sign_in, signed_in

from counter_app.server.guard import FAILURES_ALLOWED


def test_good_password_opens_a_session_with_a_strict_http_only_cookie(site: SimpleNamespace) -> None:
    client = site.client()
    answer = sign_in(client, "it")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/units"
    cookie = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("console_session="))
    flags = [part.strip().lower() for part in cookie.split(";")]
    assert "httponly" in flags and "samesite=strict" in flags and "path=/console" in flags
    assert "secure" not in flags  # plain http (the test client): a Secure cookie would never come back
    # the database keeps the cookie's hash only
    token = cookie.split(";")[0].split("=", 1)[1]
    stored = [r.token_hash for r in site.m.ConsoleSession.select()]
    assert len(stored) == 1 and token not in stored[0] and len(stored[0]) == 64
    page = client.get("/console/units")
    assert page.status_code == 200 and "Đơn vị và máy quầy" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_the_cookie_is_secure_when_the_console_is_reached_over_https(site: SimpleNamespace) -> None:
    client = site.client("https://testserver")
    answer = sign_in(client, "province")
    cookie = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("console_session="))
    assert "secure" in [part.strip().lower() for part in cookie.split(";")]
    assert client.get("/console/figures?from=2026-11-01&to=2026-11-30").status_code == 200


def test_wrong_password_and_unknown_name_get_the_same_sentence(site: SimpleNamespace) -> None:
    client = site.client()
    answers = []
    for username, password in (("quantri", "sai-mat-khau-roi"), ("khongco", "sai-mat-khau-roi")):
        form = client.get("/console/signin")
        answers.append(
            client.post(
                "/console/signin",
                data={"username": username, "password": password, "csrf_token": csrf_of(form.text)},
            )
        )
    for answer in answers:
        assert answer.status_code == 401
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in answer.text
        assert "console_session" not in answer.headers.get("set-cookie", "")
    assert client.get("/console/units", follow_redirects=False).headers["location"] == "/console/signin"


def test_a_disabled_account_cannot_sign_in(site: SimpleNamespace) -> None:
    site.m.ServerAccount.update(disabled=True).where(site.m.ServerAccount.username == "quantri").execute()
    assert sign_in(site.client(), "it").status_code == 401


def test_sign_in_is_throttled_per_name_in_the_shared_table(site: SimpleNamespace) -> None:
    client = site.client()
    for _ in range(FAILURES_ALLOWED):
        form = client.get("/console/signin")
        client.post(
            "/console/signin",
            data={"username": "quantri", "password": "doan-mo-mat-khau", "csrf_token": csrf_of(form.text)},
        )
    blocked = sign_in(client, "it")  # the right password now waits too
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert "Đăng nhập sai quá nhiều lần" in blocked.text
    keys = {r[0] for r in site.m.db.execute_sql("SELECT key FROM auth_throttle").fetchall()}
    assert {"console:testclient", "console:user:quantri"} <= keys
    # another browser (same address in the test client) is blocked too: the count is in the database
    assert sign_in(site.client(), "province").status_code == 429


def test_session_ends_after_30_idle_minutes(site: SimpleNamespace, clock) -> None:
    client = signed_in(site.client(), "it")
    clock.shift(timedelta(minutes=29))
    assert client.get("/console/units").status_code == 200  # a request restarts the idle time
    clock.shift(timedelta(minutes=29))
    assert client.get("/console/units").status_code == 200
    clock.shift(timedelta(minutes=31))
    answer = client.get("/console/units", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/console/signin?done=expired"
    assert "hết hạn" in client.get(answer.headers["location"]).text
    assert site.m.ConsoleSession.select().count() == 0


def test_session_ends_12_hours_after_sign_in_even_when_used(site: SimpleNamespace, clock) -> None:
    client = signed_in(site.client(), "province")
    for _ in range(24):  # every 25 minutes for ten hours
        clock.shift(timedelta(minutes=25))
        assert client.get("/console/figures?from=2026-11-01&to=2026-11-02").status_code == 200
    clock.shift(timedelta(hours=2))
    answer = client.get("/console/figures", follow_redirects=False)
    assert answer.status_code == 303 and "expired" in answer.headers["location"]


def test_sign_out_ends_the_session(site: SimpleNamespace) -> None:
    client = signed_in(site.client(), "it")
    answer = post_form(client, "/console/units", "/console/signout", {})
    assert answer.status_code == 303 and answer.headers["location"] == "/console/signin?done=signed_out"
    assert site.m.ConsoleSession.select().count() == 0
    assert client.get("/console/units", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("token", [None, "", "not-the-token", "x" * 128])
def test_a_post_without_the_session_form_token_is_refused(site: SimpleNamespace, token: str | None) -> None:
    client = signed_in(site.client(), "it")
    data = {"agency_id": "000.00.06.H56", "counter": "1"}
    if token is not None:
        data["csrf_token"] = token
    answer = client.post("/console/enrol", data=data)
    assert answer.status_code == 403
    assert "Biểu mẫu này đã cũ hoặc không được gửi từ trang quản trị" in answer.text
    assert site.m.Counter.select().count() == 0


def test_another_sessions_form_token_is_refused(site: SimpleNamespace) -> None:
    mine = signed_in(site.client(), "it")
    theirs = signed_in(site.client(), "it")
    token = csrf_of(theirs.get("/console/units").text)
    answer = mine.post(
        "/console/enrol", data={"agency_id": "000.00.06.H56", "counter": "1", "csrf_token": token}
    )
    assert answer.status_code == 403
    assert site.m.Counter.select().count() == 0


def test_sign_in_itself_needs_the_token_of_its_form(site: SimpleNamespace) -> None:
    client = site.client()
    person = PEOPLE["it"]
    answer = client.post("/console/signin", data={"username": person.username, "password": person.password})
    assert answer.status_code == 403
    client.get("/console/signin")  # the cookie is set, but the form's field is missing or wrong
    answer = client.post(
        "/console/signin", data={"username": person.username, "password": person.password, "csrf_token": "x"}
    )
    assert answer.status_code == 403
    assert site.m.ConsoleSession.select().count() == 0


def test_english_by_switch_and_kept_in_a_cookie(site: SimpleNamespace) -> None:
    client = site.client()
    page = client.get("/console/signin?lang=en")
    assert "Sign in to the server console" in page.text
    assert "console_lang=en" in page.headers["set-cookie"]
    assert "Sign in to the server console" in client.get("/console/signin").text
    assert 'id="lang-vi"' in client.get("/console/signin").text
    assert "Đăng nhập trang quản trị máy chủ" in client.get("/console/signin?lang=vi").text
