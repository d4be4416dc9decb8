# Generated from ui/about_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 965ed00c59ab7eb9d224a5187a704b136f49b6862ce0a8a6cc491378f33a1ac4

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QHBoxLayout,
    QLabel, QLayout, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(380, 110)
        self.aboutLayout = QGridLayout(AboutDialog)
        self.aboutLayout.setObjectName(u"aboutLayout")
        self.aboutLayout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.aboutLayout.setHorizontalSpacing(16)
        self.aboutIcon = QLabel(AboutDialog)
        self.aboutIcon.setObjectName(u"aboutIcon")
        self.aboutIcon.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.aboutLayout.addWidget(self.aboutIcon, 0, 0, 1, 1)

        self.texts = QVBoxLayout()
        self.texts.setSpacing(0)
        self.texts.setObjectName(u"texts")
        self.productLabel = QLabel(AboutDialog)
        self.productLabel.setObjectName(u"productLabel")

        self.texts.addWidget(self.productLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.texts.addWidget(self.descriptionLabel)

        self.publisherLabel = QLabel(AboutDialog)
        self.publisherLabel.setObjectName(u"publisherLabel")

        self.texts.addWidget(self.publisherLabel)


        self.aboutLayout.addLayout(self.texts, 0, 1, 1, 1)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.beforeOk = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.beforeOk)

        self.okButton = QPushButton(AboutDialog)
        self.okButton.setObjectName(u"okButton")

        self.buttonRow.addWidget(self.okButton)

        self.buttonRow.setStretch(0, 1)

        self.aboutLayout.addLayout(self.buttonRow, 1, 0, 1, 2)

        self.aboutLayout.setColumnStretch(1, 1)

        self.retranslateUi(AboutDialog)

        self.okButton.setDefault(True)

    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Gi\u1edbi thi\u1ec7u", None))
        self.productLabel.setText(QCoreApplication.translate("AboutDialog", u"<b>Qu\u1ea7y M\u1ed9t c\u1eeda</b> %1", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"Ph\u1ea7n m\u1ec1m cho b\u1ed9 ph\u1eadn ti\u1ebfp nh\u1eadn v\u00e0 tr\u1ea3 k\u1ebft qu\u1ea3.", None))
        self.publisherLabel.setText(QCoreApplication.translate("AboutDialog", u"Ph\u00e1t h\u00e0nh: %1", None))
        self.okButton.setText(QCoreApplication.translate("AboutDialog", u"OK", None))
    # retranslateUi
