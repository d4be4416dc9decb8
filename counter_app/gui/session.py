"""What every window and panel receives: the store, the task runner, the device settings and the signed-in officer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..core.model import UnitConfig
from ..core.roles import Account, Operation, may
from ..settings import CounterSettings
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..storage.store import CounterStore


@dataclass
class Session:
    """One officer's working session at the counter (replaced on every sign-in)."""

    store: CounterStore
    runner: TaskRunner
    settings: CounterSettings
    account: Account
    unit: UnitConfig | None
    lang: str = "vi"

    @property
    def officer(self) -> str:
        """Username recorded on every action (history events, outbox)."""
        return self.account.username

    def may(self, operation: Operation) -> bool:
        """Whether the signed-in account may do `operation` (the core's role rules)."""
        return may(self.account, operation)

    @property
    def draft_key(self) -> str:
        return f"intake:{self.account.username}"


@dataclass
class PanelEntry:
    """A panel as the main window shows it: a stack page, a title, an optional shortcut, a menu of actions."""

    key: str
    widget: QWidget
    title: str
    shortcut: str = ""
    actions: list[QAction] = field(default_factory=list)
