"""Small shared widgets: the error label shown beside a field, dialog buttons with translated texts, a heading."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

#: Style of the whole application: calm, readable, a visible focus and a red frame on invalid fields.
STYLE_SHEET = """
QGroupBox { font-weight: bold; margin-top: 14px; padding: 10px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QLabel[role="error"] { color: #b00020; }
QLabel[role="ok"] { color: #1b6e20; }
QLabel[role="hint"] { color: #555555; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 2px solid #b00020; border-radius: 3px; padding: 2px; }
QFrame[role="banner"] { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }
QFrame[role="summary"] { background: #eef5ff; border: 1px solid #9bbbe6; border-radius: 4px; }
QLabel[role="big"] { font-size: 15pt; font-weight: bold; }
QPushButton[role="primary"] { font-weight: bold; padding: 6px 14px; }
QPushButton { padding: 5px 12px; }
"""


class ErrorLabel(QLabel):
    """Red sentence under a field; hidden while there is nothing to say. The text itself says what is wrong."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"error:{field}")
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hide()

    def show_error(self, editor: QWidget | None, message: str) -> None:
        """Show `message` (or hide when empty) and mark `editor` invalid for the style sheet and screen readers."""
        if message != self.text():
            self.setText(message)
        if self.isHidden() == bool(message):
            self.setVisible(bool(message))
        if editor is not None and (editor.property("invalid") is True) != bool(message):
            editor.setProperty("invalid", bool(message))
            editor.setAccessibleDescription(message)
            editor.setToolTip(message)
            editor.style().unpolish(editor)
            editor.style().polish(editor)
        elif editor is not None and message and editor.accessibleDescription() != message:
            editor.setAccessibleDescription(message)
            editor.setToolTip(message)


def dialog_buttons(accept_text: str, reject_text: str, parent: QWidget | None = None) -> QDialogButtonBox:
    """OK/Cancel with our own (translated) texts: Qt ships no Vietnamese catalogue for its standard buttons."""
    box = QDialogButtonBox(parent)
    accept = QPushButton(accept_text)
    accept.setDefault(True)
    accept.setProperty("role", "primary")
    box.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QPushButton(reject_text), QDialogButtonBox.ButtonRole.RejectRole)
    return box


def accept_button(box: QDialogButtonBox) -> QPushButton:
    for button in box.buttons():
        if box.buttonRole(button) is QDialogButtonBox.ButtonRole.AcceptRole and isinstance(
            button, QPushButton
        ):
            return button
    raise LookupError("no accept button")


def heading(text: str, point_size: int = 13, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSize(point_size)
    font.setBold(True)
    label.setFont(font)
    return label


def with_shortcut(text: str, shortcut: str) -> str:
    """Tooltip text naming the shortcut, e.g. "Tiếp nhận (Ctrl+Enter)"."""
    return f"{text} ({shortcut})" if shortcut else text
