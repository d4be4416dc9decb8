"""A test double of the National Public Service Portal's integration adapter (as reached through a province's
LGSP): a real HTTP process on loopback that checks every call against the contract, keeps what it was sent and can
be told to fail, hold its answer, refuse a dossier or expire its sessions. Standard library only; tests only, never
part of the product.

Run it as `python -m tests.portal.adapter_double --port 0 --username U --password P --unit-code CODE`; once it
listens it prints one line, `{"port": N}`. Tests start it with `start_double()`, which returns a `PortalDouble`
handle (see tests/portal/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import queue
import secrets
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_USERNAME = "lgsp-test"
DEFAULT_PASSWORD = "mat-khau-thu"
DEFAULT_UNIT_CODE = "000.00.06.H56"
DEFAULT_AUTH_PATH = "/auth"
DEFAULT_INTEGRATION_PATH = "/integration"
DEFAULT_SHARE_PATH = "/share"
CONTROL_PREFIX = "/_double/"

# DongBoHoSoMC: one object per dossier, exactly these keys.
DOSSIER_STRINGS = (
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong",
    "ThongTinKhac", "Email", "Fax", "SoDienThoai", "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo",
    "NgayTra", "ThongTinTra", "HinhThuc", "NgayKetThucXuLy", "DonViXuLy", "GhiChu",
)  # fmt: skip
DOSSIER_LISTS = (
    "TaiLieuNop",
    "DanhSachLePhi",
    "DanhSachTepDinhKemKhac",
    "DanhSachHoSoBoSung",
    "DanhSachGiayToKetQua",
)
DOSSIER_REQUIRED = (
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "ChuHoSo",
    "NgayTiepNhan",
    "TrangThaiHoSo",
    "HinhThuc",
    "DonViXuLy",
)
DOSSIER_TIMES = ("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy")
# The items of these lists are objects with exactly these string keys; the other lists' items are any object.
LIST_ITEM_KEYS = {
    "TaiLieuNop": ("TepDinhKemId", "TenTepDinhKem", "IsDeleted", "MaThanhPhanHoSo", "DuongDanTaiTepTin"),
    "DanhSachGiayToKetQua": ("TenGiayTo", "MaThanhPhanHoSo", "GiayToId", "DuongDanTepTinKetQua"),
    "DanhSachLePhi": ("TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"),
}
# The papers' lists: keys that may not be empty, and the key holding the link the portal downloads the file from.
PAPER_REQUIRED = {
    "TaiLieuNop": ("TepDinhKemId", "TenTepDinhKem", "DuongDanTaiTepTin"),
    "DanhSachGiayToKetQua": ("TenGiayTo", "GiayToId", "DuongDanTepTinKetQua"),
}
PAPER_LINK = {"TaiLieuNop": "DuongDanTaiTepTin", "DanhSachGiayToKetQua": "DuongDanTepTinKetQua"}
FETCH_TIMEOUT_S = 30.0

# CapNhatTienDoHoSoMC: one object per step, exactly these keys.
STEP_STRINGS = (
    "MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy", "NoiDungXuLy", "TrangThai", "NgayBatDau",
    "NgayKetThucTheoQuyDinh",
)  # fmt: skip
STEP_REQUIRED = ("MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "TrangThai")
STEP_TIMES = ("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh")
STEP_IDENTITY = ("MaHoSo", "ThoiDiemXuLy", "TrangThai", "NoiDungXuLy")

NATIONAL_STATUSES = frozenset(str(n) for n in range(1, 11))
WRONG_LOGIN = "Sai tên đăng nhập hoặc mật khẩu"
SESSION_EXPIRED = "Phiên làm việc hết hạn"
DONE = "Thành công"


class Breach(Exception):
    """A body that breaks the contract: `field: what is wrong`."""

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")


# --- contract checks (pure functions; raise Breach on the first fault) ---


def check_time(where: str, value: str) -> None:
    """ "" or yyyyMMddHHmmss that is a real date-time."""
    if value == "":
        return
    if len(value) != 14 or not value.isascii() or not value.isdigit():
        raise Breach(where, f"not a yyyyMMddHHmmss time: {value!r}")
    try:
        datetime(
            int(value[0:4]),
            int(value[4:6]),
            int(value[6:8]),
            int(value[8:10]),
            int(value[10:12]),
            int(value[12:14]),
        )
    except ValueError:
        raise Breach(where, f"not a real date-time: {value!r}") from None


def check_keys(where: str, obj: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """An object with exactly `keys`, each a string."""
    if not isinstance(obj, dict):
        raise Breach(where, "not an object")
    for key in keys:
        if key not in obj:
            raise Breach(f"{where}.{key}", "missing")
    for key in obj:
        if key not in keys:
            raise Breach(f"{where}.{key}", "unknown key")
    for key in keys:
        if not isinstance(obj[key], str):
            raise Breach(f"{where}.{key}", f"not a string: {obj[key]!r}")
    return obj


def check_non_empty(where: str, obj: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        if not obj[key].strip():
            raise Breach(f"{where}.{key}", "empty")


def check_link(where: str, value: str) -> None:
    """An absolute http(s) address with a host, no spaces."""
    try:
        parts = urlsplit(value)
    except ValueError:
        raise Breach(where, f"not a URL: {value!r}") from None
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise Breach(where, f"not an http(s) URL: {value!r}")


def check_paper(where: str, name: str, item: Any) -> None:
    """An item of `TaiLieuNop` or `DanhSachGiayToKetQua`: its keys, its IDs and names, its link."""
    check_keys(where, item, LIST_ITEM_KEYS[name])
    check_non_empty(where, item, PAPER_REQUIRED[name])
    if name == "TaiLieuNop" and item["IsDeleted"] not in ("False", "True"):
        raise Breach(f"{where}.IsDeleted", f"not the string False or True: {item['IsDeleted']!r}")
    check_link(f"{where}.{PAPER_LINK[name]}", item[PAPER_LINK[name]])


def check_data(body: dict[str, Any]) -> list[Any]:
    data = body.get("data")
    if not isinstance(data, list) or not data:
        raise Breach("data", "not a non-empty list")
    return data


def check_dossier(where: str, obj: Any) -> None:
    if not isinstance(obj, dict):
        raise Breach(where, "not an object")
    check_keys(where, {k: v for k, v in obj.items() if k not in DOSSIER_LISTS}, DOSSIER_STRINGS)
    for name in DOSSIER_LISTS:
        if name not in obj:
            raise Breach(f"{where}.{name}", "missing")
        items = obj[name]
        if not isinstance(items, list):
            raise Breach(f"{where}.{name}", "not a list")
        for i, item in enumerate(items):
            if name in PAPER_LINK:
                check_paper(f"{where}.{name}[{i}]", name, item)
            elif name in LIST_ITEM_KEYS:
                check_keys(f"{where}.{name}[{i}]", item, LIST_ITEM_KEYS[name])
            elif not isinstance(item, dict):
                raise Breach(f"{where}.{name}[{i}]", "not an object")
    check_non_empty(where, obj, DOSSIER_REQUIRED)
    if obj["LoaiDoiTuong"] not in ("1", "2"):
        raise Breach(f"{where}.LoaiDoiTuong", f"not 1 or 2: {obj['LoaiDoiTuong']!r}")
    if obj["HinhThuc"] not in ("0", "1"):
        raise Breach(f"{where}.HinhThuc", f"not 0 or 1: {obj['HinhThuc']!r}")
    if obj["TrangThaiHoSo"] not in NATIONAL_STATUSES:
        raise Breach(f"{where}.TrangThaiHoSo", f"not a status 1..10: {obj['TrangThaiHoSo']!r}")
    for name in DOSSIER_TIMES:
        check_time(f"{where}.{name}", obj[name])
    if obj["NgayHenTra"] and obj["NgayHenTra"] < obj["NgayTiepNhan"]:
        raise Breach(f"{where}.NgayHenTra", "before NgayTiepNhan")


def check_step(where: str, obj: Any) -> None:
    check_keys(where, obj, STEP_STRINGS)
    check_non_empty(where, obj, STEP_REQUIRED)
    if obj["TrangThai"] not in NATIONAL_STATUSES:
        raise Breach(f"{where}.TrangThai", f"not a status 1..10: {obj['TrangThai']!r}")
    for name in STEP_TIMES:
        check_time(f"{where}.{name}", obj[name])


def check_dossier_batch(body: dict[str, Any]) -> tuple[bool, list[dict[str, Any]]]:
    updating = body.get("isUpdating")
    if updating not in ("True", "False"):
        raise Breach("isUpdating", f"not the string True or False: {updating!r}")
    data = check_data(body)
    seen: set[str] = set()
    for i, obj in enumerate(data):
        check_dossier(f"data[{i}]", obj)
        if obj["MaHoSo"] in seen:
            raise Breach(f"data[{i}].MaHoSo", f"twice in the batch: {obj['MaHoSo']}")
        seen.add(obj["MaHoSo"])
    return updating == "True", data


def check_step_batch(body: dict[str, Any]) -> list[dict[str, Any]]:
    data = check_data(body)
    for i, obj in enumerate(data):
        check_step(f"data[{i}]", obj)
    return data


# --- the portal's state ---


@dataclass
class Answer:
    status: int
    body: dict[str, Any]
    hold: threading.Event | None = None
    hold_seconds: float = 0.0


def error(message: str, code: Any = "-1") -> Answer:
    return Answer(200, {"error_code": code, "message": message})


@dataclass
class Portal:
    """Everything the double holds, behind one lock."""

    username: str
    password: str
    unit_code: str
    lock: threading.Lock = field(default_factory=threading.Lock)
    sessions: set[str] = field(default_factory=set)
    sessions_issued: int = 0
    dossiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    steps: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    calls: list[dict[str, Any]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    procedures: dict[str, dict[str, Any]] = field(default_factory=dict)
    rejects: dict[str, tuple[Any, str]] = field(default_factory=dict)
    fail_count: int = 0
    fail_status: int = 503
    hang_count: int = 0
    hang_seconds: float = 0.0
    release_event: threading.Event = field(default_factory=threading.Event)

    # portal side

    def sign_in(self, body: Any) -> Answer:
        with self.lock:
            if (
                isinstance(body, dict)
                and body.get("username") == self.username
                and body.get("password") == self.password
            ):
                session = secrets.token_hex(16)
                self.sessions.add(session)
                self.sessions_issued += 1
                return Answer(200, {"error_code": 0, "message": "OK", "session": session})
            return error(WRONG_LOGIN)

    def call(self, integration: bool, body: Any) -> Answer:
        with self.lock:
            service = body.get("service") if isinstance(body, dict) else None
            record: dict[str, Any] = {
                "service": service,
                "isUpdating": body.get("isUpdating") if isinstance(body, dict) else None,
                "size": len(body["data"])
                if isinstance(body, dict) and isinstance(body.get("data"), list)
                else 0,
            }
            if self.fail_count > 0:
                self.fail_count -= 1
                answer = Answer(self.fail_status, {"error": "unavailable"})
            else:
                answer = self._answer(integration, body)
                if integration and self.hang_count > 0:
                    self.hang_count -= 1
                    answer.hold, answer.hold_seconds = self.release_event, self.hang_seconds
            record["answer"] = (
                answer.body.get("error_code", answer.status) if answer.status == 200 else answer.status
            )
            self.calls.append(record)
            return answer

    def _answer(self, integration: bool, body: Any) -> Answer:
        path = "integration" if integration else "share"
        if not isinstance(body, dict):
            return self._breach(path, Breach("body", "not a JSON object"))
        session = body.get("session")
        if not isinstance(session, str):
            return self._breach(path, Breach("session", "missing or not a string"))
        if session not in self.sessions:
            return Answer(401, {"error_code": 401, "message": SESSION_EXPIRED})
        if body.get("madonvi") != self.unit_code:
            return self._breach(path, Breach("madonvi", f"not this unit's code: {body.get('madonvi')!r}"))
        service = body.get("service")
        handlers = (
            {"DongBoHoSoMC": self._sync_dossiers, "CapNhatTienDoHoSoMC": self._record_steps}
            if integration
            else {"TraCuuHoSo": self._look_up_dossier, "LayThuTuc": self._look_up_procedure}
        )
        if service not in handlers:
            return self._breach(path, Breach("service", f"not a service of the {path} path: {service!r}"))
        try:
            return handlers[service](body)
        except Breach as breach:
            return self._breach(str(service), breach)

    def _breach(self, context: str, breach: Breach) -> Answer:
        self.violations.append(f"{context}: {breach}")
        return error(str(breach))

    def _sync_dossiers(self, body: dict[str, Any]) -> Answer:
        updating, data = check_dossier_batch(body)
        for i, obj in enumerate(data):
            code = obj["MaHoSo"]
            if not updating and code in self.dossiers:
                raise Breach(
                    f"data[{i}].MaHoSo", f"created twice (isUpdating False for a held dossier): {code}"
                )
            if updating and code not in self.dossiers:
                raise Breach(
                    f"data[{i}].MaHoSo", f"isUpdating True for a dossier the portal does not hold: {code}"
                )
        for obj in data:
            if obj["MaHoSo"] in self.rejects:
                code, message = self.rejects[obj["MaHoSo"]]
                return error(message, code)
        for obj in data:
            held = self.dossiers.setdefault(obj["MaHoSo"], {"object": None, "creates": 0, "updates": 0})
            held["object"] = obj
            held["updates" if updating else "creates"] += 1
        return Answer(200, {"error_code": 0, "message": DONE})

    def _record_steps(self, body: dict[str, Any]) -> Answer:
        data = check_step_batch(body)
        for i, obj in enumerate(data):
            if obj["MaHoSo"] not in self.dossiers:
                raise Breach(
                    f"data[{i}].MaHoSo", f"a step of a dossier the portal does not hold: {obj['MaHoSo']}"
                )
        for obj in data:
            held = self.steps.setdefault(obj["MaHoSo"], [])
            identity = tuple(obj[k] for k in STEP_IDENTITY)
            if any(tuple(step[k] for k in STEP_IDENTITY) == identity for step in held):
                self.violations.append(
                    f"CapNhatTienDoHoSoMC: step twice: {obj['MaHoSo']} {obj['ThoiDiemXuLy']} {obj['TrangThai']}"
                )
            else:
                held.append(obj)
        return Answer(200, {"error_code": 0, "message": DONE})

    def _look_up_dossier(self, body: dict[str, Any]) -> Answer:
        code = body.get("mahoso")
        if not isinstance(code, str) or not code.strip():
            raise Breach("mahoso", "missing or empty")
        held = self.dossiers.get(code)
        result = [] if held is None else [{**held["object"], "QuaTrinhXuLy": list(self.steps.get(code, []))}]
        return Answer(200, {"error_code": 0, "message": DONE, "result": result})

    def _look_up_procedure(self, body: dict[str, Any]) -> Answer:
        code = body.get("maTTHC")
        if not isinstance(code, str) or not code.strip():
            raise Breach("maTTHC", "missing or empty")
        held = self.procedures.get(code)
        return Answer(200, {"error_code": 0, "message": DONE, "result": [] if held is None else [held]})

    # control side

    def control(self, name: str, body: dict[str, Any]) -> dict[str, Any] | None:
        if name == "fetch":  # outside the lock: the portal goes on answering while it downloads
            return fetch(str(body["url"]))
        with self.lock:
            if name == "state":
                return self._state()
            if name == "fail":
                self.fail_count, self.fail_status = int(body["count"]), int(body.get("status", 503))
            elif name == "hang":
                self.hang_count, self.hang_seconds = int(body["count"]), float(body["seconds"])
            elif name == "release":
                self._release()
            elif name == "reject":
                if body.get("clear"):
                    self.rejects.pop(str(body["mahoso"]), None)
                else:
                    self.rejects[str(body["mahoso"])] = (
                        body.get("error_code", "99"),
                        str(body.get("message", "")),
                    )
            elif name == "expire":
                self.sessions.clear()
            elif name == "procedures":
                for row in body["procedures"]:
                    self.procedures[row["MATTHC"]] = {
                        "MATTHC": row["MATTHC"],
                        "TENTTHC": row["TENTTHC"],
                        "LINHVUCTHUCHIEN": [{"MALINHVUC": row["MALINHVUC"], "TENLINHVUC": row["TENLINHVUC"]}],
                    }
            elif name == "reset":
                self._reset()
            else:
                return None
            return {"ok": True}

    def _release(self) -> None:
        """Ends every hold now; later holds wait on a fresh event."""
        self.release_event.set()
        self.release_event = threading.Event()

    def _reset(self) -> None:
        self._release()
        self.sessions.clear()
        self.sessions_issued = 0
        self.dossiers.clear()
        self.steps.clear()
        self.calls.clear()
        self.violations.clear()
        self.procedures.clear()
        self.rejects.clear()
        self.fail_count = self.hang_count = 0

    def _state(self) -> dict[str, Any]:
        return json.loads(
            json.dumps(
                {
                    "dossiers": self.dossiers,
                    "steps": self.steps,
                    "calls": self.calls,
                    "violations": self.violations,
                    "sessions_issued": self.sessions_issued,
                }
            )
        )


def fetch(url: str) -> dict[str, Any]:
    """Download a paper by its link as the portal does: a plain GET, no credential. What came back: the status, the
    body's SHA-256 and size, its type and disposition, and the body itself when it is JSON (an error); status 0
    with `error` when the text is no http(s) link or nothing answered."""
    try:
        check_link("url", url)
        request = urllib.request.Request(url, method="GET")
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:  # noqa: S310  (http(s) only)
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        status, headers, raw = exc.code, exc.headers, exc.read()
    except (Breach, OSError) as exc:  # not a link, or nothing answered at that address
        return {"status": 0, "error": str(exc)}
    content_type = headers.get("Content-Type", "")
    answer: dict[str, Any] = {
        "status": status,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "size": len(raw),
        "content_type": content_type,
        "content_disposition": headers.get("Content-Disposition", ""),
        "json": None,
    }
    if content_type.startswith("application/json"):
        answer["json"] = json.loads(raw.decode("utf-8"))
    return answer


# --- HTTP ---


def make_handler(portal: Portal, paths: dict[str, str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as two writes; no 40 ms wait between them

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002  (the base class's name)
            pass

        def _send(self, status: int, body: dict[str, Any]) -> None:
            raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up waiting (a held answer)

        def _body(self) -> Any:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                return json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                return None

        def do_GET(self) -> None:
            if self.path == CONTROL_PREFIX + "state":
                self._send(200, portal.control("state", {}) or {})
            else:
                self._send(404, {"error": "not found"})

        def do_POST(self) -> None:
            body = self._body()
            if self.path.startswith(CONTROL_PREFIX):
                try:
                    answer = portal.control(
                        self.path[len(CONTROL_PREFIX) :], body if isinstance(body, dict) else {}
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    self._send(400, {"error": f"bad control body: {exc!r}"})
                    return
                self._send(200 if answer is not None else 404, answer or {"error": "not found"})
            elif self.path == paths["auth"]:
                self._reply(portal.sign_in(body))
            elif self.path in (paths["integration"], paths["share"]):
                self._reply(portal.call(self.path == paths["integration"], body))
            else:
                self._send(404, {"error": "not found"})

        def _reply(self, answer: Answer) -> None:
            if answer.hold is not None:
                answer.hold.wait(answer.hold_seconds)
            self._send(answer.status, answer.body)

    return Handler


def serve(args: argparse.Namespace) -> None:
    portal = Portal(args.username, args.password, args.unit_code)
    paths = {"auth": args.auth_path, "integration": args.integration_path, "share": args.share_path}
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(portal, paths))
    server.daemon_threads = True
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Test double of the national portal's integration adapter.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--unit-code", required=True)
    parser.add_argument("--auth-path", default=DEFAULT_AUTH_PATH)
    parser.add_argument("--integration-path", default=DEFAULT_INTEGRATION_PATH)
    parser.add_argument("--share-path", default=DEFAULT_SHARE_PATH)
    return parser.parse_args(argv)


# --- the tests' handle on a running double ---

REPO_ROOT = Path(__file__).resolve().parents[2]


class PortalDouble:
    """A running double: where it is, the credentials it accepts, and its control calls."""

    def __init__(
        self,
        process: subprocess.Popen[str],
        port: int,
        username: str,
        password: str,
        unit_code: str,
        auth_path: str,
        integration_path: str,
        share_path: str,
    ) -> None:
        import httpx  # the test process's client; the double itself stays standard library only

        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.username, self.password, self.unit_code = username, password, unit_code
        self.auth_path, self.integration_path, self.share_path = auth_path, integration_path, share_path
        self._client = httpx.Client(base_url=self.url, timeout=10.0)

    def _control(self, name: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self._client.post(CONTROL_PREFIX + name, json=body or {})
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def state(self) -> dict[str, Any]:
        response = self._client.get(CONTROL_PREFIX + "state")
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def violations(self) -> list[str]:
        return list(self.state()["violations"])

    def fail(self, count: int, status: int = 503) -> None:
        self._control("fail", {"count": count, "status": status})

    def hang(self, count: int, seconds: float) -> None:
        self._control("hang", {"count": count, "seconds": seconds})

    def release(self) -> None:
        self._control("release")

    def reject(self, mahoso: str, error_code: str = "99", message: str = "Hồ sơ không hợp lệ") -> None:
        self._control("reject", {"mahoso": mahoso, "error_code": error_code, "message": message})

    def clear_reject(self, mahoso: str) -> None:
        self._control("reject", {"mahoso": mahoso, "clear": True})

    def expire(self) -> None:
        self._control("expire")

    def procedures(self, rows: list[dict[str, str]]) -> None:
        self._control("procedures", {"procedures": rows})

    def fetch(self, url: str) -> dict[str, Any]:
        """The double downloads `url` as the portal would (a plain GET from its own process, no credential):
        `{"status", "sha256", "size", "content_type", "content_disposition", "json"}`."""
        return self._control("fetch", {"url": url})

    def reset(self) -> None:
        self._control("reset")

    def kill(self) -> None:
        """Stops the process (releasing any held answer first is not needed: its threads die with it)."""
        self._client.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> PortalDouble:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


def start_double(
    username: str = DEFAULT_USERNAME,
    password: str = DEFAULT_PASSWORD,
    unit_code: str = DEFAULT_UNIT_CODE,
    auth_path: str = DEFAULT_AUTH_PATH,
    integration_path: str = DEFAULT_INTEGRATION_PATH,
    share_path: str = DEFAULT_SHARE_PATH,
    timeout: float = 30.0,
) -> PortalDouble:
    """Starts the double as its own process on a free loopback port and waits (up to `timeout`) for its port line."""
    command = [
        sys.executable, "-m", "tests.portal.adapter_double", "--port", "0", "--username", username,
        "--password", password, "--unit-code", unit_code, "--auth-path", auth_path,
        "--integration-path", integration_path, "--share-path", share_path,
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(
        target=lambda: lines.put(stdout.readline()), name="portal-double-port", daemon=True
    ).start()
    try:
        line = lines.get(timeout=timeout)
        port = int(json.loads(line)["port"])
    except (queue.Empty, ValueError, KeyError, TypeError):
        process.kill()
        process.wait(timeout=30)
        raise RuntimeError(f"the portal test double did not report its port within {timeout} s") from None
    return PortalDouble(process, port, username, password, unit_code, auth_path, integration_path, share_path)


if __name__ == "__main__":
    serve(parse_args())
