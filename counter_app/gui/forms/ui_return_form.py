# Generated from ui/return_form.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 78954f60f69869d2d75767139adfa38b5cebb07028586f9264b2fd447a0d2bad

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QButtonGroup, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from counter_app.gui.form_widgets import FormErrorLabel

class Ui_ReturnForm(object):
    def setupUi(self, ReturnForm):
        if not ReturnForm.objectName():
            ReturnForm.setObjectName(u"ReturnForm")
        ReturnForm.resize(700, 360)
        self.formLayout = QVBoxLayout(ReturnForm)
        self.formLayout.setObjectName(u"formLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.methodLabel = QLabel(ReturnForm)
        self.methodLabel.setObjectName(u"methodLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methods = QHBoxLayout()
        self.methods.setObjectName(u"methods")
        self.methodCounter = QRadioButton(ReturnForm)
        self.methodGroup = QButtonGroup(ReturnForm)
        self.methodGroup.setObjectName(u"methodGroup")
        self.methodGroup.addButton(self.methodCounter)
        self.methodCounter.setObjectName(u"methodCounter")

        self.methods.addWidget(self.methodCounter)

        self.methodPost = QRadioButton(ReturnForm)
        self.methodGroup.addButton(self.methodPost)
        self.methodPost.setObjectName(u"methodPost")

        self.methods.addWidget(self.methodPost)

        self.afterMethods = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.methods.addItem(self.afterMethods)

        self.methods.setStretch(2, 1)

        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.methods)

        self.recipientLabel = QLabel(ReturnForm)
        self.recipientLabel.setObjectName(u"recipientLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.recipientLabel)

        self.recipients = QHBoxLayout()
        self.recipients.setObjectName(u"recipients")
        self.recipientApplicant = QRadioButton(ReturnForm)
        self.recipientGroup = QButtonGroup(ReturnForm)
        self.recipientGroup.setObjectName(u"recipientGroup")
        self.recipientGroup.addButton(self.recipientApplicant)
        self.recipientApplicant.setObjectName(u"recipientApplicant")

        self.recipients.addWidget(self.recipientApplicant)

        self.recipientAuthorised = QRadioButton(ReturnForm)
        self.recipientGroup.addButton(self.recipientAuthorised)
        self.recipientAuthorised.setObjectName(u"recipientAuthorised")

        self.recipients.addWidget(self.recipientAuthorised)

        self.afterRecipients = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recipients.addItem(self.afterRecipients)

        self.recipients.setStretch(2, 1)

        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.recipients)

        self.nameLabel = QLabel(ReturnForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QWidget(ReturnForm)
        self.nameBox.setObjectName(u"nameBox")
        self.nameBoxLayout = QVBoxLayout(self.nameBox)
        self.nameBoxLayout.setSpacing(2)
        self.nameBoxLayout.setObjectName(u"nameBoxLayout")
        self.nameBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.returnName = QLineEdit(self.nameBox)
        self.returnName.setObjectName(u"returnName")

        self.nameBoxLayout.addWidget(self.returnName)

        self.nameError = FormErrorLabel(self.nameBox)
        self.nameError.setObjectName(u"nameError")

        self.nameBoxLayout.addWidget(self.nameError)


        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.identifierLabel = QLabel(ReturnForm)
        self.identifierLabel.setObjectName(u"identifierLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.identifierLabel)

        self.identifierBox = QWidget(ReturnForm)
        self.identifierBox.setObjectName(u"identifierBox")
        self.identifierBoxLayout = QVBoxLayout(self.identifierBox)
        self.identifierBoxLayout.setSpacing(2)
        self.identifierBoxLayout.setObjectName(u"identifierBoxLayout")
        self.identifierBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.returnIdentifier = QLineEdit(self.identifierBox)
        self.returnIdentifier.setObjectName(u"returnIdentifier")

        self.identifierBoxLayout.addWidget(self.returnIdentifier)

        self.identifierError = FormErrorLabel(self.identifierBox)
        self.identifierError.setObjectName(u"identifierError")

        self.identifierBoxLayout.addWidget(self.identifierError)


        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.identifierBox)

        self.paperLabel = QLabel(ReturnForm)
        self.paperLabel.setObjectName(u"paperLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paperBox = QWidget(ReturnForm)
        self.paperBox.setObjectName(u"paperBox")
        self.paperBoxLayout = QVBoxLayout(self.paperBox)
        self.paperBoxLayout.setSpacing(2)
        self.paperBoxLayout.setObjectName(u"paperBoxLayout")
        self.paperBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.returnPaper = QLineEdit(self.paperBox)
        self.returnPaper.setObjectName(u"returnPaper")

        self.paperBoxLayout.addWidget(self.returnPaper)

        self.paperError = FormErrorLabel(self.paperBox)
        self.paperError.setObjectName(u"paperError")

        self.paperBoxLayout.addWidget(self.paperError)


        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.paperBox)

        self.noteLabel = QLabel(ReturnForm)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.returnNote = QLineEdit(ReturnForm)
        self.returnNote.setObjectName(u"returnNote")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.returnNote)

        self.postHint = QLabel(ReturnForm)
        self.postHint.setObjectName(u"postHint")
        self.postHint.setWordWrap(True)
        self.postHint.setProperty(u"role", u"hint")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.postHint)


        self.formLayout.addLayout(self.form)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.beforeConfirm = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.beforeConfirm)

        self.confirmRecipient = QPushButton(ReturnForm)
        self.confirmRecipient.setObjectName(u"confirmRecipient")
        self.confirmRecipient.setAutoDefault(True)
        self.confirmRecipient.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.confirmRecipient)

        self.buttonRow.setStretch(0, 1)

        self.formLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.methodLabel.setBuddy(self.methodCounter)
        self.recipientLabel.setBuddy(self.recipientApplicant)
        self.nameLabel.setBuddy(self.returnName)
        self.identifierLabel.setBuddy(self.returnIdentifier)
        self.paperLabel.setBuddy(self.returnPaper)
        self.noteLabel.setBuddy(self.returnNote)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.methodCounter, self.methodPost)
        QWidget.setTabOrder(self.methodPost, self.recipientApplicant)
        QWidget.setTabOrder(self.recipientApplicant, self.recipientAuthorised)
        QWidget.setTabOrder(self.recipientAuthorised, self.returnIdentifier)
        QWidget.setTabOrder(self.returnIdentifier, self.returnName)
        QWidget.setTabOrder(self.returnName, self.returnPaper)
        QWidget.setTabOrder(self.returnPaper, self.returnNote)
        QWidget.setTabOrder(self.returnNote, self.confirmRecipient)

        self.retranslateUi(ReturnForm)
    # setupUi

    def retranslateUi(self, ReturnForm):
        ReturnForm.setTitle(QCoreApplication.translate("ReturnForm", u"X\u00e1c minh ng\u01b0\u1eddi nh\u1eadn k\u1ebft qu\u1ea3", None))
        self.methodLabel.setText(QCoreApplication.translate("ReturnForm", u"H\u00ecnh th\u1ee9c:", None))
        self.methodCounter.setText(QCoreApplication.translate("ReturnForm", u"Nh\u1eadn t\u1ea1i qu\u1ea7y", None))
        self.methodPost.setText(QCoreApplication.translate("ReturnForm", u"G\u1eedi qua b\u01b0u ch\u00ednh", None))
        self.recipientLabel.setText(QCoreApplication.translate("ReturnForm", u"Ng\u01b0\u1eddi nh\u1eadn:", None))
        self.recipientApplicant.setText(QCoreApplication.translate("ReturnForm", u"Ch\u00ednh ng\u01b0\u1eddi n\u1ed9p h\u1ed3 s\u01a1", None))
        self.recipientAuthorised.setText(QCoreApplication.translate("ReturnForm", u"Ng\u01b0\u1eddi \u0111\u01b0\u1ee3c \u1ee7y quy\u1ec1n", None))
        self.nameLabel.setText(QCoreApplication.translate("ReturnForm", u"H\u1ecd v\u00e0 t\u00ean:", None))
        self.returnName.setPlaceholderText(QCoreApplication.translate("ReturnForm", u"H\u1ecd v\u00e0 t\u00ean ng\u01b0\u1eddi nh\u1eadn", None))
        self.identifierLabel.setText(QCoreApplication.translate("ReturnForm", u"S\u1ed1 gi\u1ea5y t\u1edd:", None))
        self.returnIdentifier.setPlaceholderText(QCoreApplication.translate("ReturnForm", u"S\u1ed1 tr\u00ean th\u1ebb c\u0103n c\u01b0\u1edbc / CMND / h\u1ed9 chi\u1ebfu c\u1ee7a ng\u01b0\u1eddi nh\u1eadn", None))
        self.paperLabel.setText(QCoreApplication.translate("ReturnForm", u"Gi\u1ea5y \u1ee7y quy\u1ec1n:", None))
        self.returnPaper.setPlaceholderText(QCoreApplication.translate("ReturnForm", u"S\u1ed1, ng\u00e0y c\u1ee7a gi\u1ea5y \u1ee7y quy\u1ec1n", None))
        self.noteLabel.setText(QCoreApplication.translate("ReturnForm", u"Ghi ch\u00fa:", None))
        self.returnNote.setPlaceholderText(QCoreApplication.translate("ReturnForm", u"Kh\u00f4ng b\u1eaft bu\u1ed9c (v\u00ed d\u1ee5 s\u1ed1 hi\u1ec7u b\u01b0u g\u1eedi)", None))
        self.confirmRecipient.setText(QCoreApplication.translate("ReturnForm", u"X\u00e1c nh\u1eadn ng\u01b0\u1eddi nh\u1eadn", None))
    # retranslateUi
