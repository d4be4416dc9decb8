"""The widgets the Qt Designer forms of `ui/` promote, and the small steps that finish a form after `setupUi`.

In Designer these appear as their base class (a QLabel, a QDialogButtonBox); the generated module imports them
from here. A form is a layout only: data, models and behaviour stay in the window's own module.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Property, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLayout, QPushButton, QWidget

from .widgets import ErrorLabel


class SteadyErrorLabel(ErrorLabel):
    """An `ErrorLabel` that keeps its room while it has nothing to say, so the fields around it never move.

    It holds the height of `reserved_lines` lines whether a sentence is shown or not (hidden, it still takes its
    place in the layout); a sentence longer than that still shows whole, the label growing only then.
    """

    def __init__(self, field: str, parent: QWidget | None = None, reserved_lines: int = 1) -> None:
        super().__init__(field, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # next to its field
        self._reserved_lines = max(1, reserved_lines)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def reserved_height(self) -> int:
        """The height of `reserved_lines` lines of this label's font, with its margins."""
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        lines = metrics.height() + metrics.lineSpacing() * (self._reserved_lines - 1)
        return lines + margins.top() + margins.bottom() + 2 * self.margin()

    def _reserved_lines_value(self) -> int:
        return self._reserved_lines

    def set_reserved_lines(self, lines: int) -> None:
        self._reserved_lines = max(1, lines)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return super().sizeHint().expandedTo(QSize(0, self.reserved_height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return super().minimumSizeHint().expandedTo(QSize(0, self.reserved_height()))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return max(super().heightForWidth(width), self.reserved_height())

    #: How many lines the label keeps room for (a Designer property of the forms).
    reservedLines = Property(int, _reserved_lines_value, set_reserved_lines)  # noqa: N815


class FormErrorLabel(SteadyErrorLabel):
    """A `SteadyErrorLabel` placed in a form: red sentence under a field, its room kept while there is nothing to
    say (property `reservedLines`, one line unless the form says more)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)


class DialogButtons(QDialogButtonBox):
    """Accept and reject buttons with the form's own texts (properties `acceptText` and `rejectText`).

    Qt ships no Vietnamese catalogue for its standard buttons, so a form names its two buttons itself; the accept
    button is the default one and drawn as primary.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accept = QPushButton(self)
        self._accept.setDefault(True)
        self._accept.setProperty("role", "primary")
        self._reject = QPushButton(self)
        self.addButton(self._accept, QDialogButtonBox.ButtonRole.AcceptRole)
        self.addButton(self._reject, QDialogButtonBox.ButtonRole.RejectRole)

    def _accept_text(self) -> str:
        return self._accept.text()

    def setAcceptText(self, text: str) -> None:  # noqa: N802 (Qt naming: what uic calls for the property)
        self._accept.setText(text)

    def _reject_text(self) -> str:
        return self._reject.text()

    def setRejectText(self, text: str) -> None:  # noqa: N802
        self._reject.setText(text)

    acceptText = Property(str, _accept_text, setAcceptText)  # noqa: N815 (a Qt property, named as in the .ui)
    rejectText = Property(str, _reject_text, setRejectText)  # noqa: N815


def set_item_data(combo: QComboBox, values: Sequence[object]) -> None:
    """Attach `values` to the items a form lists in `combo`, in order (Designer names items but holds no data)."""
    if combo.count() != len(values):
        raise ValueError(f"{combo.objectName()}: {combo.count()} items in the form, {len(values)} values")
    for index, value in enumerate(values):
        combo.setItemData(index, value)


def put_in_place(placeholder: QWidget, widget: QWidget) -> None:
    """Put `widget` (built in code from data) where the form holds `placeholder`, which goes away.

    It takes the placeholder's place in the layout and in the tab order, as if the form had created it there.
    """
    parent = placeholder.parentWidget()
    layout: QLayout | None = parent.layout() if parent is not None else None
    if layout is None or layout.replaceWidget(placeholder, widget) is None:
        raise LookupError(f"{placeholder.objectName()} is not in its parent's layout")
    placeholder.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Qt orders only widgets that take focus
    previous = placeholder
    for editor in _tab_stops(widget):
        QWidget.setTabOrder(previous, editor)
        previous = editor
    placeholder.hide()
    placeholder.setParent(None)
    placeholder.deleteLater()


def _tab_stops(widget: QWidget) -> list[QWidget]:
    """The widgets inside `widget` that Tab reaches, in their order (parts of a spin box or combo box left out)."""
    stops: list[QWidget] = []
    current = widget.nextInFocusChain()
    while current is not widget and widget.isAncestorOf(current):
        takes_tab = bool(current.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and not any(stop.isAncestorOf(current) for stop in stops):
            stops.append(current)
        current = current.nextInFocusChain()
    return stops
