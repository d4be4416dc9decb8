"""Talking to the National Public Service Portal's integration adapter (through a province's LGSP or the NGSP).

One session per unit, opened with the account's user name and password and renewed when the adapter says it has
expired (HTTP 401). Every call is a JSON POST carrying `session` and `madonvi`; an answer's `error_code` is `0` or
`"00"` on success. What can go wrong is told apart, because the worker acts differently on each:
`PortalUnavailable` (nothing reached the portal, or it answered with an HTTP error: send again later),
`PortalAnswerLost` (the request went out and no answer came back: the portal may hold it; look it up before
sending again) and `PortalRefused` (the portal answered with an error code and its message).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from .portal_map import ProcedureNames
from .portal_queue import PortalSettings

DEFAULT_TIMEOUT_S = 30.0
#: A session is renewed after this long even when the adapter has not said it expired: not every adapter says so
#: with HTTP 401 (public one-stop systems sign in again every ten minutes).
SESSION_MAX_AGE_S = 600.0


class PortalError(Exception):
    """Base of what a call to the adapter can end in, other than success."""


class PortalUnavailable(PortalError):
    """The adapter could not be reached or answered with an HTTP error: nothing was taken."""


class PortalSignInFailed(PortalUnavailable):
    """The adapter refused the unit's account (wrong user name or password, account locked): nothing is sent
    until the IT officer fixes the account."""


class PortalAnswerLost(PortalError):
    """The request was sent and its answer did not come back (timeout, dropped connection)."""


class PortalRefused(PortalError):
    """The adapter answered with an error code (`code`) and its message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.error_code = code
        self.message = message


def is_success(answer: dict[str, Any]) -> bool:
    return str(answer.get("error_code", "")).strip() in ("0", "00")


class PortalClient:
    """One unit's connection to the adapter."""

    def __init__(
        self,
        settings: PortalSettings,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        transport: httpx.BaseTransport | None = None,
        session_max_age_s: float = SESSION_MAX_AGE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._session_max_age_s = session_max_age_s
        self._clock = clock
        self._session_at = 0.0
        self._http = httpx.Client(
            base_url=settings.adapter_url,
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
            transport=transport,
            headers={"Accept": "application/json"},
        )
        self._session: str | None = None
        self.sessions_opened = 0

    def close(self) -> None:
        self._http.close()

    # ---- the four services ------------------------------------------------------------------------------------
    def sync_dossiers(self, records: list[dict[str, Any]], *, updating: bool) -> None:
        """`DongBoHoSoMC`: the dossiers' state; `updating` when the portal already holds them."""
        self._call(
            self.settings.integration_path,
            {"service": "DongBoHoSoMC", "isUpdating": "True" if updating else "False", "data": records},
        )

    def update_steps(self, records: list[dict[str, Any]]) -> None:
        """`CapNhatTienDoHoSoMC`: steps of dossiers the portal holds."""
        self._call(self.settings.integration_path, {"service": "CapNhatTienDoHoSoMC", "data": records})

    def look_up(self, code: str) -> dict[str, Any] | None:
        """`TraCuuHoSo`: the dossier as the portal holds it, or None when it does not."""
        answer = self._call(self.settings.share_path, {"service": "TraCuuHoSo", "mahoso": code})
        found = _results(answer)
        return found[0] if found else None

    def procedure(self, national_code: str) -> ProcedureNames | None:
        """`LayThuTuc`: the procedure's name and field as the portal has them, or None when it does not know it."""
        answer = self._call(self.settings.share_path, {"service": "LayThuTuc", "maTTHC": national_code})
        for item in _results(answer):
            fields = item.get("LINHVUCTHUCHIEN") or [{}]
            first = fields[0] if isinstance(fields, list) and fields and isinstance(fields[0], dict) else {}
            name = str(item.get("TENTTHC") or "")
            if name:
                return ProcedureNames(
                    name, str(first.get("MALINHVUC") or ""), str(first.get("TENLINHVUC") or "")
                )
        return None

    # ---- plumbing -------------------------------------------------------------------------------------------------
    def _open_session(self) -> str:
        body = {"username": self.settings.username, "password": self.settings.password()}
        answer = self._post(self.settings.auth_path, body, may_be_lost=False)
        if not is_success(answer) or not answer.get("session"):
            raise PortalSignInFailed(f"{answer.get('error_code', '')}: {answer.get('message', '')}")
        self._session = str(answer["session"])
        self._session_at = self._clock()
        self.sessions_opened += 1
        return self._session

    def _call(self, path: str, fields: dict[str, Any]) -> dict[str, Any]:
        for attempt in (1, 2):
            if self._session is not None and self._clock() - self._session_at > self._session_max_age_s:
                self._session = None
            session = self._session or self._open_session()
            body = {"session": session, "madonvi": self.settings.unit_code, **fields}
            try:
                answer = self._post(path, body, may_be_lost=True)
            except _Expired:
                self._session = None
                if attempt == 2:
                    raise PortalUnavailable("the adapter refused a new session") from None
                continue
            if not is_success(answer):
                raise PortalRefused(str(answer.get("error_code", "")), str(answer.get("message", "")))
            return answer
        raise AssertionError("unreachable")

    def _post(self, path: str, body: dict[str, Any], *, may_be_lost: bool) -> dict[str, Any]:
        try:
            response = self._http.post(path, json=body)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise PortalUnavailable(f"{type(exc).__name__}: {exc}") from exc
        except httpx.TransportError as exc:  # sent, and the answer did not come back
            if may_be_lost:
                raise PortalAnswerLost(f"{type(exc).__name__}: {exc}") from exc
            raise PortalUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code == 401:
            raise _Expired()
        if response.status_code != 200:
            raise PortalUnavailable(f"HTTP {response.status_code}")
        try:
            answer = response.json()
        except ValueError as exc:
            raise PortalUnavailable("the adapter's answer is not JSON") from exc
        if not isinstance(answer, dict):
            raise PortalUnavailable("the adapter's answer is not a JSON object")
        return answer


class _Expired(Exception):
    """HTTP 401: the session has expired."""


def _results(answer: dict[str, Any]) -> list[dict[str, Any]]:
    found = answer.get("result")
    if isinstance(found, dict):
        found = [found]
    return [item for item in found or [] if isinstance(item, dict)]
