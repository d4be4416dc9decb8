"""Questions asked before something is lost (typed work, unsent changes): named answers, Escape the safe one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget


@dataclass(frozen=True)
class Answer:
    """One button of a question: `key` is what `answered` reports, `text` what the button says."""

    key: str
    text: str
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.ActionRole


class Question(QMessageBox):
    """A window-modal question with the project's own button texts (Qt ships no Vietnamese for its standard ones).

    `answered(key)` reports the button pressed; Escape or closing the window answers `safe`, and `default` is the
    button Enter presses. Each button is named `answer:<key>` (tests and screen readers find it).
    """

    answered = Signal(str)

    def __init__(
        self,
        title: str,
        text: str,
        details: str,
        answers: Sequence[Answer],
        *,
        safe: str,
        default: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("question")
        self.setInformativeText(details)
        self.buttons_by_key: dict[str, QPushButton] = {}
        for answer in answers:
            button = self.addButton(answer.text, answer.role)
            button.setObjectName(f"answer:{answer.key}")
            self.buttons_by_key[answer.key] = button
        self._safe = safe
        self.setEscapeButton(self.buttons_by_key[safe])
        self.setDefaultButton(self.buttons_by_key[default])
        self.finished.connect(self._on_finished)

    def answer_key(self, button: QAbstractButton | None) -> str:
        return next((key for key, b in self.buttons_by_key.items() if b is button), self._safe)

    def _on_finished(self, _result: int) -> None:
        self.answered.emit(self.answer_key(self.clickedButton()))
