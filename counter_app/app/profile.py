"""The counter's profile as a whole: opening it (the demo filled when asked), setting up a new one.

`open_profile` is what the window runs on a worker at start-up; `set_up` is the first-run wizard's one write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.audit import AuditKind
from ..core.model import UnitConfig
from ..core.roles import Account, Operation, PermissionDenied, Role
from ..storage.catalogue_files import load_seed_catalogue
from ..storage.demo import DEMO_ACCOUNTS, DemoRefusedError, ensure_demo_profile, refuse_real_profile
from .backup import damage_behind
from .base import Changes, CounterApp, Done, Scope, read_op, write_op

__all__ = [
    "DemoRefusedError",
    "FirstLook",
    "FirstRun",
    "demo_accounts",
    "first_look",
    "open_profile",
    "refuse_demo_over_real",
    "set_up",
]


def refuse_demo_over_real(data_dir: Path) -> None:
    """Raise `DemoRefusedError` when `data_dir` holds a configured profile other than the demo (read only)."""
    refuse_real_profile(Path(data_dir))


def demo_accounts() -> list[tuple[str, str, Role, str]]:
    """The demo profile's (username, full name, role, password): published, shown on its sign-in screen."""
    return list(DEMO_ACCOUNTS)


def open_profile(
    data_dir: Path, *, demo: bool = False, clock: Callable[[], datetime] = datetime.now
) -> CounterApp:
    """Open (and migrate) the profile, fill the demo when asked, and read what the sign-in shows first, so that
    damage inside a row is reported here (`DatabaseDamagedError`) and not in the window. Blocking: run it on a
    worker."""
    app = CounterApp.open(Path(data_dir), clock)
    try:
        if demo:
            ensure_demo_profile(app.store)
        app.store.unit()
        app.store.accounts.any_admin()
    except Exception as exc:
        app.close()
        damage = damage_behind(exc, app.data_dir)
        if damage is None:
            raise
        raise damage from exc
    return app


@dataclass(frozen=True)
class FirstLook:
    """What the window needs to know of a profile just opened: its unit, and whether the wizard must run."""

    unit: UnitConfig | None
    needs_set_up: bool


@read_op(None)
def first_look(app: CounterApp, account: None) -> FirstLook:
    """A profile without its unit or without an administrator opens on the first-run wizard."""
    unit = app.store.unit()
    return FirstLook(unit, unit is None or not app.store.accounts.any_admin())


@dataclass(frozen=True)
class FirstRun:
    """What the first-run wizard collects: the unit, its office hours, the administrator, the sample catalogue."""

    unit: UnitConfig
    office_hours: str
    username: str
    full_name: str
    password: str
    sample_catalogue: bool = True


@write_op(None)
def set_up(app: CounterApp, account: None, first: FirstRun) -> Done[Account | None]:
    """Configure a new profile in one write: the first administrator (unless one exists), the unit, its office
    hours and, when asked and the catalogue is empty, the sample catalogue. Refused on a configured profile."""
    store = app.store
    has_admin = store.accounts.any_admin()
    if has_admin and store.unit() is not None:
        raise PermissionDenied(user=first.username, role="", operation=Operation.CONFIGURE.value)
    admin = None
    if not has_admin:
        admin = store.accounts.create(first.username, first.full_name, Role.ADMIN, first.password)
    actor = admin.username if admin is not None else first.username
    store.set_unit(first.unit)
    store.set_setting("office_hours", first.office_hours)
    store.audit.record(
        AuditKind.UNIT_CHANGE.value,
        actor,
        details={"agency_id": first.unit.agency_id, "counter": first.unit.counter},
    )
    scopes = [Scope.ACCOUNTS, Scope.UNIT, Scope.SETTINGS]
    if first.sample_catalogue and store.catalogue_is_empty():
        store.replace_catalogue(load_seed_catalogue())
        scopes.append(Scope.CATALOGUE)
    return Done(admin, Changes.of(*scopes))
