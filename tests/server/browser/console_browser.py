"""The server's web console in a real browser: Debian's Chromium, driven by selenium through Debian's chromedriver,
against the real server as a child process on loopback, with accounts made by `counter-server add-user`.

Nothing is downloaded: the driver is given by path (selenium then never runs Selenium Manager, which is also told
to stay offline), and the browser by path. `make system-packages` installs both (the Debian packages `chromium`
and `chromium-driver`); without them every test here fails with a sentence saying so, never skips.

Screenshots: `Browser.screenshot(name)` always writes the test's folder; with `COUNTER_APP_SCREENSHOTS=DIR`
set (e.g. `docs/screenshots`) it writes `DIR/server-<name>.png` too, which is how the documentation's images are
made again.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

# the sync tests' helpers (counters with their own stores, fast intake) serve here too
SYNC_TESTS = Path(__file__).resolve().parents[2] / "sync"
if str(SYNC_TESTS) not in sys.path:
    sys.path.insert(0, str(SYNC_TESTS))

# Selenium Manager, should anything reach it, may not go to the network.
os.environ["SE_OFFLINE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Chromium's Vietnamese (dates in forms read dd/mm/yyyy, as a Vietnamese officer's browser shows them).
VIETNAMESE = Path("/usr/lib/chromium/locales/vi.pak")
MISSING = (
    "Chromium, its driver and its Vietnamese are needed for the console's browser tests ({missing} not found): "
    "`make system-packages` installs them (Debian packages chromium, chromium-driver and chromium-l10n)."
)
WIDTH, HEIGHT = 1366, 900
#: The tallest screenshot of a whole page (a longer page is cut there).
TALLEST = 2400
SCREENSHOTS_ENV = "COUNTER_APP_SCREENSHOTS"

AGENCY = "000.00.06.H56"  # the sync helpers' unit (tests/sync/sync_support.py)
OTHER_AGENCY = "000.00.07.H56"
PASSWORD = "Quan-tri-may-chu-2026"


@dataclass(frozen=True)
class Person:
    username: str
    role: str
    unit: str | None = None
    password: str = PASSWORD


ADMIN = Person("quantri", "admin")
UNIT_LEADER = Person("lanhdao.phuong", "unit-leader", AGENCY)
OTHER_LEADER = Person("lanhdao.xa", "unit-leader", OTHER_AGENCY)
PROVINCE_LEADER = Person("lanhdao.tinh", "province-leader")
PEOPLE = (ADMIN, UNIT_LEADER, OTHER_LEADER, PROVINCE_LEADER)


def add_user(database_url: str, person: Person, folder: Path) -> subprocess.CompletedProcess[str]:
    """`counter-server add-user …` as the IT officer types it, the password from a file."""
    secret = folder / f"{person.username}.password"
    secret.write_text(person.password + "\n", encoding="utf-8")
    secret.chmod(0o600)
    command = [
        sys.executable,
        "-m",
        "counter_app.server.cli",
        "add-user",
        "--database",
        database_url,
        "--username",
        person.username,
        "--role",
        person.role,
        "--password-file",
        str(secret),
    ]
    if person.unit is not None:
        command += ["--unit", person.unit]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def start_chromium(profile: Path, log: Path) -> webdriver.Chrome:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER, VIETNAMESE) if not p.is_file()]
    if missing:
        pytest.fail(MISSING.format(missing=", ".join(missing)), pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        f"--window-size={WIDTH},{HEIGHT}",
        "--lang=vi",
        f"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "vi,vi-VN"})
    # on Linux the browser's own language (and the format of its date fields) follows LANGUAGE, not --lang
    service = Service(
        executable_path=str(CHROMEDRIVER), log_output=str(log), env={**os.environ, "LANGUAGE": "vi"}
    )
    try:
        return webdriver.Chrome(service=service, options=options)
    except WebDriverException as exc:
        pytest.fail(f"Chromium did not start through {CHROMEDRIVER}: {exc.msg}", pytrace=False)


class Browser:
    """The console as a person sees it in Chromium: pages by path, forms by their ids and names, screenshots."""

    def __init__(self, driver: webdriver.Chrome, base_url: str, shots: Path) -> None:
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.shots = shots

    # ---- pages ---------------------------------------------------------------------------------------------
    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    @property
    def path(self) -> str:
        url = str(self.driver.current_url)
        return url[len(self.base_url) :] if url.startswith(self.base_url) else url

    @property
    def text(self) -> str:
        """What the page says (its body's visible text)."""
        return str(self.driver.find_element(By.TAG_NAME, "body").text)

    @property
    def source(self) -> str:
        return str(self.driver.page_source)

    def find(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list[WebElement]:
        return list(self.driver.find_elements(By.CSS_SELECTOR, css))

    def wait(self, condition: Callable[[Browser], Any], timeout: float = 20.0, what: str = "") -> Any:
        """Poll `condition(self)` until it is truthy (its value) or fail after `timeout` seconds."""
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(
            lambda _driver: condition(self), message=what or "the page did not show what was expected"
        )

    def fill(self, css: str, value: str) -> None:
        field = self.find(css)
        field.clear()
        field.send_keys(value)

    def submit(self, css: str) -> None:
        """Click a submit button and wait until the browser has left the page it was on."""
        old = self.find("html")
        self.find(css).click()
        self.wait(lambda b: _stale(old), what=f"clicking {css} led nowhere")

    def post_changed_form(self, form_css: str, field: str, value: str | None) -> None:
        """Submit the form with its hidden `field` changed to `value` (removed when None), as a forger would."""
        old = self.find("html")
        self.driver.execute_script(
            """
            const form = document.querySelector(arguments[0]);
            const input = form.querySelector('[name="' + arguments[1] + '"]');
            if (arguments[2] === null) { if (input) input.remove(); } else { input.value = arguments[2]; }
            HTMLFormElement.prototype.submit.call(form);
            """,
            form_css,
            field,
            value,
        )
        self.wait(lambda b: _stale(old), what=f"the changed form {form_css} led nowhere")

    def forget(self) -> None:
        """Drop every cookie of the browser (a new person at the same browser)."""
        self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})

    def cookie(self, name: str) -> dict[str, Any] | None:
        found = self.driver.get_cookie(name)
        return dict(found) if found else None

    # ---- screenshots -----------------------------------------------------------------------------------------
    def screenshot(self, name: str) -> Path:
        """The whole page (up to `TALLEST` pixels) at the window's width, as `server-<name>.png`."""
        height = int(self.driver.execute_script("return document.documentElement.scrollHeight"))
        width = int(self.driver.execute_script("return document.documentElement.clientWidth"))
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": min(max(height, 1), TALLEST), "scale": 1},
            },
        )
        data = base64.b64decode(shot["data"])
        path = self.shots / f"server-{name}.png"
        path.write_bytes(data)
        wanted = os.environ.get(SCREENSHOTS_ENV)
        if wanted:
            (Path(wanted) / path.name).write_bytes(data)
        return path


def _stale(element: WebElement) -> bool:
    """True once `element` belongs to a page the browser has left."""
    try:
        element.tag_name  # noqa: B018  (touching it raises once the page is gone)
    except WebDriverException:
        return True
    return False
