# Generated from ui/kiosk_unlock_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: bab2608734578565f987e9915b282f151c8cfc40c9c8078fc159d35f504be9bb

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
    def setupUi(self, unlockDialog):
        if not unlockDialog.objectName():
            unlockDialog.setObjectName(u"unlockDialog")
        unlockDialog.resize(480, 0)
        self.form = QFormLayout(unlockDialog)
        self.form.setObjectName(u"form")
        self.adminOnlyNote = QLabel(unlockDialog)
        self.adminOnlyNote.setObjectName(u"adminOnlyNote")

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.adminOnlyNote)

        self.adminUsernameLabel = QLabel(unlockDialog)
        self.adminUsernameLabel.setObjectName(u"adminUsernameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.adminUsernameLabel)

        self.adminUsername = QLineEdit(unlockDialog)
        self.adminUsername.setObjectName(u"adminUsername")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminUsername)

        self.adminPasswordLabel = QLabel(unlockDialog)
        self.adminPasswordLabel.setObjectName(u"adminPasswordLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.adminPasswordLabel)

        self.adminPassword = QLineEdit(unlockDialog)
        self.adminPassword.setObjectName(u"adminPassword")
        self.adminPassword.setEchoMode(QLineEdit.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.adminPassword)

        self.unlockError = FormErrorLabel(unlockDialog)
        self.unlockError.setObjectName(u"unlockError")

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.unlockError)

        self.buttons = DialogButtons(unlockDialog)
        self.buttons.setObjectName(u"buttons")

        self.form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.adminUsernameLabel.setBuddy(self.adminUsername)
        self.adminPasswordLabel.setBuddy(self.adminPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.adminUsername, self.adminPassword)

        self.retranslateUi(unlockDialog)
    # setupUi

    def retranslateUi(self, unlockDialog):
        unlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"Tho\u00e1t ch\u1ebf \u0111\u1ed9 tra c\u1ee9u", None))
        self.adminOnlyNote.setText(QCoreApplication.translate("UnlockDialog", u"Ch\u1ec9 qu\u1ea3n tr\u1ecb vi\u00ean m\u1edbi tho\u00e1t \u0111\u01b0\u1ee3c ch\u1ebf \u0111\u1ed9 tra c\u1ee9u.", None))
        self.adminUsernameLabel.setText(QCoreApplication.translate("UnlockDialog", u"T\u00e0i kho\u1ea3n qu\u1ea3n tr\u1ecb:", None))
        self.adminPasswordLabel.setText(QCoreApplication.translate("UnlockDialog", u"M\u1eadt kh\u1ea9u:", None))
        self.buttons.setProperty(u"acceptText", QCoreApplication.translate("UnlockDialog", u"Tho\u00e1t", None))
        self.buttons.setProperty(u"rejectText", QCoreApplication.translate("UnlockDialog", u"Quay l\u1ea1i", None))
    # retranslateUi
