# Generated from ui/accounts_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 36d59898706af17e094529dec0a1897dab761d29930949146d9bc06d2c24422f

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QHBoxLayout, QHeaderView, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from counter_app.gui.form_widgets import FormErrorLabel

class Ui_AccountsDialog(object):
    def setupUi(self, AccountsDialog):
        if not AccountsDialog.objectName():
            AccountsDialog.setObjectName(u"AccountsDialog")
        AccountsDialog.resize(820, 420)
        self.dialogLayout = QVBoxLayout(AccountsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.accountsTable = QTableView(AccountsDialog)
        self.accountsTable.setObjectName(u"accountsTable")
        self.accountsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accountsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accountsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accountsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.accountsTable)

        self.accountsError = FormErrorLabel(AccountsDialog)
        self.accountsError.setObjectName(u"accountsError")

        self.dialogLayout.addWidget(self.accountsError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.createButton = QPushButton(AccountsDialog)
        self.createButton.setObjectName(u"createButton")

        self.buttonRow.addWidget(self.createButton)

        self.toggleButton = QPushButton(AccountsDialog)
        self.toggleButton.setObjectName(u"toggleButton")

        self.buttonRow.addWidget(self.toggleButton)

        self.resetButton = QPushButton(AccountsDialog)
        self.resetButton.setObjectName(u"resetButton")

        self.buttonRow.addWidget(self.resetButton)

        self.role = QComboBox(AccountsDialog)
        self.role.setObjectName(u"role")

        self.buttonRow.addWidget(self.role)

        self.roleButton = QPushButton(AccountsDialog)
        self.roleButton.setObjectName(u"roleButton")

        self.buttonRow.addWidget(self.roleButton)

        self.beforeClose = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.beforeClose)

        self.closeButton = QPushButton(AccountsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)

        self.buttonRow.setStretch(5, 1)

        self.dialogLayout.addLayout(self.buttonRow)

        self.dialogLayout.setStretch(0, 1)
        QWidget.setTabOrder(self.accountsTable, self.createButton)
        QWidget.setTabOrder(self.createButton, self.toggleButton)
        QWidget.setTabOrder(self.toggleButton, self.resetButton)
        QWidget.setTabOrder(self.resetButton, self.role)
        QWidget.setTabOrder(self.role, self.roleButton)
        QWidget.setTabOrder(self.roleButton, self.closeButton)

        self.retranslateUi(AccountsDialog)
    # setupUi

    def retranslateUi(self, AccountsDialog):
        AccountsDialog.setWindowTitle(QCoreApplication.translate("AccountsDialog", u"Qu\u1ea3n l\u00fd t\u00e0i kho\u1ea3n", None))
        self.createButton.setText(QCoreApplication.translate("AccountsDialog", u"T\u1ea1o t\u00e0i kho\u1ea3n\u2026", None))
        self.toggleButton.setText(QCoreApplication.translate("AccountsDialog", u"Kh\u00f3a / m\u1edf kh\u00f3a", None))
        self.resetButton.setText(QCoreApplication.translate("AccountsDialog", u"\u0110\u1eb7t l\u1ea1i m\u1eadt kh\u1ea9u\u2026", None))
        self.roleButton.setText(QCoreApplication.translate("AccountsDialog", u"\u0110\u1ed5i vai tr\u00f2", None))
        self.closeButton.setText(QCoreApplication.translate("AccountsDialog", u"\u0110\u00f3ng", None))
    # retranslateUi
