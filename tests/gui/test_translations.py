"""Translations: the English catalogue is complete, in step with the code, and switches the interface to English."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import build_translations  # noqa: E402

from counter_app.app import CounterApp  # noqa: E402
from counter_app.gui.app import install_translators, remove_translators  # noqa: E402
from counter_app.gui.controller import CounterController  # noqa: E402
from counter_app.gui.formats import format_money  # noqa: E402


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        f"{ctx.findtext('name')}: {m.findtext('source')}"
        for ctx in root.iter("context")
        for m in ctx.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]


def test_every_message_of_the_english_catalogue_is_translated() -> None:
    ts = build_translations.ts_path("en")
    assert ET.parse(ts).getroot().get("sourcelanguage") == "vi_VN"
    assert unfinished(ts) == []


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "counter_app_en.ts"
    copy.write_bytes(build_translations.ts_path("en").read_bytes())
    build_translations.update("en", copy)
    missing = unfinished(copy)
    assert missing == [], "run `python tools/build_translations.py --update` and translate:\n" + "\n".join(
        missing
    )


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    qm = build_translations.compile_ts(build_translations.ts_path("en"), tmp_path / "counter_app_en.qm")
    translators = install_translators(qapp, "en", qm.parent)
    assert translators, "the English .qm did not load"
    yield
    remove_translators(qapp, translators)


def test_english_interface(english: None, qtbot: QtBot, counter_store, settings) -> None:
    controller = CounterController(CounterApp(counter_store), settings, "en")
    controller.start()
    window = controller.sign_in
    assert window.sign_in_button.text() == "Sign in"
    assert window.windowTitle() == "Sign in — One-stop Counter"
    window.username.setText("canbo")
    window.password.setText("motcua2026")
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as shown:
        window.sign_in_button.click()
    main = shown.args[0]
    panel = main.panel("intake")
    assert panel.outcome.receive_button.text() == "Receive"
    assert "Not connected to the server" in main.status.sync_label.text()
    assert [a.text() for a in main.menuBar().actions()][:2] == ["&System", "Intake"]
    assert format_money(8000, "en") == "8,000 VND" and format_money(0, "en") == "Free"
    controller.shutdown()
    window.close()


def test_release_tool_compiles_into_a_folder(tmp_path: Path) -> None:
    assert build_translations.main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / "counter_app_en.qm").stat().st_size > 1000
