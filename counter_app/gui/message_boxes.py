"""The About box and the error dialog: small message windows laid out in ui/ (about_dialog.ui, error_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QStyle, QWidget

from .. import APP_PUBLISHER, __version__
from .forms.ui_about_dialog import Ui_AboutDialog
from .forms.ui_error_dialog import Ui_ErrorDialog


def _show_icon(label: QLabel, which: QStyle.StandardPixmap) -> None:
    """The style's own message icon (information, warning), at the size the style gives message boxes."""
    style = label.style()
    size = style.pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, label)
    label.setPixmap(style.standardIcon(which, None, label).pixmap(size, size))


class AboutDialog(QDialog):
    """The application's name, version and publisher."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        _show_icon(self.ui.aboutIcon, QStyle.StandardPixmap.SP_MessageBoxInformation)
        product, publisher = self.ui.productLabel, self.ui.publisherLabel
        product.setText(product.text().replace("%1", __version__))
        publisher.setText(publisher.text().replace("%1", APP_PUBLISHER))
        self.ui.okButton.clicked.connect(self.accept)

    def text(self) -> str:
        """What the box says, line by line."""
        labels = (self.ui.productLabel, self.ui.descriptionLabel, self.ui.publisherLabel)
        return "\n".join(label.text() for label in labels)


class ErrorDialog(QDialog):
    """One sentence saying what went wrong, with a warning icon; the title names what was being done."""

    def __init__(self, title: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ErrorDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        _show_icon(self.ui.errorIcon, QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.ui.message.setText(message)
        self.ui.okButton.clicked.connect(self.accept)

    def text(self) -> str:
        return self.ui.message.text()


def show_error(parent: QWidget, title: str, message: str) -> ErrorDialog:
    """Open an error dialog over `parent` (window-modal, deleted once closed) and return it."""
    dialog = ErrorDialog(title, message, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
