# Generated from ui/kiosk_unlock_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: dd0d0ea18836133d068aef051422398de1efaecbef9835103d1ffd9e612e6e3a

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QWidget)

from counter_app.gui.form_widgets import (DialogButtons, FormErrorLabel)

class Ui_UnlockDialog(object):
    def setupUi(self, UnlockDialog):
        if not UnlockDialog.objectName():
            UnlockDialog.setObjectName(u"UnlockDialog")
        UnlockDialog.resize(480, 118)
        self.form = QFormLayout(UnlockDialog)
        self.form.setObjectName(u"form")
        self.adminOnlyNote = QLabel(UnlockDialog)
        self.adminOnlyNote.setObjectName(u"adminOnlyNote")

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.adminOnlyNote)

        self.adminUsernameLabel = QLabel(UnlockDialog)
        self.adminUsernameLabel.setObjectName(u"adminUsernameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.adminUsernameLabel)

        self.adminUsername = QLineEdit(UnlockDialog)
        self.adminUsername.setObjectName(u"adminUsername")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminUsername)

        self.adminPasswordLabel = QLabel(UnlockDialog)
        self.adminPasswordLabel.setObjectName(u"adminPasswordLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.adminPasswordLabel)

        self.adminPassword = QLineEdit(UnlockDialog)
        self.adminPassword.setObjectName(u"adminPassword")
        self.adminPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.adminPassword)

        self.unlockError = FormErrorLabel(UnlockDialog)
        self.unlockError.setObjectName(u"unlockError")

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.unlockError)

        self.buttons = DialogButtons(UnlockDialog)
        self.buttons.setObjectName(u"buttons")

        self.form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.adminUsernameLabel.setBuddy(self.adminUsername)
        self.adminPasswordLabel.setBuddy(self.adminPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.adminUsername, self.adminPassword)

        self.retranslateUi(UnlockDialog)
    # setupUi

    def retranslateUi(self, UnlockDialog):
        UnlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"Tho\u00e1t ch\u1ebf \u0111\u1ed9 tra c\u1ee9u", None))
        self.adminOnlyNote.setText(QCoreApplication.translate("UnlockDialog", u"Ch\u1ec9 qu\u1ea3n tr\u1ecb vi\u00ean m\u1edbi tho\u00e1t \u0111\u01b0\u1ee3c ch\u1ebf \u0111\u1ed9 tra c\u1ee9u.", None))
        self.adminUsernameLabel.setText(QCoreApplication.translate("UnlockDialog", u"T\u00e0i kho\u1ea3n qu\u1ea3n tr\u1ecb:", None))
        self.adminPasswordLabel.setText(QCoreApplication.translate("UnlockDialog", u"M\u1eadt kh\u1ea9u:", None))
        self.buttons.setProperty(u"acceptText", QCoreApplication.translate("UnlockDialog", u"Tho\u00e1t", None))
        self.buttons.setProperty(u"rejectText", QCoreApplication.translate("UnlockDialog", u"Quay l\u1ea1i", None))
    # retranslateUi
