"""The embedded demo profile: a sample ward, its counter, officers and the sample catalogue (no server needed)."""

from __future__ import annotations

from ..core.model import UnitConfig
from .accounts import Role
from .catalogue_files import load_seed_catalogue
from .store import CounterStore

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


def ensure_demo_profile(store: CounterStore) -> None:
    """Idempotently fill an empty store with the demo unit, officers, processing units and catalogue."""
    if store.unit() is None:
        store.set_unit(DEMO_UNIT)
    if store.catalogue_is_empty():
        store.replace_catalogue(load_seed_catalogue())
    existing = {a.username for a in store.accounts.list()}
    for username, full_name, role, password in DEMO_ACCOUNTS:
        if username not in existing:
            store.accounts.create(username, full_name, role, password)
    if not store.processing_units():
        store.set_processing_units(DEMO_UNITS)
