"""Fixtures for the national portal's test double: `portal_double` starts a fresh double (its own process on
loopback) for one test and stops it afterwards. Other test folders start one with
`from portal.adapter_double import PortalDouble, start_double`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from portal.adapter_double import PortalDouble, start_double


@pytest.fixture
def portal_double() -> Iterator[PortalDouble]:
    double = start_double()
    yield double
    double.kill()
