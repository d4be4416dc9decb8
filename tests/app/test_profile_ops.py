"""Opening and setting up a profile through the application layer, as the window does it."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.app import CounterApp, profile
from counter_app.core.model import UnitConfig
from counter_app.core.roles import PermissionDenied, Role

UNIT = UnitConfig("G12.18.112", "UBND XÃ AN BÌNH", "UBND HUYỆN", "An Bình", 3)
FIRST = profile.FirstRun(UNIT, "07:00-11:30,13:30-17:00", "admin", "Đỗ Thị Hoa", "mat-khau-dai-du")


def test_set_up_configures_a_new_profile_in_one_write_and_only_once(data_dir: Path) -> None:
    app = CounterApp.open(data_dir)
    try:
        assert profile.first_look(app, None).needs_set_up
        done = profile.set_up(app, None, FIRST)
        assert done.value is not None and done.value.role is Role.ADMIN
        assert {s.value for s in done.changes.scopes} == {"accounts", "unit", "settings", "catalogue"}
        look = profile.first_look(app, None)
        assert look.unit == UNIT and not look.needs_set_up
        assert not app.store.catalogue_is_empty()
        with pytest.raises(PermissionDenied):  # a configured profile is never set up again without an account
            profile.set_up(app, None, FIRST)
    finally:
        app.close()


def test_open_profile_fills_the_demo_and_reports_what_the_sign_in_needs(data_dir: Path) -> None:
    app = profile.open_profile(data_dir, demo=True)
    try:
        look = profile.first_look(app, None)
        assert look.unit is not None and not look.needs_set_up
        assert {a[0] for a in profile.demo_accounts()} == {"canbo", "xuly", "lanhdao", "quantri"}
    finally:
        app.close()
