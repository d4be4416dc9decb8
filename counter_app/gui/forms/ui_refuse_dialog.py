# Generated from ui/refuse_dialog.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 4550a6e7757de58a2d90912cbcc049ef565e0224ee0b5e625d7389778b431a28

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QWidget)

from counter_app.gui.form_widgets import DialogButtons

class Ui_RefuseDialog(object):
    def setupUi(self, RefuseDialog):
        if not RefuseDialog.objectName():
            RefuseDialog.setObjectName(u"RefuseDialog")
        RefuseDialog.resize(560, 360)
        self.form = QFormLayout(RefuseDialog)
        self.form.setObjectName(u"form")
        self.refuseNeeds = QLabel(RefuseDialog)
        self.refuseNeeds.setObjectName(u"refuseNeeds")
        self.refuseNeeds.setWordWrap(True)
        self.refuseNeeds.setProperty(u"role", u"hint")

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.refuseNeeds)

        self.refuseApplicantLabel = QLabel(RefuseDialog)
        self.refuseApplicantLabel.setObjectName(u"refuseApplicantLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.refuseApplicantLabel)

        self.refuseApplicant = QLineEdit(RefuseDialog)
        self.refuseApplicant.setObjectName(u"refuseApplicant")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.refuseApplicant)

        self.commonReasonsLabel = QLabel(RefuseDialog)
        self.commonReasonsLabel.setObjectName(u"commonReasonsLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.commonReasonsLabel)

        self.commonReasons = QComboBox(RefuseDialog)
        self.commonReasons.addItem("")
        self.commonReasons.addItem("")
        self.commonReasons.addItem("")
        self.commonReasons.addItem("")
        self.commonReasons.addItem("")
        self.commonReasons.setObjectName(u"commonReasons")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.commonReasons)

        self.refuseReasonLabel = QLabel(RefuseDialog)
        self.refuseReasonLabel.setObjectName(u"refuseReasonLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.refuseReasonLabel)

        self.refuseReason = QPlainTextEdit(RefuseDialog)
        self.refuseReason.setObjectName(u"refuseReason")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.refuseReason)

        self.buttons = DialogButtons(RefuseDialog)
        self.buttons.setObjectName(u"buttons")

        self.form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.refuseApplicantLabel.setBuddy(self.refuseApplicant)
        self.commonReasonsLabel.setBuddy(self.commonReasons)
        self.refuseReasonLabel.setBuddy(self.refuseReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.refuseApplicant, self.commonReasons)
        QWidget.setTabOrder(self.commonReasons, self.refuseReason)

        self.retranslateUi(RefuseDialog)
    # setupUi

    def retranslateUi(self, RefuseDialog):
        RefuseDialog.setWindowTitle(QCoreApplication.translate("RefuseDialog", u"T\u1eeb ch\u1ed1i ti\u1ebfp nh\u1eadn h\u1ed3 s\u01a1", None))
        self.refuseNeeds.setText(QCoreApplication.translate("RefuseDialog", u"Phi\u1ebfu t\u1eeb ch\u1ed1i (m\u1eabu 03) c\u1ea7n h\u1ecd t\u00ean ng\u01b0\u1eddi n\u1ed9p v\u00e0 l\u00fd do t\u1eeb ch\u1ed1i c\u1ee5 th\u1ec3. S\u1ed1 gi\u1ea5y t\u1edd, \u0111\u1ecba ch\u1ec9, \u0111i\u1ec7n tho\u1ea1i, email \u0111\u01b0\u1ee3c ghi tr\u00ean phi\u1ebfu n\u1ebfu \u0111\u00e3 nh\u1eadp, kh\u00f4ng b\u1eaft bu\u1ed9c.", None))
        self.refuseApplicantLabel.setText(QCoreApplication.translate("RefuseDialog", u"Ng\u01b0\u1eddi n\u1ed9p:", None))
        self.refuseApplicant.setPlaceholderText(QCoreApplication.translate("RefuseDialog", u"H\u1ecd t\u00ean ng\u01b0\u1eddi n\u1ed9p (b\u1eaft bu\u1ed9c, in tr\u00ean phi\u1ebfu 03)", None))
        self.commonReasonsLabel.setText(QCoreApplication.translate("RefuseDialog", u"L\u00fd do th\u01b0\u1eddng g\u1eb7p:", None))
        self.commonReasons.setItemText(0, QCoreApplication.translate("RefuseDialog", u"\u2014 Ch\u1ecdn l\u00fd do th\u01b0\u1eddng g\u1eb7p \u2014", None))
        self.commonReasons.setItemText(1, QCoreApplication.translate("RefuseDialog", u"Th\u1ee7 t\u1ee5c kh\u00f4ng thu\u1ed9c th\u1ea9m quy\u1ec1n gi\u1ea3i quy\u1ebft c\u1ee7a \u0111\u01a1n v\u1ecb.", None))
        self.commonReasons.setItemText(2, QCoreApplication.translate("RefuseDialog", u"Ng\u01b0\u1eddi n\u1ed9p kh\u00f4ng c\u00f3 quy\u1ec1n y\u00eau c\u1ea7u th\u1ef1c hi\u1ec7n th\u1ee7 t\u1ee5c n\u00e0y.", None))
        self.commonReasons.setItemText(3, QCoreApplication.translate("RefuseDialog", u"H\u1ed3 s\u01a1 c\u00f3 d\u1ea5u hi\u1ec7u gi\u1ea3 m\u1ea1o gi\u1ea5y t\u1edd.", None))
        self.commonReasons.setItemText(4, QCoreApplication.translate("RefuseDialog", u"Y\u00eau c\u1ea7u \u0111\u00e3 \u0111\u01b0\u1ee3c gi\u1ea3i quy\u1ebft tr\u01b0\u1edbc \u0111\u00f3.", None))

        self.refuseReasonLabel.setText(QCoreApplication.translate("RefuseDialog", u"L\u00fd do t\u1eeb ch\u1ed1i:", None))
        self.refuseReason.setPlaceholderText(QCoreApplication.translate("RefuseDialog", u"L\u00fd do t\u1eeb ch\u1ed1i c\u1ee5 th\u1ec3 (b\u1eaft bu\u1ed9c, in tr\u00ean phi\u1ebfu 03)", None))
        self.buttons.setProperty(u"acceptText", QCoreApplication.translate("RefuseDialog", u"T\u1eeb ch\u1ed1i h\u1ed3 s\u01a1", None))
        self.buttons.setProperty(u"rejectText", QCoreApplication.translate("RefuseDialog", u"Quay l\u1ea1i", None))
    # retranslateUi
