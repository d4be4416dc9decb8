"""The status bar says in one sentence when the counter's data is not encrypted at rest, and nothing when it is."""

from __future__ import annotations

from pathlib import Path

from damaged_profiles import make_profile
from PySide6.QtWidgets import QLabel

from counter_app.core.errors import DomainError
from counter_app.gui.statusbar import CounterStatusBar, encryption_notice
from counter_app.messages import describe


def test_the_status_bar_says_in_one_sentence_that_the_data_is_not_encrypted(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_profile(folder)  # no key store: plain
    bar = CounterStatusBar()
    qtbot.addWidget(bar)
    bar.set_encryption_notice(encryption_notice(folder, "vi"))
    label = bar.findChild(QLabel, "encryption")
    assert label is not None and not label.isHidden()
    assert label.text() == describe(DomainError("encryption.off_no_key_store"), "vi")


def test_the_status_bar_says_nothing_for_an_encrypted_profile(key_store, qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make_profile(folder)
    bar = CounterStatusBar()
    qtbot.addWidget(bar)
    bar.set_encryption_notice(encryption_notice(folder, "en"))
    label = bar.findChild(QLabel, "encryption")
    assert label is not None and label.isHidden() and label.text() == ""


def test_the_signed_in_window_shows_the_sentence_once_the_key_store_answered(qtbot, main_window) -> None:
    # the suite runs without a key store: the demo profile is plain, and the window says so (asked off the GUI thread)
    def shown() -> bool:
        label = main_window.status.findChild(QLabel, "encryption")
        return label is not None and not label.isHidden() and bool(label.text())

    qtbot.waitUntil(shown, timeout=10000)
