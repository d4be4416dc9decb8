"""The embedded demo profile: a sample ward, its counter, officers and the sample catalogue (no server needed).

The demo lives only in a folder of its own: its published passwords must never reach a real profile, so filling
refuses a database that holds another unit or accounts (`DemoRefusedError`), checked read-only before opening.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..core.errors import DomainError
from ..core.model import UnitConfig
from .accounts import Role
from .catalogue_files import load_seed_catalogue
from .integrity import check_profile_database, read_only
from .store import CLI_ADMIN_SETTING, DB_NAME, CounterStore

DEMO_UNIT = UnitConfig(
    agency_id="000.00.06.H56",
    agency_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU",
    parent_body="UBND PHƯỜNG MẪU",
    place="Phường Mẫu",
    counter=1,
    phone="0243 8123 456",
    email="motcua@phuongmau.gov.vn",
)
#: (username, full name, role, password) — shown on the demo sign-in screen.
DEMO_ACCOUNTS = (
    ("canbo", "Nguyễn Thị Lan", Role.OFFICER, "motcua2026"),
    ("xuly", "Trần Văn Đức", Role.PROCESSOR, "motcua2026"),
    ("lanhdao", "Lê Hoàng Phương", Role.LEADER, "motcua2026"),
    ("quantri", "Phạm Minh Quân", Role.ADMIN, "motcua2026"),
)
DEMO_UNITS = (
    ("Công chức Tư pháp - Hộ tịch", "department"),
    ("Công chức Văn hóa - Xã hội", "department"),
    ("Công chức Địa chính - Xây dựng", "department"),
    ("Phòng Kinh tế", "department"),
    ("Công an phường", "agency"),
    ("Chi nhánh Văn phòng đăng ký đất đai", "agency"),
)


#: `unit_setting` key marking a database made as the demo profile.
DEMO_MARK_KEY = "demo_profile"


class DemoRefusedError(DomainError):
    """The folder holds a configured profile that is not the demo; the demo is not merged into it (params: path)."""

    code = "demo.real_profile"


def _is_demo(unit: UnitConfig | None, marked: bool, has_accounts: bool) -> bool:
    """A new database, or one made as the demo (marked, or from a release before the mark: the demo unit itself)."""
    if marked or unit == DEMO_UNIT:
        return True
    return unit is None and not has_accounts


def refuse_real_profile(data_dir: Path) -> None:
    """Raise `DemoRefusedError` when `data_dir` holds a configured profile other than the demo (read-only check)."""
    path = Path(data_dir) / DB_NAME
    check_profile_database(path)
    if not path.exists():
        return
    try:
        with read_only(path) as con:
            row = con.execute(
                "SELECT agency_id, agency_name, parent_body, place, counter, phone, email FROM unit_config"
            ).fetchone()
            accounts = con.execute("SELECT count(*) FROM account").fetchone()[0]
            mark = con.execute("SELECT value FROM unit_setting WHERE key = ?", (DEMO_MARK_KEY,)).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return  # a database the migrations have not reached yet holds nothing
        raise
    if not _is_demo(UnitConfig(*row) if row else None, mark is not None, bool(accounts)):
        raise DemoRefusedError(path=str(Path(data_dir)))


def ensure_demo_profile(store: CounterStore) -> None:
    """Idempotently fill an empty store with the demo unit, officers, processing units and catalogue.

    Raises `DemoRefusedError`, changing nothing, when the store is a configured profile other than the demo.
    """
    marked = bool(store.setting(DEMO_MARK_KEY))
    if not _is_demo(store.unit(), marked, bool(store.accounts.list())):
        raise DemoRefusedError(path=str(store.data_dir))
    if not marked:
        store.set_setting(DEMO_MARK_KEY, "1")
    if store.unit() is None:
        store.set_unit(DEMO_UNIT)
    if store.catalogue_is_empty():
        store.replace_catalogue(load_seed_catalogue())
    existing = {a.username for a in store.accounts.list()}
    for username, full_name, role, password in DEMO_ACCOUNTS:
        if username not in existing:
            store.accounts.create(username, full_name, role, password)
    if not store.setting(CLI_ADMIN_SETTING):
        store.set_setting(CLI_ADMIN_SETTING, "quantri")  # the command line acts as the demo administrator
    if not store.processing_units():
        store.set_processing_units(DEMO_UNITS)
