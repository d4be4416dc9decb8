# Generated from ui/password_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: ebac3aaaee078d8fd3f5b1c0d75619ef9be1f351a9a6a508690ee26970d543bf

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
    def setupUi(self, passwordDialog):
        if not passwordDialog.objectName():
            passwordDialog.setObjectName(u"passwordDialog")
        passwordDialog.resize(460, 0)
        self.form = QFormLayout(passwordDialog)
        self.form.setObjectName(u"form")
        self.usernameLabel = QLabel(passwordDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.newUsername = QLineEdit(passwordDialog)
        self.newUsername.setObjectName(u"newUsername")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newUsername)

        self.fullNameLabel = QLabel(passwordDialog)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.newFullName = QLineEdit(passwordDialog)
        self.newFullName.setObjectName(u"newFullName")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newFullName)

        self.roleLabel = QLabel(passwordDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(passwordDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.passwordLabel = QLabel(passwordDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.newPassword = QLineEdit(passwordDialog)
        self.newPassword.setObjectName(u"newPassword")
        self.newPassword.setEchoMode(QLineEdit.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.newPassword)

        self.confirmLabel = QLabel(passwordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmPassword = QLineEdit(passwordDialog)
        self.confirmPassword.setObjectName(u"confirmPassword")
        self.confirmPassword.setEchoMode(QLineEdit.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmPassword)

        self.passwordPolicy = QLabel(passwordDialog)
        self.passwordPolicy.setObjectName(u"passwordPolicy")
        self.passwordPolicy.setWordWrap(True)
        self.passwordPolicy.setProperty(u"role", u"hint")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordPolicy)

        self.accountError = FormErrorLabel(passwordDialog)
        self.accountError.setObjectName(u"accountError")

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.accountError)

        self.buttons = DialogButtons(passwordDialog)
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

        self.retranslateUi(passwordDialog)
    # setupUi

    def retranslateUi(self, passwordDialog):
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
