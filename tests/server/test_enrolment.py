"""Enrolment against a real server process: a one-time token enrols one installation, failures are throttled and
logged, the credential is checked before the body is read, and a stalled upload does not hold a connection."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

from counter_app.server.admin import add_counter, revoke_counter
from counter_app.server.guard import FAILURES_ALLOWED
from counter_app.server.process import ServerProcess
from counter_app.sync.enrol import BadServerUrl, InsecureServer, check_server_url

AGENCY = "000.00.06.H56"


def enrol(url: str, token: str) -> httpx.Response:
    return httpx.post(f"{url}/v1/enrol", headers={"Authorization": f"Bearer {token}"}, timeout=30)


def test_one_token_enrols_exactly_one_installation_even_when_sent_at_once(
    server: ServerProcess, admin
) -> None:
    token = add_counter(admin, AGENCY, 2)
    answers: list[httpx.Response] = []
    start = threading.Barrier(3)

    def attempt() -> None:
        start.wait()
        answers.append(enrol(server.url, token))

    threads = [threading.Thread(target=attempt) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [a for a in answers if a.status_code == 200]
    assert len(won) == 1
    assert sorted(a.json()["error"] for a in answers if a.status_code != 200) == ["auth.token_used"] * 2
    credential = won[0].json()["credential"]
    assert credential and credential != token and won[0].json()["reinstalled"] is False

    # the credential works; the spent token is worth nothing, neither to enrol nor to pull
    ok = httpx.get(f"{server.url}/v1/pull", headers={"Authorization": f"Bearer {credential}"})
    assert ok.status_code == 200
    assert enrol(server.url, token).json() == {"error": "auth.token_used"}
    copied = httpx.get(f"{server.url}/v1/pull", headers={"Authorization": f"Bearer {token}"})
    assert copied.status_code == 401 and copied.json() == {"error": "auth.invalid"}
    assert admin.Counter.get(admin.Counter.number == 2).installations == 1


def test_a_new_installation_of_a_number_retires_the_old_one_and_learns_its_slot(
    server: ServerProcess, admin
) -> None:
    first = enrol(server.url, add_counter(admin, AGENCY, 3)).json()["credential"]
    for number in (1, 4):  # codes this counter issued before it was reinstalled
        admin.Dossier.insert(
            id=f"d{number}",
            code=f"{AGENCY}-261123-03{number:02d}",
            agency_id=AGENCY,
            counter=3,
            status=2,
            version=1,
            data="{}",
            created_at="2026-11-23T08:00:00",
            updated_at="2026-11-23T08:00:00",
        ).execute()
    revoke_counter(admin, AGENCY, 3)
    second = enrol(server.url, add_counter(admin, AGENCY, 3)).json()
    assert second["reinstalled"] is True and second["slot_numbers"] == {"261123": 4}
    old = httpx.get(f"{server.url}/v1/pull", headers={"Authorization": f"Bearer {first}"})
    assert old.status_code == 401
    new = httpx.get(f"{server.url}/v1/pull", headers={"Authorization": f"Bearer {second['credential']}"})
    assert new.status_code == 200


def test_failed_authentication_is_throttled_with_retry_after_and_logged(server: ServerProcess, admin) -> None:
    credential = enrol(server.url, add_counter(admin, AGENCY, 5)).json()["credential"]
    codes = [
        httpx.get(f"{server.url}/v1/pull", headers={"Authorization": f"Bearer wrong-{i}"}).status_code
        for i in range(FAILURES_ALLOWED)
    ]
    assert codes == [401] * FAILURES_ALLOWED
    blocked = httpx.get(f"{server.url}/v1/pull", headers={"Authorization": f"Bearer {credential}"})
    assert blocked.status_code == 429 and blocked.json() == {"error": "auth.throttled"}
    assert 1 <= int(blocked.headers["retry-after"]) <= 900
    guesses = enrol(server.url, "guess")
    assert guesses.status_code == 429, "enrolment is throttled for the same address too"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "authentication failed" not in "\n".join(server.log):
        time.sleep(0.05)
    failures = [line for line in server.log if "authentication failed" in line]
    assert len(failures) >= FAILURES_ALLOWED and "auth.invalid" in failures[0] and "127.0.0.1" in failures[0]


def _raw_request(url: str, head: str, body: bytes = b"") -> tuple[socket.socket, float]:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=20)
    sock.sendall(head.encode() + body)
    return sock, time.monotonic()


def _status_of(sock: socket.socket) -> int:
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1])


def test_the_credential_is_checked_before_the_body_is_read(server: ServerProcess) -> None:
    head = (
        "POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n"
        "Content-Type: application/json\r\nContent-Length: 900000\r\n\r\n"
    )
    sock, _ = _raw_request(server.url, head, b"{")  # the rest of the body never comes
    try:
        assert _status_of(sock) == 401
    finally:
        sock.close()


def test_a_stalled_upload_gets_408_instead_of_holding_the_connection(server_db: str, admin) -> None:
    credential = None
    with ServerProcess(server_db, extra_args=["--body-timeout", "1"]) as server:
        credential = enrol(server.url, add_counter(admin, AGENCY, 6)).json()["credential"]
        head = (
            f"POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {credential}\r\n"
            "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
        )
        sock, sent = _raw_request(server.url, head, b'{"changes": [')
        try:
            assert _status_of(sock) == 408
            assert time.monotonic() - sent < 10
        finally:
            sock.close()


@pytest.mark.parametrize(
    ("url", "insecure", "expected"),
    [
        ("https://motcua.example.vn/", False, "https://motcua.example.vn"),
        ("http://127.0.0.1:8765", False, "http://127.0.0.1:8765"),
        ("http://localhost:8765", False, "http://localhost:8765"),
        ("http://[::1]:8765", False, "http://[::1]:8765"),
        ("http://10.0.0.5:8765", True, "http://10.0.0.5:8765"),
    ],
)
def test_server_addresses_allowed(url: str, insecure: bool, expected: str) -> None:
    assert check_server_url(url, insecure=insecure) == expected


def test_plain_http_to_another_machine_is_refused_without_insecure() -> None:
    with pytest.raises(InsecureServer):
        check_server_url("http://10.0.0.5:8765")
    with pytest.raises(InsecureServer):
        check_server_url("http://motcua.example.vn")
    with pytest.raises(BadServerUrl):
        check_server_url("motcua.example.vn:8765")


def test_setup_refuses_plain_http_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from counter_app.cli.main import main

    err = io.StringIO()
    code = main(
        ["--data-dir", str(tmp_path), "setup", "--server", "http://192.0.2.10:8765", "--token", "t"],
        out=io.StringIO(),
        err=err,
    )
    text = err.getvalue() + capsys.readouterr().err
    assert code == 2 and "http://" in text and "--insecure" in text and "Traceback" not in text
