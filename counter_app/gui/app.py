"""QApplication set-up: identity, the bundled fonts with Vietnamese coverage, the readable default font, translators."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from .. import shipped

APP_NAME = "Quầy Một cửa"
ORGANISATION = "quay-mot-cua"
#: Family used for the whole interface (shipped in resources/fonts with its licence).
UI_FAMILY = "Liberation Sans"
UI_POINT_SIZE = 10


def translations_dir() -> Path:
    return shipped.translations()


def icon_path(name: str) -> Path:
    return shipped.icons() / name


def ensure_application(argv: Sequence[str] | None = None) -> QApplication:
    """The process's QApplication, created once with the app's identity, icon and font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_NAME)
    icon = icon_path("app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_font(app)
    return app


def register_fonts() -> list[str]:
    """Register every bundled TrueType font; returns the families now available from them."""
    families: list[str] = []
    for path in sorted(shipped.fonts().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def apply_font(app: QApplication) -> None:
    """Use Liberation Sans 10 pt (full Vietnamese coverage) for the interface when it can be loaded."""
    families = QFontDatabase.families()
    if UI_FAMILY not in families:
        families = register_fonts() + list(families)
    font = QFont(UI_FAMILY if UI_FAMILY in families else app.font().family())
    font.setPointSize(UI_POINT_SIZE)
    app.setFont(font)


def install_translators(app: QCoreApplication, lang: str, directory: Path | None = None) -> list[QTranslator]:
    """Load the app's English catalogue when `lang` is "en" (Vietnamese is the source text), Qt's own for "vi".

    `directory` holds the compiled .qm files (default resources/translations). Returns the translators
    installed (children of the application; `remove_translators` takes them out again).
    """
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        ours = QTranslator(app)
        if ours.load(str((directory or translations_dir()) / "counter_app_en.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(QLocale.Language.Vietnamese), "qtbase", "_", qt_dir):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    return installed


def remove_translators(app: QCoreApplication, translators: Sequence[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
