"""GUI fixtures: a demo store copied from one prepared template (hashing demo passwords once), a controller, sign-in."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from counter_app.settings import CounterSettings  # noqa: E402
from counter_app.storage.demo import ensure_demo_profile  # noqa: E402
from counter_app.storage.store import DB_NAME, CounterStore  # noqa: E402


@pytest.fixture(autouse=True)
def _pinned_clock(clock):
    """Every GUI test runs on the pinned clock (PINNED_NOW, ticking): the panels ask `datetime.now()` themselves."""
    return clock


@pytest.fixture(autouse=True)
def _translators_left_as_found(qapp: QApplication) -> Iterator[None]:
    """A test that starts the GUI in English (`--lang en`) leaves no translator behind for the next one."""
    before = set(qapp.findChildren(QTranslator))
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


@pytest.fixture(autouse=True)
def _no_dialog_left_open(qapp: QApplication) -> Iterator[None]:
    """A test that ends with a modal dialog up (a Settings dialog kept open by a refused value, say) closes it, so
    the next test's scans are not held by the scan gate behind a dialog nobody sees."""
    yield
    for _ in range(10):
        dialog = qapp.activeModalWidget()
        if dialog is None:
            break
        dialog.close()
        qapp.processEvents()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    store = CounterStore(folder)
    ensure_demo_profile(store)
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return folder


@pytest.fixture
def counter_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "counter"
    folder.mkdir()
    for path in demo_template.glob(f"{DB_NAME}*"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def counter_store(counter_dir: Path) -> Iterator[CounterStore]:
    store = CounterStore(counter_dir)
    yield store
    store.close()


@pytest.fixture
def settings(counter_dir: Path) -> CounterSettings:
    return CounterSettings.for_data_dir(counter_dir)


@pytest.fixture
def controller(
    qapp: QApplication, qtbot: QtBot, counter_store: CounterStore, settings: CounterSettings
) -> Iterator:
    from counter_app.app import CounterApp
    from counter_app.gui.controller import CounterController

    ctl = CounterController(CounterApp(counter_store), settings, "vi", demo=True)
    ctl.start()
    yield ctl
    ctl.shutdown()
    for widget in (ctl.main_window, ctl.sign_in, ctl.wizard):
        if widget is not None:
            widget.close()
    qapp.processEvents()


@pytest.fixture
def main_window(qtbot: QtBot, controller):
    from gui_helpers import sign_in

    return sign_in(qtbot, controller)


@pytest.fixture
def intake(qtbot: QtBot, main_window):
    panel = main_window.panel("intake")
    qtbot.waitUntil(lambda: panel.picker.model.rowCount() > 0, timeout=10000)
    return panel
