# Generated from ui/about_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 96635231fd76275fa4f30edb7d191d6b27875775d40591d8a13c04b1b6683074

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
    def setupUi(self, about):
        if not about.objectName():
            about.setObjectName(u"about")
        about.resize(380, 110)
        self.aboutLayout = QGridLayout(about)
        self.aboutLayout.setObjectName(u"aboutLayout")
        self.aboutLayout.setSizeConstraint(QLayout.SetFixedSize)
        self.aboutLayout.setHorizontalSpacing(16)
        self.aboutIcon = QLabel(about)
        self.aboutIcon.setObjectName(u"aboutIcon")
        self.aboutIcon.setAlignment(Qt.AlignLeft|Qt.AlignTop)

        self.aboutLayout.addWidget(self.aboutIcon, 0, 0, 1, 1)

        self.texts = QVBoxLayout()
        self.texts.setSpacing(0)
        self.texts.setObjectName(u"texts")
        self.productLabel = QLabel(about)
        self.productLabel.setObjectName(u"productLabel")

        self.texts.addWidget(self.productLabel)

        self.descriptionLabel = QLabel(about)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.texts.addWidget(self.descriptionLabel)

        self.publisherLabel = QLabel(about)
        self.publisherLabel.setObjectName(u"publisherLabel")

        self.texts.addWidget(self.publisherLabel)


        self.aboutLayout.addLayout(self.texts, 0, 1, 1, 1)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.beforeOk = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.beforeOk)

        self.okButton = QPushButton(about)
        self.okButton.setObjectName(u"okButton")

        self.buttonRow.addWidget(self.okButton)

        self.buttonRow.setStretch(0, 1)

        self.aboutLayout.addLayout(self.buttonRow, 1, 0, 1, 2)

        self.aboutLayout.setColumnStretch(1, 1)

        self.retranslateUi(about)

        self.okButton.setDefault(True)

    # setupUi

    def retranslateUi(self, about):
        about.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Gi\u1edbi thi\u1ec7u", None))
        self.productLabel.setText(QCoreApplication.translate("AboutDialog", u"<b>Qu\u1ea7y M\u1ed9t c\u1eeda</b> %1", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"Ph\u1ea7n m\u1ec1m cho b\u1ed9 ph\u1eadn ti\u1ebfp nh\u1eadn v\u00e0 tr\u1ea3 k\u1ebft qu\u1ea3.", None))
        self.publisherLabel.setText(QCoreApplication.translate("AboutDialog", u"Ph\u00e1t h\u00e0nh: %1", None))
        self.okButton.setText(QCoreApplication.translate("AboutDialog", u"OK", None))
    # retranslateUi
