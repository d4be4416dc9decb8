"""Filling the intake's applicant or authorised person from a chip ID card's QR code: what was filled is said, and
it can be undone.

`fill_person` writes the card's name, personal ID, date of birth and address into one person's editors and returns
a `CardFill` that remembers what those editors held before; `undo_fill` puts it back. A name or address the scanner
damaged (`IdCard.garbled_fields`, typical of a scanner in keyboard mode) is left as it was and named, never stored.
`CardBar` is the line above the applicant that says so, with the undo button and the webcam button.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.idcard import IdCard
from ...core.model import ApplicantKind, IdType

if TYPE_CHECKING:
    from .applicant_form import PersonFields

#: The editors a card fills, in the order they are named to the officer.
CARD_FIELDS = ("name", "identifier", "birth_date", "address")
UNDO_SHORTCUT = "Ctrl+Z"


@dataclass(frozen=True)
class CardFill:
    """One card written into one person's editors: who (`target`, the editors' prefix), what was filled, what was
    left because the scanner damaged it, and the editors' texts, kind and document type from before."""

    target: str
    filled: tuple[str, ...]
    skipped: tuple[str, ...]
    before: dict[str, str]
    kind: ApplicantKind
    id_type: IdType


def card_values(card: IdCard) -> dict[str, str]:
    """The card's values as the intake's editors take them (the date as dd/mm/yyyy)."""
    return {
        "name": card.name,
        "identifier": card.id,
        "birth_date": f"{card.birth_date:%d/%m/%Y}",
        "address": card.address,
    }


def fill_person(fields: PersonFields, card: IdCard) -> CardFill:
    """Write `card` into `fields` (a citizen with a personal ID); damaged or empty values are skipped."""
    garbled = set(card.garbled_fields())
    skipped = tuple(key for key in CARD_FIELDS if key in garbled)
    values = {key: value for key, value in card_values(card).items() if value and key not in garbled}
    fill = CardFill(
        target=fields.prefix,
        filled=tuple(key for key in CARD_FIELDS if key in values),
        skipped=skipped,
        before={key: fields.editors[key].text() for key in values},
        kind=fields.current_kind(),
        id_type=fields.current_id_type(),
    )
    fields.set_kind(ApplicantKind.CITIZEN)
    fields.set_id_type(IdType.PERSONAL_ID)
    for key, value in values.items():
        fields.editors[key].setText(value)
    return fill


def undo_fill(fields: PersonFields, fill: CardFill) -> None:
    """Put back what `fields` held before `fill` (other editors keep what was typed since)."""
    fields.set_kind(fill.kind)
    fields.set_id_type(fill.id_type)
    for key, text in fill.before.items():
        fields.editors[key].setText(text)


class CardBar(QFrame):
    """The line above the applicant: how to fill it from a card, then what a card filled, with its undo."""

    undo_clicked = Signal()
    camera_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardBar")
        self.text = QLabel(self)
        self.text.setObjectName("cardBarText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.undo_button = QPushButton(self.tr("Hoàn tác"), self)
        self.undo_button.setObjectName("undoCardFill")
        self.undo_button.setToolTip(
            self.tr("Trả các ô về như trước khi quét thẻ (%1)").replace("%1", UNDO_SHORTCUT)
        )
        self.undo_button.hide()
        self.camera_button = QPushButton(self.tr("Đọc thẻ bằng camera"), self)
        self.camera_button.setObjectName("cardCameraButton")
        self.camera_button.setToolTip(self.tr("Đưa mã QR trên thẻ căn cước vào camera"))
        self.camera_button.hide()  # shown once the window connects a camera to it
        for button in (
            self.undo_button,
            self.camera_button,
        ):  # the field typed in keeps the focus (and Ctrl+Z)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.camera_button, 0, Qt.AlignmentFlag.AlignTop)
        # two lines of room from the start: a fill's sentence must not push the fields down under the mouse
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 2 + 2)
        self.undo_button.clicked.connect(self.undo_clicked)
        self.camera_button.clicked.connect(self.camera_clicked)
        self.show_idle()

    def show_idle(self) -> None:
        self._say(
            self.tr(
                "Quét mã QR trên thẻ căn cước để điền người nộp (hoặc người được ủy quyền, khi con trỏ đang ở phần đó)."
            ),
            "hint",
        )
        self.undo_button.hide()

    def show_filled(self, fill: CardFill) -> None:
        names = self._names()
        who = self.tr("người nộp hồ sơ") if fill.target == "applicant" else self.tr("người được ủy quyền")
        text = (
            self.tr("Đã điền từ thẻ căn cước cho %1: %2.")
            .replace("%1", who)
            .replace("%2", ", ".join(names[key] for key in fill.filled))
        )
        if fill.skipped:
            text += " " + self.tr(
                "Chưa điền %1: máy quét làm hỏng chữ có dấu; hãy nhập tay, hoặc chuyển máy quét sang chế độ USB-COM."
            ).replace("%1", ", ".join(names[key] for key in fill.skipped))
        self._say(text, "error" if fill.skipped else "ok")
        self.undo_button.show()

    def show_undone(self) -> None:
        self._say(self.tr("Đã hoàn tác: các ô trở lại như trước khi quét thẻ."), "hint")
        self.undo_button.hide()

    def show_problem(self, sentence: str) -> None:
        self._say(sentence, "error")
        self.undo_button.hide()

    def message(self) -> str:
        return self.text.text()

    def _names(self) -> dict[str, str]:
        return {
            "name": self.tr("họ và tên"),
            "identifier": self.tr("số định danh"),
            "birth_date": self.tr("ngày sinh"),
            "address": self.tr("địa chỉ"),
        }

    def _say(self, text: str, role: str) -> None:
        self.text.setText(text)
        self.text.setProperty("role", role)
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
