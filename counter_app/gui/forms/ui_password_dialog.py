# Generated from ui/password_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 00c7d52dc2bfedcc5d246bcbbe7f35ae27276e4d57cb233939d0911b3b49d735

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QWidget)

from counter_app.gui.form_widgets import (DialogButtons, FormErrorLabel)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(460, 202)
        self.form = QFormLayout(PasswordDialog)
        self.form.setObjectName(u"form")
        self.usernameLabel = QLabel(PasswordDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.newUsername = QLineEdit(PasswordDialog)
        self.newUsername.setObjectName(u"newUsername")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newUsername)

        self.fullNameLabel = QLabel(PasswordDialog)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.newFullName = QLineEdit(PasswordDialog)
        self.newFullName.setObjectName(u"newFullName")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newFullName)

        self.roleLabel = QLabel(PasswordDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(PasswordDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.passwordLabel = QLabel(PasswordDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.newPassword = QLineEdit(PasswordDialog)
        self.newPassword.setObjectName(u"newPassword")
        self.newPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.newPassword)

        self.confirmLabel = QLabel(PasswordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmPassword = QLineEdit(PasswordDialog)
        self.confirmPassword.setObjectName(u"confirmPassword")
        self.confirmPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmPassword)

        self.passwordPolicy = QLabel(PasswordDialog)
        self.passwordPolicy.setObjectName(u"passwordPolicy")
        self.passwordPolicy.setWordWrap(True)
        self.passwordPolicy.setProperty(u"role", u"hint")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordPolicy)

        self.accountError = FormErrorLabel(PasswordDialog)
        self.accountError.setObjectName(u"accountError")

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.accountError)

        self.buttons = DialogButtons(PasswordDialog)
        self.buttons.setObjectName(u"buttons")

        self.form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.newUsername)
        self.fullNameLabel.setBuddy(self.newFullName)
        self.roleLabel.setBuddy(self.role)
        self.passwordLabel.setBuddy(self.newPassword)
        self.confirmLabel.setBuddy(self.confirmPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newUsername, self.newFullName)
        QWidget.setTabOrder(self.newFullName, self.role)
        QWidget.setTabOrder(self.role, self.newPassword)
        QWidget.setTabOrder(self.newPassword, self.confirmPassword)

        self.retranslateUi(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        self.usernameLabel.setText(QCoreApplication.translate("PasswordDialog", u"T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.fullNameLabel.setText(QCoreApplication.translate("PasswordDialog", u"H\u1ecd v\u00e0 t\u00ean:", None))
        self.roleLabel.setText(QCoreApplication.translate("PasswordDialog", u"Vai tr\u00f2:", None))
        self.passwordLabel.setText(QCoreApplication.translate("PasswordDialog", u"M\u1eadt kh\u1ea9u:", None))
        self.confirmLabel.setText(QCoreApplication.translate("PasswordDialog", u"Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.passwordPolicy.setText(QCoreApplication.translate("PasswordDialog", u"\u00cdt nh\u1ea5t %1 k\u00fd t\u1ef1 v\u00e0 kh\u00f4ng ph\u1ea3i m\u1eadt kh\u1ea9u ph\u1ed5 bi\u1ebfn (nh\u01b0 12345678, matkhau123).", None))
        self.buttons.setProperty(u"acceptText", QCoreApplication.translate("PasswordDialog", u"L\u01b0u", None))
        self.buttons.setProperty(u"rejectText", QCoreApplication.translate("PasswordDialog", u"H\u1ee7y", None))
        pass
    # retranslateUi
