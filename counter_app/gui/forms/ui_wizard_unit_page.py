# Generated from ui/wizard_unit_page.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: fa9098f776edb5603b731ee0d7546657a00ccf692e03b223d4fb80d85f578cb7

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QLabel, QSizePolicy,
    QVBoxLayout, QWidget, QWizardPage)

class Ui_UnitPage(object):
    def setupUi(self, UnitPage):
        if not UnitPage.objectName():
            UnitPage.setObjectName(u"UnitPage")
        UnitPage.resize(700, 480)
        self.pageLayout = QVBoxLayout(UnitPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.unitFormSlot = QLabel(UnitPage)
        self.unitFormSlot.setObjectName(u"unitFormSlot")
        self.unitFormSlot.setText(u"[UnitForm \u2014 c\u00e1c \u00f4 th\u00f4ng tin \u0111\u01a1n v\u1ecb, d\u1ef1ng trong m\u00e3: counter_app/gui/unit_form.py]")
        self.unitFormSlot.setWordWrap(True)
        self.unitFormSlot.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.unitFormSlot)

        self.seedCatalogue = QCheckBox(UnitPage)
        self.seedCatalogue.setObjectName(u"seedCatalogue")
        self.seedCatalogue.setChecked(True)

        self.pageLayout.addWidget(self.seedCatalogue)


        self.retranslateUi(UnitPage)
    # setupUi

    def retranslateUi(self, UnitPage):
        UnitPage.setTitle(QCoreApplication.translate("UnitPage", u"Th\u00f4ng tin \u0111\u01a1n v\u1ecb", None))
        UnitPage.setSubTitle(QCoreApplication.translate("UnitPage", u"Nh\u1eefng th\u00f4ng tin n\u00e0y \u0111\u01b0\u1ee3c in tr\u00ean gi\u1ea5y ti\u1ebfp nh\u1eadn v\u00e0 trong m\u00e3 h\u1ed3 s\u01a1. C\u00f3 th\u1ec3 s\u1eeda l\u1ea1i trong C\u00e0i \u0111\u1eb7t.", None))
        self.seedCatalogue.setText(QCoreApplication.translate("UnitPage", u"N\u1ea1p danh m\u1ee5c th\u1ee7 t\u1ee5c m\u1eabu (c\u1ea5p x\u00e3) \u0111\u1ec3 b\u1eaft \u0111\u1ea7u ngay", None))
    # retranslateUi
