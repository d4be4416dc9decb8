# Generated from ui/signin.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 3fb25e6830c02685c7d993a960df525cbbda532b6519548da085f98f116749e3

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

class Ui_SignInWindow(object):
    def setupUi(self, SignInWindow):
        if not SignInWindow.objectName():
            SignInWindow.setObjectName(u"SignInWindow")
        SignInWindow.resize(1366, 768)
        self.outerLayout = QVBoxLayout(SignInWindow)
        self.outerLayout.setObjectName(u"outerLayout")
        self.aboveCard = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.aboveCard)

        self.cardRow = QHBoxLayout()
        self.cardRow.setObjectName(u"cardRow")
        self.leftOfCard = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cardRow.addItem(self.leftOfCard)

        self.signInCard = QFrame(SignInWindow)
        self.signInCard.setObjectName(u"signInCard")
        self.signInCard.setMinimumSize(QSize(460, 0))
        self.signInCard.setMaximumSize(QSize(460, 16777215))
        self.signInCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardLayout = QVBoxLayout(self.signInCard)
        self.cardLayout.setSpacing(10)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel(self.signInCard)
        self.title.setObjectName(u"title")
        font = QFont()
        font.setPointSize(18)
        font.setBold(True)
        self.title.setFont(font)

        self.cardLayout.addWidget(self.title)

        self.subtitle = QLabel(self.signInCard)
        self.subtitle.setObjectName(u"subtitle")
        self.subtitle.setProperty(u"role", u"hint")

        self.cardLayout.addWidget(self.subtitle)

        self.unitLabel = QLabel(self.signInCard)
        self.unitLabel.setObjectName(u"unitLabel")
        self.unitLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.unitLabel)

        self.aboveCredentials = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.cardLayout.addItem(self.aboveCredentials)

        self.credentials = QFormLayout()
        self.credentials.setObjectName(u"credentials")
        self.credentials.setHorizontalSpacing(10)
        self.credentials.setVerticalSpacing(10)
        self.usernameLabel = QLabel(self.signInCard)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.credentials.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(self.signInCard)
        self.username.setObjectName(u"username")

        self.credentials.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(self.signInCard)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentials.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(self.signInCard)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentials.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.cardLayout.addLayout(self.credentials)

        self.signInError = FormErrorLabel(self.signInCard)
        self.signInError.setObjectName(u"signInError")

        self.cardLayout.addWidget(self.signInError)

        self.signInButton = QPushButton(self.signInCard)
        self.signInButton.setObjectName(u"signInButton")
        self.signInButton.setProperty(u"role", u"primary")

        self.cardLayout.addWidget(self.signInButton, 0, Qt.AlignmentFlag.AlignRight)


        self.cardRow.addWidget(self.signInCard)

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
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.signInButton)

        self.retranslateUi(SignInWindow)

        self.signInButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SignInWindow):
        SignInWindow.setWindowTitle(QCoreApplication.translate("SignInWindow", u"\u0110\u0103ng nh\u1eadp \u2014 Qu\u1ea7y M\u1ed9t c\u1eeda", None))
        self.title.setText(QCoreApplication.translate("SignInWindow", u"Qu\u1ea7y M\u1ed9t c\u1eeda", None))
        self.subtitle.setText(QCoreApplication.translate("SignInWindow", u"Trung t\u00e2m Ph\u1ee5c v\u1ee5 h\u00e0nh ch\u00ednh c\u00f4ng", None))
        self.usernameLabel.setText(QCoreApplication.translate("SignInWindow", u"T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.username.setPlaceholderText(QCoreApplication.translate("SignInWindow", u"v\u00ed d\u1ee5: canbo", None))
        self.passwordLabel.setText(QCoreApplication.translate("SignInWindow", u"M\u1eadt kh\u1ea9u:", None))
#if QT_CONFIG(tooltip)
        self.signInButton.setToolTip(QCoreApplication.translate("SignInWindow", u"\u0110\u0103ng nh\u1eadp (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.signInButton.setText(QCoreApplication.translate("SignInWindow", u"\u0110\u0103ng nh\u1eadp", None))
    # retranslateUi
