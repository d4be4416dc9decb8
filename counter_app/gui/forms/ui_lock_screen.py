# Generated from ui/lock_screen.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 6bbfdd60b2e749b3ba65877d7406e219a7ec98a8ae1e702264a83f06afe3e22f

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from counter_app.gui.form_widgets import FormErrorLabel

class Ui_LockScreen(object):
    def setupUi(self, LockScreen):
        if not LockScreen.objectName():
            LockScreen.setObjectName(u"LockScreen")
        LockScreen.resize(1366, 768)
        self.outerLayout = QVBoxLayout(LockScreen)
        self.outerLayout.setObjectName(u"outerLayout")
        self.aboveCard = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.aboveCard)

        self.cardRow = QHBoxLayout()
        self.cardRow.setObjectName(u"cardRow")
        self.leftOfCard = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cardRow.addItem(self.leftOfCard)

        self.lockCard = QFrame(LockScreen)
        self.lockCard.setObjectName(u"lockCard")
        self.lockCard.setMinimumSize(QSize(480, 0))
        self.lockCard.setMaximumSize(QSize(480, 16777215))
        self.lockCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardLayout = QVBoxLayout(self.lockCard)
        self.cardLayout.setSpacing(10)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel(self.lockCard)
        self.title.setObjectName(u"title")
        font = QFont()
        font.setPointSize(18)
        font.setBold(True)
        self.title.setFont(font)

        self.cardLayout.addWidget(self.title)

        self.lockedOfficer = QLabel(self.lockCard)
        self.lockedOfficer.setObjectName(u"lockedOfficer")
        self.lockedOfficer.setWordWrap(True)

        self.cardLayout.addWidget(self.lockedOfficer)

        self.adminHint = QLabel(self.lockCard)
        self.adminHint.setObjectName(u"adminHint")
        self.adminHint.setWordWrap(True)
        self.adminHint.setProperty(u"role", u"hint")

        self.cardLayout.addWidget(self.adminHint)

        self.aboveCredentials = QSpacerItem(0, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.cardLayout.addItem(self.aboveCredentials)

        self.credentials = QFormLayout()
        self.credentials.setObjectName(u"credentials")
        self.credentials.setHorizontalSpacing(10)
        self.credentials.setVerticalSpacing(10)
        self.usernameLabel = QLabel(self.lockCard)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.credentials.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.unlockUsername = QLineEdit(self.lockCard)
        self.unlockUsername.setObjectName(u"unlockUsername")

        self.credentials.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unlockUsername)

        self.passwordLabel = QLabel(self.lockCard)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentials.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.unlockPassword = QLineEdit(self.lockCard)
        self.unlockPassword.setObjectName(u"unlockPassword")
        self.unlockPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentials.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unlockPassword)


        self.cardLayout.addLayout(self.credentials)

        self.unlockError = FormErrorLabel(self.lockCard)
        self.unlockError.setObjectName(u"unlockError")

        self.cardLayout.addWidget(self.unlockError)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.lockSignOut = QPushButton(self.lockCard)
        self.lockSignOut.setObjectName(u"lockSignOut")

        self.buttons.addWidget(self.lockSignOut)

        self.betweenButtons = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.betweenButtons)

        self.unlockButton = QPushButton(self.lockCard)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setProperty(u"role", u"primary")

        self.buttons.addWidget(self.unlockButton)


        self.cardLayout.addLayout(self.buttons)


        self.cardRow.addWidget(self.lockCard)

        self.rightOfCard = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cardRow.addItem(self.rightOfCard)

        self.cardRow.setStretch(0, 1)
        self.cardRow.setStretch(2, 1)

        self.outerLayout.addLayout(self.cardRow)

        self.belowCard = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.belowCard)

        self.outerLayout.setStretch(0, 1)
        self.outerLayout.setStretch(2, 2)
#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.unlockUsername)
        self.passwordLabel.setBuddy(self.unlockPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unlockUsername, self.unlockPassword)
        QWidget.setTabOrder(self.unlockPassword, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.lockSignOut)

        self.retranslateUi(LockScreen)
    # setupUi

    def retranslateUi(self, LockScreen):
        self.title.setText(QCoreApplication.translate("LockScreen", u"M\u00e1y qu\u1ea7y \u0111ang kh\u00f3a", None))
        self.lockedOfficer.setText(QCoreApplication.translate("LockScreen", u"C\u00e1n b\u1ed9 %1 (%2) \u0111ang l\u00e0m vi\u1ec7c. Nh\u1eadp m\u1eadt kh\u1ea9u \u0111\u1ec3 ti\u1ebfp t\u1ee5c; d\u1eef li\u1ec7u \u0111ang nh\u1eadp \u0111\u01b0\u1ee3c gi\u1eef nguy\u00ean.", None))
        self.adminHint.setText(QCoreApplication.translate("LockScreen", u"Ng\u01b0\u1eddi qu\u1ea3n tr\u1ecb c\u0169ng c\u00f3 th\u1ec3 m\u1edf kh\u00f3a b\u1eb1ng t\u00e0i kho\u1ea3n c\u1ee7a m\u00ecnh.", None))
        self.usernameLabel.setText(QCoreApplication.translate("LockScreen", u"T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.passwordLabel.setText(QCoreApplication.translate("LockScreen", u"M\u1eadt kh\u1ea9u:", None))
        self.lockSignOut.setText(QCoreApplication.translate("LockScreen", u"\u0110\u0103ng xu\u1ea5t", None))
        self.unlockButton.setText(QCoreApplication.translate("LockScreen", u"M\u1edf kh\u00f3a", None))
        pass
    # retranslateUi
