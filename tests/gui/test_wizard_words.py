"""The first-run wizard never sends the user to the command line: an empty agency ID is asked for in its own field,
in the window's words, and no text a window shows names a command."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter_app.app import CounterApp
from counter_app.gui.controller import CounterController
from counter_app.settings import CounterSettings
from counter_app.storage.store import CounterStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import build_translations  # noqa: E402

COMMAND_WORDS = ("counter-app", "dòng lệnh", "command line")


def _texts(root: QWidget) -> list[str]:
    return [label.text() for label in root.findChildren(QLabel) if label.text()]


@pytest.mark.parametrize(
    ("lang", "asked"),
    [
        ("vi", "Hãy nhập mã định danh điện tử của cơ quan (ví dụ 000.00.06.H56)"),
        ("en", "Enter the agency's electronic ID (e.g. 000.00.06.H56)"),
    ],
)
def test_an_empty_agency_id_is_asked_for_in_its_field(
    qtbot: QtBot, tmp_path: Path, lang: str, asked: str
) -> None:
    store = CounterStore(tmp_path / "fresh")
    controller = CounterController(CounterApp(store), CounterSettings.for_data_dir(tmp_path / "fresh"), lang)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    assert not wizard.unit_page.validatePage()  # Next with nothing typed
    assert wizard.unit_page.form.errors["agency_id"].text().startswith(asked)
    shown = _texts(wizard)
    assert not [text for text in shown if any(word in text for word in COMMAND_WORDS)], shown
    assert store.unit() is None
    controller.shutdown()
    wizard.close()
    store.close()


def test_no_window_text_names_a_command() -> None:
    """Every string the windows translate (the catalogue holds them all, see test_translations)."""
    root = ET.parse(build_translations.ts_path("en")).getroot()
    found = [
        text
        for message in root.iter("message")
        for text in (message.findtext("source") or "", message.findtext("translation") or "")
        if any(word in text for word in COMMAND_WORDS)
    ]
    assert found == []
