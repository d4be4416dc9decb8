# Generated from ui/error_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 7a25f11235b8aff4f44eea5cfa8b65fda4dca788f3fc40380d10f1b974d8936d

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QHBoxLayout,
    QLabel, QLayout, QPushButton, QSizePolicy,
    QSpacerItem, QWidget)

class Ui_ErrorDialog(object):
    def setupUi(self, ErrorDialog):
        if not ErrorDialog.objectName():
            ErrorDialog.setObjectName(u"ErrorDialog")
        ErrorDialog.resize(360, 110)
        self.errorLayout = QGridLayout(ErrorDialog)
        self.errorLayout.setObjectName(u"errorLayout")
        self.errorLayout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.errorLayout.setHorizontalSpacing(16)
        self.errorIcon = QLabel(ErrorDialog)
        self.errorIcon.setObjectName(u"errorIcon")
        self.errorIcon.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.errorLayout.addWidget(self.errorIcon, 0, 0, 1, 1)

        self.message = QLabel(ErrorDialog)
        self.message.setObjectName(u"message")
        self.message.setMinimumSize(QSize(200, 0))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.errorLayout.addWidget(self.message, 0, 1, 1, 1)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.beforeOk = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.beforeOk)

        self.okButton = QPushButton(ErrorDialog)
        self.okButton.setObjectName(u"okButton")

        self.buttonRow.addWidget(self.okButton)

        self.buttonRow.setStretch(0, 1)

        self.errorLayout.addLayout(self.buttonRow, 1, 0, 1, 2)

        self.errorLayout.setColumnStretch(1, 1)

        self.retranslateUi(ErrorDialog)

        self.okButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ErrorDialog):
        self.okButton.setText(QCoreApplication.translate("ErrorDialog", u"OK", None))
        pass
    # retranslateUi
