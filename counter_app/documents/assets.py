"""The embedded Liberation Serif faces, found among the shipped fonts and registered once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import shipped

FAMILY = "LiberationSerif"
_FACES = {
    "regular": ("LiberationSerif", "LiberationSerif-Regular.ttf"),
    "bold": ("LiberationSerif-Bold", "LiberationSerif-Bold.ttf"),
    "italic": ("LiberationSerif-Italic", "LiberationSerif-Italic.ttf"),
    "bold_italic": ("LiberationSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
}


@dataclass(frozen=True)
class Fonts:
    """Registered font names of one family (TrueType, embedded and subsetted in every PDF)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@cache
def fonts() -> Fonts:
    """Register Liberation Serif with reportlab (first call only) and return the face names."""
    for name, filename in _FACES.values():
        path = shipped.fonts() / filename
        if not path.is_file():
            raise FileNotFoundError(path)
        pdfmetrics.registerFont(TTFont(name, str(path)))
    names = Fonts(*(name for name, _ in _FACES.values()))
    # <b>/<i> markup inside paragraphs picks the matching face.
    pdfmetrics.registerFontFamily(
        names.regular,
        normal=names.regular,
        bold=names.bold,
        italic=names.italic,
        boldItalic=names.bold_italic,
    )
    return names
