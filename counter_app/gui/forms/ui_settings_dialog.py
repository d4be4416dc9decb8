# Generated from ui/settings_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 89820ca13684f98432e0bb16aaceccf8050d60ac50fc6724f26e76556e38b548

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QFormLayout, QGroupBox, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget)

from counter_app.gui.form_widgets import (DialogButtons, FormErrorLabel)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(760, 640)
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.unitTab = QWidget()
        self.unitTab.setObjectName(u"unitTab")
        self.unitTabLayout = QVBoxLayout(self.unitTab)
        self.unitTabLayout.setObjectName(u"unitTabLayout")
        self.unitReadOnlyNote = QLabel(self.unitTab)
        self.unitReadOnlyNote.setObjectName(u"unitReadOnlyNote")
        self.unitReadOnlyNote.setProperty(u"role", u"hint")

        self.unitTabLayout.addWidget(self.unitReadOnlyNote)

        self.unitFormSlot = QLabel(self.unitTab)
        self.unitFormSlot.setObjectName(u"unitFormSlot")
        self.unitFormSlot.setText(u"[UnitForm \u2014 c\u00e1c \u00f4 th\u00f4ng tin \u0111\u01a1n v\u1ecb, d\u1ef1ng trong m\u00e3: counter_app/gui/unit_form.py]")
        self.unitFormSlot.setWordWrap(True)
        self.unitFormSlot.setProperty(u"role", u"hint")

        self.unitTabLayout.addWidget(self.unitFormSlot)

        self.belowUnitForm = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unitTabLayout.addItem(self.belowUnitForm)

        self.unitTabLayout.setStretch(2, 1)
        self.tabs.addTab(self.unitTab, "")
        self.printingTab = QWidget()
        self.printingTab.setObjectName(u"printingTab")
        self.printingForm = QFormLayout(self.printingTab)
        self.printingForm.setObjectName(u"printingForm")
        self.printingForm.setHorizontalSpacing(10)
        self.printingForm.setVerticalSpacing(10)
        self.languageLabel = QLabel(self.printingTab)
        self.languageLabel.setObjectName(u"languageLabel")

        self.printingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.printingTab)
        self.language.addItem(u"Ti\u1ebfng Vi\u1ec7t")
        self.language.addItem(u"English")
        self.language.setObjectName(u"language")

        self.printingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.languageHint = QLabel(self.printingTab)
        self.languageHint.setObjectName(u"languageHint")
        self.languageHint.setProperty(u"role", u"hint")

        self.printingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageHint)

        self.paperLabel = QLabel(self.printingTab)
        self.paperLabel.setObjectName(u"paperLabel")

        self.printingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paper = QComboBox(self.printingTab)
        self.paper.addItem("")
        self.paper.addItem("")
        self.paper.addItem("")
        self.paper.setObjectName(u"paper")

        self.printingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.paper)

        self.receiptPrinterLabel = QLabel(self.printingTab)
        self.receiptPrinterLabel.setObjectName(u"receiptPrinterLabel")

        self.printingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.receiptPrinterLabel)

        self.receiptPrinter = QComboBox(self.printingTab)
        self.receiptPrinter.setObjectName(u"receiptPrinter")

        self.printingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.receiptPrinter)

        self.supplementPrinterLabel = QLabel(self.printingTab)
        self.supplementPrinterLabel.setObjectName(u"supplementPrinterLabel")

        self.printingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.supplementPrinterLabel)

        self.supplementPrinter = QComboBox(self.printingTab)
        self.supplementPrinter.setObjectName(u"supplementPrinter")

        self.printingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.supplementPrinter)

        self.refusalPrinterLabel = QLabel(self.printingTab)
        self.refusalPrinterLabel.setObjectName(u"refusalPrinterLabel")

        self.printingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.refusalPrinterLabel)

        self.refusalPrinter = QComboBox(self.printingTab)
        self.refusalPrinter.setObjectName(u"refusalPrinter")

        self.printingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.refusalPrinter)

        self.tabs.addTab(self.printingTab, "")
        self.devicesTab = QWidget()
        self.devicesTab.setObjectName(u"devicesTab")
        self.devicesForm = QFormLayout(self.devicesTab)
        self.devicesForm.setObjectName(u"devicesForm")
        self.devicesForm.setHorizontalSpacing(10)
        self.devicesForm.setVerticalSpacing(10)
        self.scannerModeLabel = QLabel(self.devicesTab)
        self.scannerModeLabel.setObjectName(u"scannerModeLabel")

        self.devicesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scannerModeLabel)

        self.scannerMode = QComboBox(self.devicesTab)
        self.scannerMode.addItem("")
        self.scannerMode.addItem("")
        self.scannerMode.setObjectName(u"scannerMode")

        self.devicesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scannerMode)

        self.keyboardScannerGroup = QGroupBox(self.devicesTab)
        self.keyboardScannerGroup.setObjectName(u"keyboardScannerGroup")
        self.keyboardScannerForm = QFormLayout(self.keyboardScannerGroup)
        self.keyboardScannerForm.setObjectName(u"keyboardScannerForm")
        self.keyboardScannerForm.setHorizontalSpacing(10)
        self.keyboardScannerForm.setVerticalSpacing(10)
        self.scannerNote = QLabel(self.keyboardScannerGroup)
        self.scannerNote.setObjectName(u"scannerNote")
        self.scannerNote.setWordWrap(True)
        self.scannerNote.setProperty(u"role", u"hint")

        self.keyboardScannerForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.scannerNote)

        self.scannerIntervalLabel = QLabel(self.keyboardScannerGroup)
        self.scannerIntervalLabel.setObjectName(u"scannerIntervalLabel")

        self.keyboardScannerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scannerIntervalLabel)

        self.scannerInterval = QSpinBox(self.keyboardScannerGroup)
        self.scannerInterval.setObjectName(u"scannerInterval")
        self.scannerInterval.setSuffix(u" ms")
        self.scannerInterval.setMinimum(5)
        self.scannerInterval.setMaximum(500)

        self.keyboardScannerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.scannerInterval)

        self.scannerMinLengthLabel = QLabel(self.keyboardScannerGroup)
        self.scannerMinLengthLabel.setObjectName(u"scannerMinLengthLabel")

        self.keyboardScannerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scannerMinLengthLabel)

        self.scannerMinLength = QSpinBox(self.keyboardScannerGroup)
        self.scannerMinLength.setObjectName(u"scannerMinLength")
        self.scannerMinLength.setMinimum(1)
        self.scannerMinLength.setMaximum(100)

        self.keyboardScannerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scannerMinLength)

        self.scannerPrefixLabel = QLabel(self.keyboardScannerGroup)
        self.scannerPrefixLabel.setObjectName(u"scannerPrefixLabel")

        self.keyboardScannerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.scannerPrefixLabel)

        self.scannerPrefix = QLineEdit(self.keyboardScannerGroup)
        self.scannerPrefix.setObjectName(u"scannerPrefix")

        self.keyboardScannerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.scannerPrefix)

        self.scannerSuffixLabel = QLabel(self.keyboardScannerGroup)
        self.scannerSuffixLabel.setObjectName(u"scannerSuffixLabel")

        self.keyboardScannerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.scannerSuffixLabel)

        self.scannerSuffix = QLineEdit(self.keyboardScannerGroup)
        self.scannerSuffix.setObjectName(u"scannerSuffix")

        self.keyboardScannerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.scannerSuffix)

        self.scannerTerminatorLabel = QLabel(self.keyboardScannerGroup)
        self.scannerTerminatorLabel.setObjectName(u"scannerTerminatorLabel")

        self.keyboardScannerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.scannerTerminatorLabel)

        self.scannerTerminator = QComboBox(self.keyboardScannerGroup)
        self.scannerTerminator.addItem("")
        self.scannerTerminator.addItem("")
        self.scannerTerminator.addItem("")
        self.scannerTerminator.setObjectName(u"scannerTerminator")

        self.keyboardScannerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.scannerTerminator)


        self.devicesForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.keyboardScannerGroup)

        self.serialScannerGroup = QGroupBox(self.devicesTab)
        self.serialScannerGroup.setObjectName(u"serialScannerGroup")
        self.serialScannerForm = QFormLayout(self.serialScannerGroup)
        self.serialScannerForm.setObjectName(u"serialScannerForm")
        self.serialScannerForm.setHorizontalSpacing(10)
        self.serialScannerForm.setVerticalSpacing(10)
        self.serialNote = QLabel(self.serialScannerGroup)
        self.serialNote.setObjectName(u"serialNote")
        self.serialNote.setWordWrap(True)
        self.serialNote.setProperty(u"role", u"hint")

        self.serialScannerForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.serialNote)

        self.serialPortLabel = QLabel(self.serialScannerGroup)
        self.serialPortLabel.setObjectName(u"serialPortLabel")

        self.serialScannerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serialPortLabel)

        self.serialPort = QComboBox(self.serialScannerGroup)
        self.serialPort.setObjectName(u"serialPort")
        self.serialPort.setEditable(True)
        self.serialPort.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.serialScannerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serialPort)

        self.serialBaudLabel = QLabel(self.serialScannerGroup)
        self.serialBaudLabel.setObjectName(u"serialBaudLabel")

        self.serialScannerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.serialBaudLabel)

        self.serialBaud = QComboBox(self.serialScannerGroup)
        self.serialBaud.addItem(u"9600")
        self.serialBaud.addItem(u"19200")
        self.serialBaud.addItem(u"38400")
        self.serialBaud.addItem(u"57600")
        self.serialBaud.addItem(u"115200")
        self.serialBaud.setObjectName(u"serialBaud")

        self.serialScannerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.serialBaud)

        self.serialSuffixLabel = QLabel(self.serialScannerGroup)
        self.serialSuffixLabel.setObjectName(u"serialSuffixLabel")

        self.serialScannerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.serialSuffixLabel)

        self.serialSuffix = QComboBox(self.serialScannerGroup)
        self.serialSuffix.addItem(u"CR (\\r)")
        self.serialSuffix.addItem(u"LF (\\n)")
        self.serialSuffix.addItem(u"CR LF (\\r\\n)")
        self.serialSuffix.setObjectName(u"serialSuffix")

        self.serialScannerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.serialSuffix)


        self.devicesForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.serialScannerGroup)

        self.cameraIndexLabel = QLabel(self.devicesTab)
        self.cameraIndexLabel.setObjectName(u"cameraIndexLabel")

        self.devicesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cameraIndexLabel)

        self.cameraIndex = QSpinBox(self.devicesTab)
        self.cameraIndex.setObjectName(u"cameraIndex")
        self.cameraIndex.setMinimum(0)
        self.cameraIndex.setMaximum(9)

        self.devicesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cameraIndex)

        self.tabs.addTab(self.devicesTab, "")
        self.serverTab = QWidget()
        self.serverTab.setObjectName(u"serverTab")
        self.serverForm = QFormLayout(self.serverTab)
        self.serverForm.setObjectName(u"serverForm")
        self.serverForm.setHorizontalSpacing(10)
        self.serverForm.setVerticalSpacing(10)
        self.serverUrlLabel = QLabel(self.serverTab)
        self.serverUrlLabel.setObjectName(u"serverUrlLabel")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverUrlLabel)

        self.serverUrl = QLineEdit(self.serverTab)
        self.serverUrl.setObjectName(u"serverUrl")
        self.serverUrl.setPlaceholderText(u"https://motcua.example.gov.vn")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serverUrl)

        self.dueSoonLabel = QLabel(self.serverTab)
        self.dueSoonLabel.setObjectName(u"dueSoonLabel")

        self.serverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dueSoonLabel)

        self.dueSoon = QSpinBox(self.serverTab)
        self.dueSoon.setObjectName(u"dueSoon")
        self.dueSoon.setMinimum(1)
        self.dueSoon.setMaximum(240)

        self.serverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dueSoon)

        self.tabs.addTab(self.serverTab, "")
        self.securityTab = QWidget()
        self.securityTab.setObjectName(u"securityTab")
        self.securityForm = QFormLayout(self.securityTab)
        self.securityForm.setObjectName(u"securityForm")
        self.securityForm.setHorizontalSpacing(10)
        self.securityForm.setVerticalSpacing(10)
        self.idleLockMinutesLabel = QLabel(self.securityTab)
        self.idleLockMinutesLabel.setObjectName(u"idleLockMinutesLabel")

        self.securityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idleLockMinutesLabel)

        self.idleLockMinutes = QSpinBox(self.securityTab)
        self.idleLockMinutes.setObjectName(u"idleLockMinutes")
        self.idleLockMinutes.setMinimum(1)
        self.idleLockMinutes.setMaximum(120)

        self.securityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.idleLockMinutes)

        self.idleLockNote = QLabel(self.securityTab)
        self.idleLockNote.setObjectName(u"idleLockNote")
        self.idleLockNote.setWordWrap(True)
        self.idleLockNote.setProperty(u"role", u"hint")

        self.securityForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.idleLockNote)

        self.tabs.addTab(self.securityTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.settingsError = FormErrorLabel(SettingsDialog)
        self.settingsError.setObjectName(u"settingsError")

        self.dialogLayout.addWidget(self.settingsError)

        self.buttons = DialogButtons(SettingsDialog)
        self.buttons.setObjectName(u"buttons")

        self.dialogLayout.addWidget(self.buttons)

        self.dialogLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.language)
        self.paperLabel.setBuddy(self.paper)
        self.receiptPrinterLabel.setBuddy(self.receiptPrinter)
        self.supplementPrinterLabel.setBuddy(self.supplementPrinter)
        self.refusalPrinterLabel.setBuddy(self.refusalPrinter)
        self.scannerModeLabel.setBuddy(self.scannerMode)
        self.scannerIntervalLabel.setBuddy(self.scannerInterval)
        self.scannerMinLengthLabel.setBuddy(self.scannerMinLength)
        self.scannerPrefixLabel.setBuddy(self.scannerPrefix)
        self.scannerSuffixLabel.setBuddy(self.scannerSuffix)
        self.scannerTerminatorLabel.setBuddy(self.scannerTerminator)
        self.serialPortLabel.setBuddy(self.serialPort)
        self.serialBaudLabel.setBuddy(self.serialBaud)
        self.serialSuffixLabel.setBuddy(self.serialSuffix)
        self.cameraIndexLabel.setBuddy(self.cameraIndex)
        self.serverUrlLabel.setBuddy(self.serverUrl)
        self.dueSoonLabel.setBuddy(self.dueSoon)
        self.idleLockMinutesLabel.setBuddy(self.idleLockMinutes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.language)
        QWidget.setTabOrder(self.language, self.paper)
        QWidget.setTabOrder(self.paper, self.receiptPrinter)
        QWidget.setTabOrder(self.receiptPrinter, self.supplementPrinter)
        QWidget.setTabOrder(self.supplementPrinter, self.refusalPrinter)
        QWidget.setTabOrder(self.refusalPrinter, self.scannerMode)
        QWidget.setTabOrder(self.scannerMode, self.scannerInterval)
        QWidget.setTabOrder(self.scannerInterval, self.scannerMinLength)
        QWidget.setTabOrder(self.scannerMinLength, self.scannerPrefix)
        QWidget.setTabOrder(self.scannerPrefix, self.scannerSuffix)
        QWidget.setTabOrder(self.scannerSuffix, self.scannerTerminator)
        QWidget.setTabOrder(self.scannerTerminator, self.serialPort)
        QWidget.setTabOrder(self.serialPort, self.serialBaud)
        QWidget.setTabOrder(self.serialBaud, self.serialSuffix)
        QWidget.setTabOrder(self.serialSuffix, self.cameraIndex)
        QWidget.setTabOrder(self.cameraIndex, self.serverUrl)
        QWidget.setTabOrder(self.serverUrl, self.dueSoon)
        QWidget.setTabOrder(self.dueSoon, self.idleLockMinutes)

        self.retranslateUi(SettingsDialog)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"C\u00e0i \u0111\u1eb7t", None))
        self.unitReadOnlyNote.setText(QCoreApplication.translate("SettingsDialog", u"Ch\u1ec9 ng\u01b0\u1eddi qu\u1ea3n tr\u1ecb \u0111\u01b0\u1ee3c s\u1eeda th\u00f4ng tin \u0111\u01a1n v\u1ecb.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unitTab), QCoreApplication.translate("SettingsDialog", u"\u0110\u01a1n v\u1ecb", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Ng\u00f4n ng\u1eef giao di\u1ec7n:", None))

        self.languageHint.setText(QCoreApplication.translate("SettingsDialog", u"Ng\u00f4n ng\u1eef m\u1edbi c\u00f3 hi\u1ec7u l\u1ef1c t\u1eeb l\u1ea7n m\u1edf ph\u1ea7n m\u1ec1m sau.", None))
        self.paperLabel.setText(QCoreApplication.translate("SettingsDialog", u"Kh\u1ed5 gi\u1ea5y in phi\u1ebfu:", None))
        self.paper.setItemText(0, QCoreApplication.translate("SettingsDialog", u"A5", None))
        self.paper.setItemText(1, QCoreApplication.translate("SettingsDialog", u"A4", None))
        self.paper.setItemText(2, QCoreApplication.translate("SettingsDialog", u"Gi\u1ea5y in nhi\u1ec7t 80 mm (gi\u1ea5y h\u1eb9n)", None))

        self.receiptPrinterLabel.setText(QCoreApplication.translate("SettingsDialog", u"M\u00e1y in gi\u1ea5y ti\u1ebfp nh\u1eadn (01):", None))
        self.supplementPrinterLabel.setText(QCoreApplication.translate("SettingsDialog", u"M\u00e1y in phi\u1ebfu b\u1ed5 sung (02):", None))
        self.refusalPrinterLabel.setText(QCoreApplication.translate("SettingsDialog", u"M\u00e1y in phi\u1ebfu t\u1eeb ch\u1ed1i (03):", None))
        self.tabs.setTabText(self.tabs.indexOf(self.printingTab), QCoreApplication.translate("SettingsDialog", u"Giao di\u1ec7n v\u00e0 in", None))
        self.scannerModeLabel.setText(QCoreApplication.translate("SettingsDialog", u"M\u00e1y qu\u00e9t m\u00e3 v\u1ea1ch g\u1eedi m\u00e3:", None))
        self.scannerMode.setItemText(0, QCoreApplication.translate("SettingsDialog", u"Nh\u01b0 b\u00e0n ph\u00edm (ch\u1ebf \u0111\u1ed9 b\u00e0n ph\u00edm)", None))
        self.scannerMode.setItemText(1, QCoreApplication.translate("SettingsDialog", u"Qua c\u1ed5ng COM (ch\u1ebf \u0111\u1ed9 USB-COM, g\u1eedi UTF-8)", None))

        self.keyboardScannerGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Ch\u1ebf \u0111\u1ed9 b\u00e0n ph\u00edm", None))
        self.scannerNote.setText(QCoreApplication.translate("SettingsDialog", u"M\u00e1y qu\u00e9t m\u00e3 v\u1ea1ch ho\u1ea1t \u0111\u1ed9ng nh\u01b0 b\u00e0n ph\u00edm: c\u00e1c k\u00fd t\u1ef1 \u0111\u1ebfn li\u00ean ti\u1ebfp nhanh h\u01a1n ng\u01b0\u1ee1ng d\u01b0\u1edbi \u0111\u00e2y \u0111\u01b0\u1ee3c coi l\u00e0 m\u1ed9t l\u1ea7n qu\u00e9t.", None))
        self.scannerIntervalLabel.setText(QCoreApplication.translate("SettingsDialog", u"Kho\u1ea3ng c\u00e1ch t\u1ed1i \u0111a gi\u1eefa hai k\u00fd t\u1ef1:", None))
        self.scannerMinLengthLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u0110\u1ed9 d\u00e0i t\u1ed1i thi\u1ec3u c\u1ee7a m\u00e3:", None))
        self.scannerPrefixLabel.setText(QCoreApplication.translate("SettingsDialog", u"Ti\u1ec1n t\u1ed1 c\u1ee7a m\u00e1y qu\u00e9t:", None))
        self.scannerSuffixLabel.setText(QCoreApplication.translate("SettingsDialog", u"H\u1eadu t\u1ed1 c\u1ee7a m\u00e1y qu\u00e9t:", None))
        self.scannerTerminatorLabel.setText(QCoreApplication.translate("SettingsDialog", u"M\u1ed7i l\u1ea7n qu\u00e9t k\u1ebft th\u00fac b\u1eb1ng:", None))
        self.scannerTerminator.setItemText(0, QCoreApplication.translate("SettingsDialog", u"Ph\u00edm Enter (m\u1eb7c \u0111\u1ecbnh c\u1ee7a m\u00e1y qu\u00e9t)", None))
        self.scannerTerminator.setItemText(1, QCoreApplication.translate("SettingsDialog", u"Ph\u00edm Tab", None))
        self.scannerTerminator.setItemText(2, QCoreApplication.translate("SettingsDialog", u"Kh\u00f4ng c\u00f3 (nh\u1eadn bi\u1ebft b\u1eb1ng kho\u1ea3ng d\u1eebng)", None))

        self.serialScannerGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Ch\u1ebf \u0111\u1ed9 c\u1ed5ng COM (USB-COM)", None))
        self.serialNote.setText(QCoreApplication.translate("SettingsDialog", u"\u1ede ch\u1ebf \u0111\u1ed9 USB-COM m\u00e1y qu\u00e9t g\u1eedi ch\u1eef ti\u1ebfng Vi\u1ec7t nguy\u00ean v\u1eb9n (UTF-8), n\u00ean \u0111\u1ecdc \u0111\u00fang m\u00e3 QR c\u1ee7a th\u1ebb c\u0103n c\u01b0\u1edbc. Chuy\u1ec3n m\u00e1y qu\u00e9t sang ch\u1ebf \u0111\u1ed9 n\u00e0y b\u1eb1ng m\u00e3 c\u00e0i \u0111\u1eb7t trong s\u00e1ch h\u01b0\u1edbng d\u1eabn c\u1ee7a h\u00e3ng, r\u1ed3i ch\u1ecdn c\u1ed5ng c\u1ee7a n\u00f3.", None))
        self.serialPortLabel.setText(QCoreApplication.translate("SettingsDialog", u"C\u1ed5ng COM:", None))
        self.serialBaudLabel.setText(QCoreApplication.translate("SettingsDialog", u"T\u1ed1c \u0111\u1ed9 (baud):", None))

        self.serialSuffixLabel.setText(QCoreApplication.translate("SettingsDialog", u"K\u00fd t\u1ef1 k\u1ebft th\u00fac m\u1ed7i m\u00e3:", None))

        self.cameraIndexLabel.setText(QCoreApplication.translate("SettingsDialog", u"Camera (s\u1ed1 th\u1ee9 t\u1ef1):", None))
        self.tabs.setTabText(self.tabs.indexOf(self.devicesTab), QCoreApplication.translate("SettingsDialog", u"M\u00e1y qu\u00e9t v\u00e0 camera", None))
        self.serverUrlLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u0110\u1ecba ch\u1ec9 m\u00e1y ch\u1ee7 trung t\u00e2m:", None))
        self.dueSoonLabel.setText(QCoreApplication.translate("SettingsDialog", u"B\u00e1o \u00abs\u1eafp \u0111\u1ebfn h\u1ea1n\u00bb tr\u01b0\u1edbc:", None))
        self.dueSoon.setSuffix(QCoreApplication.translate("SettingsDialog", u" gi\u1edd", None))
        self.tabs.setTabText(self.tabs.indexOf(self.serverTab), QCoreApplication.translate("SettingsDialog", u"M\u00e1y ch\u1ee7 v\u00e0 theo d\u00f5i", None))
        self.idleLockMinutesLabel.setText(QCoreApplication.translate("SettingsDialog", u"T\u1ef1 kh\u00f3a m\u00e1y qu\u1ea7y sau:", None))
        self.idleLockMinutes.setSuffix(QCoreApplication.translate("SettingsDialog", u" ph\u00fat", None))
        self.idleLockNote.setText(QCoreApplication.translate("SettingsDialog", u"Khi kh\u00f4ng ai d\u00f9ng b\u00e0n ph\u00edm hay chu\u1ed9t trong kho\u1ea3ng th\u1eddi gian n\u00e0y, m\u00e1y qu\u1ea7y t\u1ef1 kh\u00f3a v\u00e0 che d\u1eef li\u1ec7u c\u1ee7a c\u00f4ng d\u00e2n; m\u1eadt kh\u1ea9u c\u1ee7a c\u00e1n b\u1ed9 \u0111ang \u0111\u0103ng nh\u1eadp (ho\u1eb7c c\u1ee7a ng\u01b0\u1eddi qu\u1ea3n tr\u1ecb) m\u1edf l\u1ea1i, d\u1eef li\u1ec7u \u0111ang nh\u1eadp \u0111\u01b0\u1ee3c gi\u1eef nguy\u00ean.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.securityTab), QCoreApplication.translate("SettingsDialog", u"B\u1ea3o m\u1eadt", None))
        self.buttons.setProperty(u"acceptText", QCoreApplication.translate("SettingsDialog", u"L\u01b0u", None))
        self.buttons.setProperty(u"rejectText", QCoreApplication.translate("SettingsDialog", u"H\u1ee7y", None))
    # retranslateUi
