"""Fixtures of the web console's tests: the server's app in this process (FastAPI's TestClient) over a scratch
database (SQLite, and PostgreSQL where marked), with the four people of `console_support.PEOPLE`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from console_support import make_people
from fastapi.testclient import TestClient

from counter_app.server.app import create_app


@pytest.fixture
def site(admin: SimpleNamespace, tmp_path: Path) -> Iterator[SimpleNamespace]:
    """The app over the test's server database; `client()` is a new browser (its own cookies)."""
    make_people(admin)
    app = create_app(admin.db, files_dir=tmp_path / "files")
    clients: list[TestClient] = []

    def client(base_url: str = "http://testserver") -> TestClient:
        made = TestClient(app, base_url=base_url)
        clients.append(made)
        return made

    with TestClient(app) as first:
        yield SimpleNamespace(m=admin, app=app, client=client, first=first)
    for c in clients:
        c.close()
