# Generated from ui/wizard_unit_page.ui by `make forms` (pyside6-uic): do not edit by hand.
# Edit the form in Qt Designer and run `make forms` again (ui/README.md).
# Source SHA-256: 1967e9826827bdd957b17526270f3949caf9c8971ad44bc670b88cc8bd53fd49

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QSizePolicy, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_UnitPage(object):
    def setupUi(self, unitPage):
        if not unitPage.objectName():
            unitPage.setObjectName(u"unitPage")
        unitPage.resize(700, 480)
        self.pageLayout = QVBoxLayout(unitPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.unitFormSlot = QWidget(unitPage)
        self.unitFormSlot.setObjectName(u"unitFormSlot")

        self.pageLayout.addWidget(self.unitFormSlot)

        self.seedCatalogue = QCheckBox(unitPage)
        self.seedCatalogue.setObjectName(u"seedCatalogue")
        self.seedCatalogue.setChecked(True)

        self.pageLayout.addWidget(self.seedCatalogue)


        self.retranslateUi(unitPage)
    # setupUi

    def retranslateUi(self, unitPage):
        unitPage.setTitle(QCoreApplication.translate("UnitPage", u"Th\u00f4ng tin \u0111\u01a1n v\u1ecb", None))
        unitPage.setSubTitle(QCoreApplication.translate("UnitPage", u"Nh\u1eefng th\u00f4ng tin n\u00e0y \u0111\u01b0\u1ee3c in tr\u00ean gi\u1ea5y ti\u1ebfp nh\u1eadn v\u00e0 trong m\u00e3 h\u1ed3 s\u01a1. C\u00f3 th\u1ec3 s\u1eeda l\u1ea1i trong C\u00e0i \u0111\u1eb7t.", None))
        self.seedCatalogue.setText(QCoreApplication.translate("UnitPage", u"N\u1ea1p danh m\u1ee5c th\u1ee7 t\u1ee5c m\u1eabu (c\u1ea5p x\u00e3) \u0111\u1ec3 b\u1eaft \u0111\u1ea7u ngay", None))
    # retranslateUi
