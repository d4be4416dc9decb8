"""Fixtures of the hand-over screen: a signed-in session on a demo store, the panel, a timed keyboard."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from handover_samples import OFFICER, CounterWindow, Keyboard
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.devices.qt_wedge import ScannerEventFilter
from counter_app.gui.app import apply_font
from counter_app.gui.handover.panel import HandoverPanel
from counter_app.gui.scan_router import ScanRouter, keyboard_scanner
from counter_app.gui.session import Session
from counter_app.gui.tasks import TaskRunner
from counter_app.gui.widgets import STYLE_SHEET
from counter_app.settings import CounterSettings
from counter_app.storage.store import CounterStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def session(qapp: QApplication, store: CounterStore, tmp_path: Path) -> Iterator[Session]:
    apply_font(qapp)
    qapp.setStyleSheet(STYLE_SHEET)
    runner = TaskRunner()
    settings = CounterSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield Session(CounterApp(store), runner, settings, store.accounts.get(OFFICER), store.unit(), "vi")
    runner.shutdown()
    QCoreApplication.processEvents()


@pytest.fixture
def panel(qtbot: QtBot, session: Session) -> Iterator[HandoverPanel]:
    widget = HandoverPanel(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    assert widget.camera_view.wait_stopped(10.0)


@pytest.fixture
def keyboard() -> Keyboard:
    return Keyboard()


@pytest.fixture
def counter_window(qtbot: QtBot, session: Session) -> Iterator[CounterWindow]:
    window = QWidget()
    window.setObjectName("counterWindow")
    other = QLineEdit(window)
    other.setObjectName("applicantName")
    panel = HandoverPanel(session, window)
    layout = QVBoxLayout(window)
    layout.addWidget(other)
    layout.addWidget(panel, 1)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield CounterWindow(window, other, panel)
    window.close()
    assert panel.camera_view.wait_stopped(10.0)


@pytest.fixture
def scanner(
    qapp: QApplication, session: Session, counter_window: CounterWindow
) -> Iterator[ScannerEventFilter]:
    """The app-wide USB scanner filter, configured from the settings, feeding a scan router wired to the panel as
    the main window wires it."""
    router = ScanRouter(session.lang)
    event_filter = keyboard_scanner(session.settings, router, router)
    router.dossier_code_scanned.connect(counter_window.panel.open_code)
    router.mangled_code_scanned.connect(counter_window.panel.show_rejected_scan)
    qapp.installEventFilter(event_filter)
    yield event_filter
    qapp.removeEventFilter(event_filter)
