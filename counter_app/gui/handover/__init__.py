"""The result hand-over feature: the screen where a citizen's result is found, verified, returned and rated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..session import Session
from .panel import PANEL_KEY, HandoverPanel, create_panel

if TYPE_CHECKING:
    from ..main_window import MainWindow


def install(window: MainWindow, session: Session) -> None:
    """Add the hand-over panel to `window` (menu entry and shortcut F6); reach it as `window.panel(PANEL_KEY)`.

    The main window already loads this panel through `create_panel` when `handover.panel` is among its
    `PANEL_MODULES`; call `install` only for a window built without it.
    """
    entry = create_panel(session, window.stack)
    window.add_panel(entry.key, entry.widget, entry.title, entry.shortcut, entry.actions)


__all__ = ["PANEL_KEY", "HandoverPanel", "create_panel", "install"]
