# Generated from ui/wizard_admin_page.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 0cea85508dc6fe477ea798ed1b9a51cf6a6b3f17d781e0ef6de2db68aefc55a6

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget, QWizardPage)

from counter_app.gui.form_widgets import FormErrorLabel

class Ui_AdminPage(object):
    def setupUi(self, AdminPage):
        if not AdminPage.objectName():
            AdminPage.setObjectName(u"AdminPage")
        AdminPage.resize(700, 480)
        self.form = QFormLayout(AdminPage)
        self.form.setObjectName(u"form")
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(10)
        self.usernameLabel = QLabel(AdminPage)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(AdminPage)
        self.username.setObjectName(u"username")
        self.username.setPlaceholderText(u"quantri")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.fullNameLabel = QLabel(AdminPage)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullName = QLineEdit(AdminPage)
        self.fullName.setObjectName(u"fullName")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fullName)

        self.passwordLabel = QLabel(AdminPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(AdminPage)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.confirmLabel = QLabel(AdminPage)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(AdminPage)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm)

        self.passwordPolicy = QLabel(AdminPage)
        self.passwordPolicy.setObjectName(u"passwordPolicy")
        self.passwordPolicy.setWordWrap(True)
        self.passwordPolicy.setProperty(u"role", u"hint")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordPolicy)

        self.errorRowLabel = QLabel(AdminPage)
        self.errorRowLabel.setObjectName(u"errorRowLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.errorRowLabel)

        self.adminError = FormErrorLabel(AdminPage)
        self.adminError.setObjectName(u"adminError")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.adminError)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.fullNameLabel.setBuddy(self.fullName)
        self.passwordLabel.setBuddy(self.password)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.fullName)
        QWidget.setTabOrder(self.fullName, self.password)
        QWidget.setTabOrder(self.password, self.confirm)

        self.retranslateUi(AdminPage)
    # setupUi

    def retranslateUi(self, AdminPage):
        AdminPage.setTitle(QCoreApplication.translate("AdminPage", u"T\u00e0i kho\u1ea3n qu\u1ea3n tr\u1ecb", None))
        AdminPage.setSubTitle(QCoreApplication.translate("AdminPage", u"Ng\u01b0\u1eddi qu\u1ea3n tr\u1ecb t\u1ea1o t\u00e0i kho\u1ea3n cho c\u00e1c c\u00e1n b\u1ed9 v\u00e0 qu\u1ea3n l\u00fd c\u00e0i \u0111\u1eb7t c\u1ee7a \u0111\u01a1n v\u1ecb.", None))
        self.usernameLabel.setText(QCoreApplication.translate("AdminPage", u"T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.fullNameLabel.setText(QCoreApplication.translate("AdminPage", u"H\u1ecd v\u00e0 t\u00ean:", None))
        self.passwordLabel.setText(QCoreApplication.translate("AdminPage", u"M\u1eadt kh\u1ea9u:", None))
        self.confirmLabel.setText(QCoreApplication.translate("AdminPage", u"Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.passwordPolicy.setText(QCoreApplication.translate("AdminPage", u"\u00cdt nh\u1ea5t %1 k\u00fd t\u1ef1 v\u00e0 kh\u00f4ng ph\u1ea3i m\u1eadt kh\u1ea9u ph\u1ed5 bi\u1ebfn (nh\u01b0 12345678, matkhau123).", None))
    # retranslateUi
