# Generated from ui/kiosk.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 51d137c62c0dede86ac129e39258742bc345ddca0a25ead9e13a991bc06d4836

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

from counter_app.gui.form_widgets import FormErrorLabel

class Ui_KioskWindow(object):
    def setupUi(self, KioskWindow):
        if not KioskWindow.objectName():
            KioskWindow.setObjectName(u"KioskWindow")
        KioskWindow.resize(1366, 768)
        KioskWindow.setStyleSheet(u"#KioskWindow { background: #f5f8fc; }\n"
"#KioskWindow QLabel { font-size: 16pt; }\n"
"#KioskWindow QLabel[role=\"title\"] { font-size: 30pt; font-weight: bold; color: #1d4e89; }\n"
"#KioskWindow QLabel[role=\"hint\"] { font-size: 14pt; color: #444444; }\n"
"#KioskWindow QLabel[role=\"error\"] { font-size: 16pt; color: #b00020; }\n"
"#KioskWindow QLabel[role=\"field\"] { color: #555555; }\n"
"#KioskWindow QLabel[role=\"value\"] { font-size: 20pt; font-weight: bold; }\n"
"#KioskWindow QLineEdit#code { font-size: 24pt; padding: 10px; border: 2px solid #1d4e89; border-radius: 6px; }\n"
"#KioskWindow QPushButton { font-size: 18pt; padding: 12px 28px; }")
        self.kioskLayout = QVBoxLayout(KioskWindow)
        self.kioskLayout.setObjectName(u"kioskLayout")
        self.kioskLayout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(KioskWindow)
        self.stack.setObjectName(u"stack")
        self.startPage = QWidget()
        self.startPage.setObjectName(u"startPage")
        self.startLayout = QVBoxLayout(self.startPage)
        self.startLayout.setObjectName(u"startLayout")
        self.startLayout.setContentsMargins(120, 40, 120, 40)
        self.aboveTitle = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.startLayout.addItem(self.aboveTitle)

        self.startTitle = QLabel(self.startPage)
        self.startTitle.setObjectName(u"startTitle")
        self.startTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.startTitle.setProperty(u"role", u"title")

        self.startLayout.addWidget(self.startTitle)

        self.agency = QLabel(self.startPage)
        self.agency.setObjectName(u"agency")
        self.agency.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.agency.setWordWrap(True)

        self.startLayout.addWidget(self.agency)

        self.aboveScanHint = QSpacerItem(0, 30, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.startLayout.addItem(self.aboveScanHint)

        self.scanHint = QLabel(self.startPage)
        self.scanHint.setObjectName(u"scanHint")
        self.scanHint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scanHint.setWordWrap(True)
        self.scanHint.setProperty(u"role", u"hint")

        self.startLayout.addWidget(self.scanHint)

        self.aboveCode = QSpacerItem(0, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.startLayout.addItem(self.aboveCode)

        self.code = QLineEdit(self.startPage)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(200)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.startLayout.addWidget(self.code)

        self.example = QLabel(self.startPage)
        self.example.setObjectName(u"example")
        self.example.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.example.setProperty(u"role", u"hint")

        self.startLayout.addWidget(self.example)

        self.aboveLookup = QSpacerItem(0, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.startLayout.addItem(self.aboveLookup)

        self.lookupButton = QPushButton(self.startPage)
        self.lookupButton.setObjectName(u"lookupButton")

        self.startLayout.addWidget(self.lookupButton, 0, Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignVCenter)

        self.kioskMessage = FormErrorLabel(self.startPage)
        self.kioskMessage.setObjectName(u"kioskMessage")
        self.kioskMessage.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.startLayout.addWidget(self.kioskMessage)

        self.belowLookup = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.startLayout.addItem(self.belowLookup)

        self.privacy = QLabel(self.startPage)
        self.privacy.setObjectName(u"privacy")
        self.privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.privacy.setProperty(u"role", u"hint")

        self.startLayout.addWidget(self.privacy)

        self.startLayout.setStretch(0, 2)
        self.startLayout.setStretch(11, 3)
        self.stack.addWidget(self.startPage)
        self.resultPage = QWidget()
        self.resultPage.setObjectName(u"resultPage")
        self.resultLayout = QVBoxLayout(self.resultPage)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(120, 30, 120, 30)
        self.resultTitle = QLabel(self.resultPage)
        self.resultTitle.setObjectName(u"resultTitle")
        self.resultTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.resultTitle.setProperty(u"role", u"title")

        self.resultLayout.addWidget(self.resultTitle)

        self.aboveCard = QSpacerItem(0, 16, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.resultLayout.addItem(self.aboveCard)

        self.resultCard = QFrame(self.resultPage)
        self.resultCard.setObjectName(u"resultCard")
        self.resultCard.setStyleSheet(u"#resultCard { background: white; border: 1px solid #c5d6ea; border-radius: 10px; }")
        self.resultGrid = QGridLayout(self.resultCard)
        self.resultGrid.setObjectName(u"resultGrid")
        self.resultGrid.setHorizontalSpacing(30)
        self.resultGrid.setVerticalSpacing(14)
        self.resultGrid.setContentsMargins(40, 24, 40, 24)
        self.codeCaption = QLabel(self.resultCard)
        self.codeCaption.setObjectName(u"codeCaption")
        self.codeCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.codeCaption, 0, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.codeValue = QLabel(self.resultCard)
        self.codeValue.setObjectName(u"codeValue")
        self.codeValue.setWordWrap(True)
        self.codeValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.codeValue, 0, 1, 1, 1)

        self.nameCaption = QLabel(self.resultCard)
        self.nameCaption.setObjectName(u"nameCaption")
        self.nameCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.nameCaption, 1, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.nameValue = QLabel(self.resultCard)
        self.nameValue.setObjectName(u"nameValue")
        self.nameValue.setWordWrap(True)
        self.nameValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.nameValue, 1, 1, 1, 1)

        self.procedureCaption = QLabel(self.resultCard)
        self.procedureCaption.setObjectName(u"procedureCaption")
        self.procedureCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.procedureCaption, 2, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.procedureValue = QLabel(self.resultCard)
        self.procedureValue.setObjectName(u"procedureValue")
        self.procedureValue.setWordWrap(True)
        self.procedureValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.procedureValue, 2, 1, 1, 1)

        self.statusCaption = QLabel(self.resultCard)
        self.statusCaption.setObjectName(u"statusCaption")
        self.statusCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.statusCaption, 3, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.statusValue = QLabel(self.resultCard)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setWordWrap(True)
        self.statusValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.statusValue, 3, 1, 1, 1)

        self.unitCaption = QLabel(self.resultCard)
        self.unitCaption.setObjectName(u"unitCaption")
        self.unitCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.unitCaption, 4, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.unitValue = QLabel(self.resultCard)
        self.unitValue.setObjectName(u"unitValue")
        self.unitValue.setWordWrap(True)
        self.unitValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.unitValue, 4, 1, 1, 1)

        self.appointmentCaption = QLabel(self.resultCard)
        self.appointmentCaption.setObjectName(u"appointmentCaption")
        self.appointmentCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.appointmentCaption, 5, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.appointmentValue = QLabel(self.resultCard)
        self.appointmentValue.setObjectName(u"appointmentValue")
        self.appointmentValue.setWordWrap(True)
        self.appointmentValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.appointmentValue, 5, 1, 1, 1)

        self.progressCaption = QLabel(self.resultCard)
        self.progressCaption.setObjectName(u"progressCaption")
        self.progressCaption.setProperty(u"role", u"field")

        self.resultGrid.addWidget(self.progressCaption, 6, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.progressValue = QLabel(self.resultCard)
        self.progressValue.setObjectName(u"progressValue")
        self.progressValue.setWordWrap(True)
        self.progressValue.setProperty(u"role", u"value")

        self.resultGrid.addWidget(self.progressValue, 6, 1, 1, 1)

        self.resultGrid.setColumnStretch(1, 1)

        self.resultLayout.addWidget(self.resultCard)

        self.belowCard = QSpacerItem(0, 16, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.resultLayout.addItem(self.belowCard)

        self.againButton = QPushButton(self.resultPage)
        self.againButton.setObjectName(u"againButton")

        self.resultLayout.addWidget(self.againButton, 0, Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignVCenter)

        self.aboveIdleHint = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.resultLayout.addItem(self.aboveIdleHint)

        self.idleHint = QLabel(self.resultPage)
        self.idleHint.setObjectName(u"idleHint")
        self.idleHint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idleHint.setProperty(u"role", u"hint")

        self.resultLayout.addWidget(self.idleHint)

        self.resultLayout.setStretch(5, 1)
        self.stack.addWidget(self.resultPage)

        self.kioskLayout.addWidget(self.stack)

        QWidget.setTabOrder(self.code, self.lookupButton)
        QWidget.setTabOrder(self.lookupButton, self.againButton)

        self.retranslateUi(KioskWindow)

        self.stack.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, KioskWindow):
        KioskWindow.setWindowTitle(QCoreApplication.translate("KioskWindow", u"Tra c\u1ee9u h\u1ed3 s\u01a1", None))
        self.startTitle.setText(QCoreApplication.translate("KioskWindow", u"TRA C\u1ee8U T\u00ccNH TR\u1ea0NG H\u1ed2 S\u01a0", None))
        self.scanHint.setText(QCoreApplication.translate("KioskWindow", u"\u0110\u01b0a m\u00e3 v\u1ea1ch ho\u1eb7c m\u00e3 QR tr\u00ean gi\u1ea5y h\u1eb9n v\u00e0o m\u00e1y qu\u00e9t, ho\u1eb7c nh\u1eadp m\u00e3 h\u1ed3 s\u01a1 r\u1ed3i nh\u1ea5n Enter.", None))
        self.example.setText(QCoreApplication.translate("KioskWindow", u"M\u00e3 h\u1ed3 s\u01a1 c\u00f3 d\u1ea1ng 000.00.06.H56-261127-0105", None))
        self.lookupButton.setText(QCoreApplication.translate("KioskWindow", u"Tra c\u1ee9u", None))
        self.privacy.setText(QCoreApplication.translate("KioskWindow", u"M\u00e0n h\u00ecnh ch\u1ec9 hi\u1ec3n th\u1ecb th\u00f4ng tin ti\u1ebfn \u0111\u1ed9; h\u1ecd t\u00ean ng\u01b0\u1eddi n\u1ed9p \u0111\u01b0\u1ee3c che m\u1ed9t ph\u1ea7n.", None))
        self.resultTitle.setText(QCoreApplication.translate("KioskWindow", u"TH\u00d4NG TIN H\u1ed2 S\u01a0", None))
        self.codeCaption.setText(QCoreApplication.translate("KioskWindow", u"M\u00e3 h\u1ed3 s\u01a1", None))
        self.nameCaption.setText(QCoreApplication.translate("KioskWindow", u"Ng\u01b0\u1eddi n\u1ed9p", None))
        self.procedureCaption.setText(QCoreApplication.translate("KioskWindow", u"Th\u1ee7 t\u1ee5c", None))
        self.statusCaption.setText(QCoreApplication.translate("KioskWindow", u"T\u00ecnh tr\u1ea1ng hi\u1ec7n t\u1ea1i", None))
        self.unitCaption.setText(QCoreApplication.translate("KioskWindow", u"\u0110\u01a1n v\u1ecb \u0111ang gi\u1ea3i quy\u1ebft", None))
        self.appointmentCaption.setText(QCoreApplication.translate("KioskWindow", u"Ng\u00e0y h\u1eb9n tr\u1ea3 k\u1ebft qu\u1ea3", None))
        self.progressCaption.setText(QCoreApplication.translate("KioskWindow", u"Ti\u1ebfn \u0111\u1ed9", None))
        self.againButton.setText(QCoreApplication.translate("KioskWindow", u"Tra c\u1ee9u h\u1ed3 s\u01a1 kh\u00e1c", None))
        self.idleHint.setText(QCoreApplication.translate("KioskWindow", u"M\u00e0n h\u00ecnh s\u1ebd t\u1ef1 quay v\u1ec1 trang \u0111\u1ea7u sau %1 gi\u00e2y.", None))
    # retranslateUi
