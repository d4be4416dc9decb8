"""Where shipped resources live, and the embedded Liberation Serif faces registered once per process."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import counter_app

FAMILY = "LiberationSerif"
_FACES = {
    "regular": ("LiberationSerif", "LiberationSerif-Regular.ttf"),
    "bold": ("LiberationSerif-Bold", "LiberationSerif-Bold.ttf"),
    "italic": ("LiberationSerif-Italic", "LiberationSerif-Italic.ttf"),
    "bold_italic": ("LiberationSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
}


def resource_root() -> Path:
    """The folder holding `resources/`: the PyInstaller bundle when frozen, else the repository root."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(counter_app.__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. `resource_path("fonts", "LiberationSerif-Regular.ttf")`."""
    return resource_root().joinpath("resources", *parts)


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
        path = resource_path("fonts", filename)
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
