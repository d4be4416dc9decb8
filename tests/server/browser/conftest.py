"""Fixtures of the console's browser tests (see console_browser.py): one headless Chromium for the run, the server
as a child process with its four accounts per module, and a browser session of its own per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from console_browser import PEOPLE, Browser, add_user, start_chromium
from selenium import webdriver

from counter_app.server.database import open_database
from counter_app.server.models import bind_models
from counter_app.server.process import ServerProcess, scratch_database
from counter_app.server.schema import migrate


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """A server process over a fresh SQLite database, its tables opened here too, and the four accounts."""
    folder = tmp_path_factory.mktemp("console-site")
    with scratch_database("sqlite", folder) as url:
        db = open_database(url, pool_size=4)
        migrate(db)
        m = bind_models(db)
        for person in PEOPLE:
            done = add_user(url, person, folder)
            assert done.returncode == 0, done.stderr
        # the portal queue is only shown here, never sent: no sender runs in this process
        with ServerProcess(url, extra_args=["--no-portal"], files_dir=folder / "files") as process:
            yield SimpleNamespace(url=process.url, database_url=url, m=m, process=process, folder=folder)
        db.close_all()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """One headless Chromium for the run (each test starts from no cookies: see `browser`)."""
    folder = tmp_path_factory.mktemp("chromium")
    driver = start_chromium(folder / "profile", folder / "chromedriver.log")
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium: webdriver.Chrome, site: SimpleNamespace, tmp_path: Path) -> Iterator[Browser]:
    """A browser session of its own on the console: no cookies from an earlier test."""
    browser = Browser(chromium, site.url, tmp_path)
    browser.forget()
    yield browser
    browser.forget()
