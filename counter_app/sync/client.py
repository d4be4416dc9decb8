"""HTTP client of the sync server (httpx, with timeouts): enrol, push, pull, each answer carrying the server's clock."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

from .. import __version__
from ..core.codes import DEFAULT_SLOT_DIGITS, check_slot_digits
from ..core.errors import DomainError, ValidationError
from ..core.wire import SERVER_TIME_HEADER, Change, ChangeResult, parse_time, utc_now

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


class SyncError(DomainError):
    """Synchronisation could not complete; `code` says why (the caller decides: retry or ask a person)."""

    code = "sync.failed"


class ServerUnreachable(SyncError):
    """No answer: network down, timeout, connection reset. Retry with backoff."""

    code = "sync.unreachable"


class CertificateRefused(ServerUnreachable):
    """The server answered, but its TLS certificate is not trusted (expired, self-signed, wrong name)."""

    code = "sync.certificate"


def is_certificate_failure(exc: BaseException) -> bool:
    """True when a connection failed on the server's TLS certificate rather than on the network."""
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


class ServerFailure(SyncError):
    """The server answered 5xx. Retry with backoff."""

    code = "sync.server_error"


class RequestRefused(SyncError):
    """The server refused the whole request (4xx); `params['status']` and `params['error']` say how."""

    code = "sync.refused"

    @property
    def status(self) -> int:
        return int(self.params.get("status", 0))  # type: ignore[call-overload]

    @property
    def error(self) -> str:
        return str(self.params.get("error", ""))


class AuthRefused(RequestRefused):
    """The server does not accept this counter's token (unknown or revoked)."""

    code = "sync.auth"


@dataclass(frozen=True)
class Timed:
    """When a request left and its answer came back (local clock), and the server's clock in the answer."""

    sent_at: datetime
    received_at: datetime
    server_time: datetime | None

    @property
    def skew_s(self) -> float | None:
        """Server clock minus local clock at the middle of the round trip (positive: local clock is slow)."""
        if self.server_time is None:
            return None
        middle = self.sent_at + (self.received_at - self.sent_at) / 2
        return (self.server_time - middle).total_seconds()


@dataclass(frozen=True)
class Identity:
    """What enrolment answers: who this installation is, its own credential, and its code slot's state."""

    agency_id: str
    counter: int
    timed: Timed
    credential: str = ""
    slot_numbers: dict[str, int] = field(default_factory=dict)
    reinstalled: bool = False
    slot_digits: int = 2  # the unit's dossier-code slot width (a server that does not say uses two)


@dataclass(frozen=True)
class PushAnswer:
    results: list[ChangeResult]
    timed: Timed


@dataclass(frozen=True)
class PullAnswer:
    cursor: int
    more: bool
    items: list[dict[str, Any]] = field(default_factory=list)
    timed: Timed | None = None


class SyncClient:
    """One server, one token. `clock` is the local clock (injectable for tests of skewed counters)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        verify: bool | str | ssl.SSLContext = True,
        clock: Callable[[], datetime] = utc_now,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._clock = clock
        #: The count of changes waiting in this counter's outbox (the sync engine sets it), told to the server.
        self.outbox_pending: Callable[[], int] | None = None
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "quay-mot-cua-sync/1"},
            timeout=timeout,
            verify=ssl.create_default_context(cafile=verify) if isinstance(verify, str) else verify,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> tuple[dict[str, Any], Timed]:
        sent_at = self._clock()
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            if is_certificate_failure(exc):
                raise CertificateRefused(detail=str(exc)) from exc
            raise ServerUnreachable(detail=type(exc).__name__) from exc
        received_at = self._clock()
        header = response.headers.get(SERVER_TIME_HEADER)
        timed = Timed(sent_at, received_at, parse_time(header) if header else None)
        if response.status_code >= 500 or response.status_code in (408, 429):  # 408/429: try again later
            raise ServerFailure(status=response.status_code)
        try:
            body = response.json()
        except ValueError as exc:
            if response.status_code >= 400:
                raise RequestRefused(status=response.status_code, error="") from exc
            raise ServerFailure(status=response.status_code, detail="not json") from exc
        if response.status_code == 401 or response.status_code == 403:
            raise AuthRefused(status=response.status_code, error=str(body.get("error", "")))
        if response.status_code >= 400:
            raise RequestRefused(status=response.status_code, error=str(body.get("error", "")))
        if not isinstance(body, dict):
            raise ServerFailure(status=response.status_code, detail="not an object")
        return body, timed

    def health(self) -> Timed:
        return self._request("GET", "/health")[1]

    def enrol(self) -> Identity:
        body, timed = self._request("POST", "/v1/enrol")
        try:
            numbers = {str(day): int(n) for day, n in dict(body.get("slot_numbers") or {}).items()}
            return Identity(
                str(body["agency_id"]),
                int(body["counter"]),
                timed,
                str(body["credential"]),
                numbers,
                bool(body.get("reinstalled")),
                check_slot_digits(int(body.get("slot_digits", DEFAULT_SLOT_DIGITS))),
            )
        except (KeyError, TypeError, ValueError, ValidationError) as exc:
            raise ServerFailure(status=200, detail="bad enrolment") from exc

    def _counter_headers(self) -> dict[str, str]:
        """What the server's console shows of this counter, sent with every push and pull: the application's
        version, the changes waiting in the outbox, and the device's clock."""
        headers = {
            "X-Counter-Version": __version__,
            "X-Device-Time": self._clock().isoformat(timespec="seconds"),
        }
        if self.outbox_pending is not None:
            headers["X-Outbox-Pending"] = str(max(0, int(self.outbox_pending())))
        return headers

    def push(self, changes: Sequence[Change], device_time: datetime | None = None) -> PushAnswer:
        body, timed = self._request(
            "POST",
            "/v1/push",
            json={
                "changes": [c.to_dict() for c in changes],
                "device_time": (device_time or self._clock()).isoformat(timespec="seconds"),
            },
            headers=self._counter_headers(),
        )
        try:
            results = [ChangeResult.from_dict(r) for r in body["results"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerFailure(status=200, detail="bad results") from exc
        if [r.change_id for r in results] != [c.change_id for c in changes]:
            raise ServerFailure(status=200, detail="results do not match")
        return PushAnswer(results, timed)

    def audit(self, chain_id: str, entries: Sequence[dict[str, Any]]) -> int:
        """Send a run of this installation's audit chain; returns the highest entry number the server holds."""
        body, _timed = self._request(
            "POST", "/v1/audit", json={"chain_id": chain_id, "entries": list(entries)}
        )
        try:
            return int(body["head"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerFailure(status=200, detail="bad audit answer") from exc

    def pull(self, cursor: int, limit: int) -> PullAnswer:
        body, timed = self._request(
            "GET", "/v1/pull", params={"cursor": cursor, "limit": limit}, headers=self._counter_headers()
        )
        try:
            return PullAnswer(int(body["cursor"]), bool(body["more"]), list(body["items"]), timed)
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerFailure(status=200, detail="bad page") from exc

    # ---- digitised papers: resumable upload and download by SHA-256 (server/files_api.py) ----------------------
    def file_status(self, sha256: str) -> FileProgress:
        body, _timed = self._request("GET", f"/v1/files/{sha256}/status")
        return _progress(body)

    def upload_chunk(self, sha256: str, offset: int, chunk: bytes) -> FileProgress:
        """Send `chunk` as the bytes from `offset`; a wrong offset answers 409 with what the server has."""
        try:
            body, _timed = self._request(
                "PUT",
                f"/v1/files/{sha256}",
                content=chunk,
                headers={"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"},
            )
        except RequestRefused as exc:
            if exc.status == 409:  # the server holds more (another upload, a lost answer): go on from there
                return self.file_status(sha256)
            raise
        return _progress(body)

    def download(self, sha256: str) -> bytes:
        try:
            response = self._http.get(f"/v1/files/{sha256}")
        except httpx.TransportError as exc:
            raise ServerUnreachable(detail=type(exc).__name__) from exc
        if response.status_code >= 500:
            raise ServerFailure(status=response.status_code)
        if response.status_code != 200:
            raise RequestRefused(status=response.status_code, error="file.unknown")
        return response.content


@dataclass(frozen=True)
class FileProgress:
    """How much of a file the server holds."""

    size: int
    received: int
    complete: bool


def _progress(body: dict[str, Any]) -> FileProgress:
    try:
        return FileProgress(int(body["size"]), int(body["received"]), bool(body["complete"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ServerFailure(status=200, detail="bad file answer") from exc
