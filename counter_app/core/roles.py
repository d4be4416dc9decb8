"""Who may do what: the four roles of a counter's accounts and the operations each may perform.

The window, the command line and any other caller ask the same rules (`may`, `require`), so a processing
officer cannot receive a dossier from the command line any more than from the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .errors import DomainError


class Role(str, Enum):
    OFFICER = "officer"  # receiving officer at the counter
    PROCESSOR = "processor"  # processing officer: moves dossiers on, no intake
    LEADER = "leader"  # watches progress and figures
    ADMIN = "admin"  # manages the unit, accounts and catalogue


@dataclass(frozen=True)
class Account:
    """An officer's account as every layer sees it (never with its password hash)."""

    username: str
    full_name: str
    role: Role
    active: bool = True


class Operation(str, Enum):
    """What an account asks to do."""

    RECEIVE = "receive"  # intake: receive, request a supplement, refuse
    MOVE = "move"  # move a dossier along its path (transfer, processing, result ready, apology, stop)
    HAND_OVER = "hand_over"  # return the result to the citizen, record the rating
    VIEW = "view"  # look dossiers up, lists, the dossier page, sync status
    PRINT = "print"  # print or save a form, the tracking book
    REPORT = "report"  # the leaders' figures and dashboard
    CATALOGUE = "catalogue"  # import or change the procedure catalogue
    CONFIGURE = "configure"  # unit, settings, accounts, joining a server, retrying parked changes
    BACKUP = "backup"  # backup, restore, encryption, exporting the outbox
    AUDIT = "audit"  # read and check the audit trail


_ALL = frozenset(Role)
ALLOWED: dict[Operation, frozenset[Role]] = {
    Operation.RECEIVE: frozenset({Role.OFFICER, Role.LEADER, Role.ADMIN}),
    Operation.MOVE: frozenset({Role.OFFICER, Role.PROCESSOR, Role.ADMIN}),
    Operation.HAND_OVER: frozenset({Role.OFFICER, Role.LEADER, Role.ADMIN}),
    Operation.VIEW: _ALL,
    Operation.PRINT: _ALL,
    Operation.REPORT: frozenset({Role.LEADER, Role.ADMIN}),
    Operation.CATALOGUE: frozenset({Role.ADMIN}),
    Operation.CONFIGURE: frozenset({Role.ADMIN}),
    Operation.BACKUP: frozenset({Role.ADMIN}),
    Operation.AUDIT: frozenset({Role.LEADER, Role.ADMIN}),
}


#: Longest account name.
USERNAME_MAX = 64


def is_username(text: str) -> bool:
    """The shape of an account name: lower-case letters (Vietnamese included), digits, `.` and `_`."""
    return (
        0 < len(text) <= USERNAME_MAX
        and text == text.lower()
        and text.replace(".", "").replace("_", "").isalnum()
    )


class PermissionDenied(DomainError):
    """The account's role may not do the operation, or the account is inactive (params: user, role, operation)."""

    code = "role.forbidden"


def may(account: Account, operation: Operation) -> bool:
    return account.active and account.role in ALLOWED[operation]


def require(account: Account, operation: Operation) -> Account:
    """The account, if it may do `operation`; else `PermissionDenied`."""
    if not account.active:
        raise PermissionDenied("account.inactive", user=account.username)
    if account.role not in ALLOWED[operation]:
        raise PermissionDenied(user=account.username, role=account.role.value, operation=operation.value)
    return account
