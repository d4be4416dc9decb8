"""What every window and panel receives: the application, the task runner, the device settings and the signed-in officer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..app.base import CounterApp, Op
from ..core.model import UnitConfig
from ..core.roles import Account, Operation, may
from ..settings import CounterSettings
from .tasks import TaskRunner


@dataclass
class Session:
    """One officer's working session at the counter (replaced on every sign-in).

    Panels reach the data only through application operations: `submit(op, *args)` runs
    `runner.submit(op, app, account, *args)`, a read on the pool and a write on the single writer.
    """

    app: CounterApp
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

    def submit(
        self,
        op: Op[Any],
        *args: Any,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[Any], object] | None = None,
        **kwargs: Any,
    ) -> int:
        """Run an application operation as the signed-in account, off the GUI thread."""
        return self.runner.submit(
            op, self.app, self.account, *args, on_done=on_done, on_error=on_error, **kwargs
        )

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
