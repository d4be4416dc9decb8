"""The server's client of the portal adapter, against the test double: sessions renewed on 401 and by age, failures
told apart (nothing taken, answer lost, refused), and the look-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.server.portal_client import (
    PortalAnswerLost,
    PortalClient,
    PortalRefused,
    PortalSignInFailed,
    PortalUnavailable,
)
from counter_app.server.portal_queue import PortalSettings
from portal.adapter_double import PortalDouble


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def client(double: PortalDouble, tmp_path: Path, password: str | None = None, **kw) -> PortalClient:  # type: ignore[no-untyped-def]
    secret = tmp_path / "pw"
    secret.write_text(password or double.password, encoding="utf-8")
    settings = PortalSettings(
        "000.00.06.H56", double.url, double.auth_path, double.integration_path, double.share_path,
        double.unit_code, double.username, str(secret), None,
    )  # fmt: skip
    return PortalClient(settings, **kw)


def test_sessions_are_renewed_when_expired_and_when_old(portal_double: PortalDouble, tmp_path: Path) -> None:
    clock = Clock()
    c = client(portal_double, tmp_path, timeout_s=2, clock=clock, session_max_age_s=600)
    assert c.look_up("000.00.06.H56-261123-0101") is None and c.sessions_opened == 1
    portal_double.expire()
    assert c.procedure("1.001193") is None and c.sessions_opened == 2  # 401 → signed in again, call repeated
    clock.now += 601
    c.procedure("1.001193")
    assert c.sessions_opened == 3  # renewed by age, without waiting for a refusal
    assert portal_double.state()["violations"] == []
    c.close()


def test_failures_are_told_apart(portal_double: PortalDouble, tmp_path: Path) -> None:
    wrong = client(portal_double, tmp_path, password="sai", timeout_s=2)
    with pytest.raises(PortalSignInFailed):
        wrong.look_up("x")
    c = client(portal_double, tmp_path, timeout_s=1)
    portal_double.fail(1, 503)
    with pytest.raises(PortalUnavailable):
        c.procedure("1.001193")
    portal_double.hang(1, 30)
    with pytest.raises(PortalAnswerLost):
        c.update_steps([{"MaHoSo": "x"}])
    portal_double.release()
    with pytest.raises(PortalRefused) as refused:
        c.sync_dossiers([{"MaHoSo": ""}], updating=False)  # breaks the contract: the double answers an error
    assert refused.value.error_code == "-1" and refused.value.message
    c.close()
