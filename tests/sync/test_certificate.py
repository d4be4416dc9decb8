"""A server whose TLS certificate is not trusted is reported as such, not as a network that cannot be reached."""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from counter_app.sync.client import CertificateRefused, ServerUnreachable, SyncClient
from counter_app.sync.wording import describe_sync


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        body = b'{"status": "ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server on loopback with a certificate that nobody vouches for."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_an_untrusted_certificate_has_its_own_code_and_sentence(self_signed_server: str) -> None:
    with (
        SyncClient(self_signed_server, "token", timeout=10) as client,
        pytest.raises(CertificateRefused) as raised,
    ):
        client.health()
    assert raised.value.code == "sync.certificate"
    assert isinstance(raised.value, ServerUnreachable)  # still retried later like any connection failure
    vi, en = describe_sync("sync.certificate"), describe_sync("sync.certificate", "en")
    assert "chứng chỉ" in vi.lower() and "certificate" in en
    assert vi != describe_sync("sync.unreachable")


def test_a_closed_port_is_still_unreachable_not_a_certificate_problem() -> None:
    with (
        SyncClient("https://127.0.0.1:9", "token", timeout=5) as client,
        pytest.raises(ServerUnreachable) as raised,
    ):
        client.health()
    assert raised.value.code == "sync.unreachable"


def test_the_self_test_names_the_certificate(self_signed_server: str, tmp_path: Path) -> None:
    from counter_app.selftest import Level, SelfTest

    check = SelfTest(tmp_path, tmp_path)
    check.server_url = self_signed_server
    outcome = check.check_server()
    assert outcome.level is Level.FAILED
    assert (
        describe_sync("sync.certificate") in outcome.vi
        and describe_sync("sync.certificate", "en") in outcome.en
    )
