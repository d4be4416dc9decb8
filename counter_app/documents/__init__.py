"""The printed forms of Circular 03/2025 (01–07) as PDF, and the tracking book as XLSX."""

from .book import render_tracking_book, write_tracking_book_xlsx
from .forms import FormKind, render_form
from .layout import Paper

__all__ = ["FormKind", "Paper", "render_form", "render_tracking_book", "write_tracking_book_xlsx"]
