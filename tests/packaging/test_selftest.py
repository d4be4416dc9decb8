"""`counter-app --self-test` from the source tree: one line per check, the exit code, and real data left untouched."""

from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from packaging_support import DB_NAME, parse_checks, run_command, source_command

from counter_app.selftest import Level, SelfTest
from counter_app.storage.database import available_migrations, schema_version

LATEST = max(m.number for m in available_migrations())
REQUIRED = (
    "Cơ sở dữ liệu",
    "Danh mục thủ tục mẫu",
    "Lịch ngày nghỉ",
    "Phông chữ tiếng Việt",
    "Mẫu 01 và mã vạch",
    "Hiển thị (Qt)",
    "Giao diện",
)


def self_test(data_dir: Path, cwd: Path, *extra: str) -> tuple[int, dict[str, tuple[str, str]], str]:
    result = run_command([*source_command(), "--data-dir", str(data_dir), *extra, "--self-test"], cwd=cwd)
    return result.returncode, parse_checks(result.stdout), result.stdout + result.stderr


def test_fresh_machine_passes_and_reports_missing_hardware_without_failing(tmp_path: Path) -> None:
    data_dir = tmp_path / "not-created-yet"
    code, checks, output = self_test(data_dir, tmp_path)
    assert code == 0, output
    for name in REQUIRED:
        assert checks[name][0] == "OK", output
    assert f"lược đồ {LATEST}" in checks["Cơ sở dữ liệu"][1]
    assert checks["In ấn"][0] in {"OK", "CẢNH BÁO"}
    assert checks["Camera"][0] in {"OK", "CẢNH BÁO"}
    assert checks["Bản dịch"][0] in {
        "OK",
        "CẢNH BÁO",
    }  # from source, .qm files are built by `make translations`
    assert checks["Máy chủ trung tâm"] == ("THÔNG TIN", "chưa cấu hình")
    assert checks["Nhật ký kiểm toán"][0] in {"OK", "THÔNG TIN"}, output
    assert "Mã hóa dữ liệu" in checks, output
    assert len(checks) == 14
    assert not data_dir.exists(), "the self-test must not create the data folder"


def test_checks_a_migrated_copy_and_leaves_the_counter_database_as_it_was(
    release_data_dir: Path, tmp_path: Path
) -> None:
    database = release_data_dir / DB_NAME
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    code, checks, output = self_test(release_data_dir, tmp_path)
    assert code == 0, output
    label, detail = checks["Cơ sở dữ liệu"]
    assert label == "OK"
    assert f"1→{LATEST}" in detail
    assert "4 hồ sơ" in detail and "7 thay đổi chưa đồng bộ" in detail  # 6 pending + 1 parked
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert schema_version(database) == 1
    assert not (release_data_dir / "backups").exists()


def test_speaks_english_when_asked(tmp_path: Path) -> None:
    code, checks, output = self_test(tmp_path / "data", tmp_path, "--lang", "en")
    assert code == 0, output
    assert checks["Database"][0] == "OK"
    assert (
        checks["Form 01 and barcodes"]
        == (
            "OK",
            checks["Form 01 and barcodes"][1],
        )
        and "Code 128 and QR read back" in checks["Form 01 and barcodes"][1]
    )
    assert checks["Central server"] == ("INFO", "not configured")
    assert output.splitlines()[-1].endswith("warning(s)")


def test_a_damaged_database_fails_the_self_test(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / DB_NAME).write_bytes(b"not a database, a truncated copy from a USB stick\n" * 200)
    code, checks, output = self_test(data_dir, tmp_path)
    assert code == 1, output
    assert checks["Cơ sở dữ liệu"][0] == "LỖI"
    assert checks["Mẫu 01 và mã vạch"][0] == "OK"  # one failure does not stop the other checks
    assert output.splitlines()[-1].startswith("1 lỗi")


# ---- the central server ------------------------------------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/health" and self.server.healthy:  # type: ignore[attr-defined]
            body = json.dumps({"status": "ok", "server_time": "2026-03-02T01:00:00Z"}).encode()
            self.send_response(200)
        else:
            body = b"<html>Not Found</html>"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _serve(healthy: bool) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.healthy = healthy  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def counter_server() -> Iterator[str]:
    """A loopback server answering /health as the central server does."""
    yield from _serve(healthy=True)


@pytest.fixture
def wrong_server() -> Iterator[str]:
    """Something listening at the configured address that is not the central server (404 on /health)."""
    yield from _serve(healthy=False)


def test_the_configured_server_is_asked_for_its_health(
    release_data_dir: Path, tmp_path: Path, counter_server: str
) -> None:
    con = sqlite3.connect(release_data_dir / DB_NAME)
    con.execute("INSERT INTO sync_state (key, value) VALUES ('server_url', ?)", (counter_server + "/",))
    con.commit()
    con.close()
    code, checks, output = self_test(release_data_dir, tmp_path)
    assert code == 0, output
    assert checks["Máy chủ trung tâm"] == ("OK", f"{counter_server}/ trả lời")


def _server_check(tmp_path: Path, url: str) -> Level:
    suite = SelfTest(tmp_path / "data", tmp_path)
    suite.server_url = url
    return suite.check_server().level


def test_a_wrong_server_address_fails(tmp_path: Path, wrong_server: str) -> None:
    assert _server_check(tmp_path, wrong_server) is Level.FAILED


def test_an_unreachable_server_is_a_warning_because_the_counter_works_offline(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    assert _server_check(tmp_path, f"http://127.0.0.1:{closed_port}") is Level.WARNING


def test_data_written_by_a_newer_release_is_reported(release_data_dir: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(release_data_dir / DB_NAME)
    con.execute("PRAGMA user_version = 99")
    con.close()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    outcome = SelfTest(release_data_dir, scratch).check_database()
    assert outcome.level is Level.FAILED
    assert f"99 > {LATEST}" in outcome.vi
