"""Accounts: signing in and out, unlocking the window, and the administrator's account management."""

from __future__ import annotations

from ..core.roles import Account, Operation, Role
from .base import Changes, CounterApp, Done, Scope, read_op, write_op


@write_op(None)
def sign_in(app: CounterApp, account: None, username: str, password: str) -> Done[Account]:
    """The account for these credentials (`SignInRefused` otherwise); every attempt is in the audit trail."""
    return Done(app.store.accounts.sign_in(username, password), Changes.of(Scope.AUDIT))


@write_op(None)
def unlock(app: CounterApp, account: Account, username: str, password: str) -> Done[Account]:
    """Open the locked window of `account` with its own or an administrator's password."""
    return Done(app.store.accounts.unlock(account.username, username, password), Changes.of(Scope.AUDIT))


@write_op(None)
def sign_out(app: CounterApp, account: Account) -> Done[None]:
    app.store.accounts.sign_out(account.username)
    return Done(None, Changes.of(Scope.AUDIT))


@read_op(None)
def find(app: CounterApp, account: None, username: str) -> Account:
    """An account by name (`NotFoundError`); the command line resolves who it acts as with this."""
    return app.store.accounts.get(username)


#: The unit setting naming the administrator `counter-app setup` created: the command line acts as it.
CLI_ADMIN_SETTING = "cli_admin_account"


@read_op(None)
def cli_default(app: CounterApp, account: None, fallback: str) -> str:
    """The account the command line acts as when none is named: the administrator `setup` created, or, on a
    profile set up before that existed (an upgrade), its first active administrator."""
    named = app.store.setting(CLI_ADMIN_SETTING, "")
    if named:
        return named
    admins = [a.username for a in app.store.accounts.list() if a.role is Role.ADMIN and a.active]
    return admins[0] if admins else fallback


@write_op(Operation.CONFIGURE)
def set_cli_default(app: CounterApp, account: Account, username: str) -> Done[None]:
    app.store.set_setting(CLI_ADMIN_SETTING, username)
    return Done(None, Changes.of(Scope.SETTINGS))


@read_op(None)
def any_admin(app: CounterApp, account: None) -> bool:
    return app.store.accounts.any_admin()


@read_op(Operation.VIEW)
def names(app: CounterApp, account: Account) -> dict[str, str]:
    """User name → full name, for history lines and forms."""
    return app.store.accounts.names()


@read_op(Operation.CONFIGURE)
def list_accounts(app: CounterApp, account: Account) -> list[Account]:
    return app.store.accounts.list()


@write_op(Operation.CONFIGURE)
def create(
    app: CounterApp, account: Account, username: str, full_name: str, role: Role, password: str
) -> Done[Account]:
    made = app.store.accounts.create(username, full_name, role, password, by=account.username)
    return Done(made, Changes.of(Scope.ACCOUNTS))


@write_op(None)
def create_first_admin(
    app: CounterApp, account: None, username: str, full_name: str, password: str
) -> Done[Account]:
    """The first administrator of a new profile (first-run wizard, `counter-app setup`); refused once one exists."""
    from ..core.roles import PermissionDenied

    if app.store.accounts.any_admin():
        raise PermissionDenied(user=username, role="", operation=Operation.CONFIGURE.value)
    made = app.store.accounts.create(username, full_name, Role.ADMIN, password, by=username)
    return Done(made, Changes.of(Scope.ACCOUNTS))


@write_op(Operation.CONFIGURE)
def set_active(app: CounterApp, account: Account, username: str, active: bool) -> Done[None]:
    app.store.accounts.set_active(username, active, by=account.username)
    return Done(None, Changes.of(Scope.ACCOUNTS))


@write_op(Operation.CONFIGURE)
def set_role(app: CounterApp, account: Account, username: str, role: Role) -> Done[None]:
    app.store.accounts.set_role(username, role, by=account.username)
    return Done(None, Changes.of(Scope.ACCOUNTS))


@write_op(Operation.CONFIGURE)
def set_password(app: CounterApp, account: Account, username: str, password: str) -> Done[None]:
    app.store.accounts.set_password(username, password, by=account.username)
    return Done(None, Changes.of(Scope.ACCOUNTS))
