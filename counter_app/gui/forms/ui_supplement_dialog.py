# Generated from ui/supplement_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 7329f672d77c5e4a81db5a87ef0a45bef818e64390f00757758125385a9256c4

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

from counter_app.gui.form_widgets import DialogButtons

class Ui_SupplementDialog(object):
    def setupUi(self, SupplementDialog):
        if not SupplementDialog.objectName():
            SupplementDialog.setObjectName(u"SupplementDialog")
        SupplementDialog.resize(640, 340)
        self.form = QFormLayout(SupplementDialog)
        self.form.setObjectName(u"form")
        self.supplementItemsLabel = QLabel(SupplementDialog)
        self.supplementItemsLabel.setObjectName(u"supplementItemsLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supplementItemsLabel)

        self.supplementItems = QPlainTextEdit(SupplementDialog)
        self.supplementItems.setObjectName(u"supplementItems")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supplementItems)

        self.supplementReasonLabel = QLabel(SupplementDialog)
        self.supplementReasonLabel.setObjectName(u"supplementReasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.supplementReasonLabel)

        self.supplementReason = QLineEdit(SupplementDialog)
        self.supplementReason.setObjectName(u"supplementReason")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.supplementReason)

        self.supplementKeys = QLabel(SupplementDialog)
        self.supplementKeys.setObjectName(u"supplementKeys")
        self.supplementKeys.setWordWrap(True)
        self.supplementKeys.setProperty(u"role", u"hint")

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.supplementKeys)

        self.buttons = DialogButtons(SupplementDialog)
        self.buttons.setObjectName(u"buttons")

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.supplementItemsLabel.setBuddy(self.supplementItems)
        self.supplementReasonLabel.setBuddy(self.supplementReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.supplementItems, self.supplementReason)

        self.retranslateUi(SupplementDialog)
    # setupUi

    def retranslateUi(self, SupplementDialog):
        SupplementDialog.setWindowTitle(QCoreApplication.translate("SupplementDialog", u"Y\u00eau c\u1ea7u b\u1ed5 sung, ho\u00e0n thi\u1ec7n h\u1ed3 s\u01a1", None))
        self.supplementItemsLabel.setText(QCoreApplication.translate("SupplementDialog", u"N\u1ed9i dung c\u1ea7n b\u1ed5 sung:", None))
        self.supplementItems.setPlaceholderText(QCoreApplication.translate("SupplementDialog", u"M\u1ed7i d\u00f2ng m\u1ed9t gi\u1ea5y t\u1edd c\u1ea7n b\u1ed5 sung, ho\u00e0n thi\u1ec7n", None))
        self.supplementReasonLabel.setText(QCoreApplication.translate("SupplementDialog", u"L\u00fd do:", None))
        self.supplementReason.setText(QCoreApplication.translate("SupplementDialog", u"H\u1ed3 s\u01a1 ch\u01b0a \u0111\u1ea7y \u0111\u1ee7 th\u00e0nh ph\u1ea7n theo quy \u0111\u1ecbnh.", None))
        self.supplementKeys.setText(QCoreApplication.translate("SupplementDialog", u"Enter: xu\u1ed1ng d\u00f2ng, m\u1ed7i d\u00f2ng m\u1ed9t m\u1ee5c \u00b7 Ctrl+Enter: ghi nh\u1eadn y\u00eau c\u1ea7u b\u1ed5 sung", None))
        self.buttons.setProperty(u"acceptText", QCoreApplication.translate("SupplementDialog", u"Ghi nh\u1eadn y\u00eau c\u1ea7u b\u1ed5 sung", None))
        self.buttons.setProperty(u"rejectText", QCoreApplication.translate("SupplementDialog", u"Quay l\u1ea1i", None))
    # retranslateUi
