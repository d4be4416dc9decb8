"""Helpers for the sync tests: counters of one agency with their own stores, fast intake, and the end-state check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Dossier, Person, Procedure, UnitConfig
from counter_app.core.roles import Role
from counter_app.server.admin import add_counter
from counter_app.storage.store import CounterStore
from counter_app.sync.enrol import join_server

AGENCY = "000.00.06.H56"
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", duration=3)
DAY = datetime(2026, 11, 23, 8, 0)


class Counters:
    """Counters of one agency, each with its own data folder, enrolled on the server and joined to `url`."""

    def __init__(self, root: Path, admin: SimpleNamespace) -> None:
        self.root = root
        self.admin = admin
        self.stores: dict[int, CounterStore] = {}
        self.tokens: dict[int, str] = {}

    def new(self, number: int, url: str, agency_id: str = AGENCY) -> CounterStore:
        store = CounterStore(self.root / f"counter-{number:02d}")
        store.set_unit(
            UnitConfig(
                agency_id,
                "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU",
                "UBND PHƯỜNG MẪU",
                "Phường Mẫu",
                number,
            )
        )
        store.replace_catalogue([PROCEDURE])
        # the accounts the changes are made by: the CLI acts as "admin", intake as "canbo"
        store.accounts.create("admin", "Quản trị quầy", Role.ADMIN, "quan-tri-phuong-mau", by="admin")
        store.accounts.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, "so-ho-tich-2026", by="admin")
        self.tokens[number] = add_counter(self.admin, agency_id, number)
        join_server(store, url, self.tokens[number])
        self.stores[number] = store
        return store

    def close(self) -> None:
        for store in self.stores.values():
            store.close()


def receive_one(store: CounterStore, name: str = "Nguyễn Văn Đức", at: datetime = DAY) -> Dossier:
    """Receive one dossier through the store's use case (code, appointment, outbox)."""
    unit = store.require_unit()
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=store.procedure(PROCEDURE.code),
        applicant=Person(name, phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
    )
    return store.receive(draft)


def receive_many(
    store: CounterStore, count: int, at: datetime = DAY, prefix: str = "Công dân"
) -> list[Dossier]:
    """Receive `count` dossiers in one transaction through the repository (same writes, no calendar lookups)."""
    unit = store.require_unit()
    procedure = store.procedure(PROCEDURE.code)
    made: list[Dossier] = []
    with store.db.atomic():
        for i in range(count):
            moment = at + timedelta(seconds=i)
            draft = new_dossier(
                agency_id=unit.agency_id,
                procedure=procedure,
                applicant=Person(f"{prefix} {i}"),
                at=moment,
                officer="canbo",
                counter=unit.counter,
            )

            def decide(allocate: Callable[..., str], d: Dossier = draft, m: datetime = moment) -> Dossier:
                return receive(d, allocate(m.date()), m + timedelta(days=3))

            made.append(store.dossiers.create(decide, "canbo"))
    return made


def server_view(admin: SimpleNamespace) -> dict[str, tuple[str | None, int, tuple[str, ...]]]:
    """Dossier id → (code, version, event ids in order), as the server holds them."""
    events: dict[str, list[tuple[int, str]]] = {}
    for e in admin.Event.select():
        events.setdefault(e.dossier_id, []).append((e.seq, e.id))
    return {
        d.id: (d.code, d.version, tuple(i for _, i in sorted(events.get(d.id, []))))
        for d in admin.Dossier.select(admin.Dossier.id, admin.Dossier.code, admin.Dossier.version)
    }


def counter_view(store: CounterStore) -> dict[str, tuple[str | None, int, tuple[str, ...]]]:
    return {d.id: (d.code, d.version, tuple(e.id for e in d.history)) for d in store.dossiers.all()}


def assert_converged(admin: SimpleNamespace, stores: list[CounterStore]) -> None:
    """Every dossier and change exactly once on the server and on every counter; every code unique; all sent."""
    server = server_view(admin)
    codes = [c for c, _, _ in server.values() if c is not None]
    assert len(codes) == len(set(codes))
    change_ids = [r.change_id for r in admin.Change.select(admin.Change.change_id, admin.Change.result)]
    assert len(change_ids) == len(set(change_ids))
    results = {r.result for r in admin.Change.select(admin.Change.result)}
    assert results <= {"applied"}
    local_changes: set[str] = set()
    for store in stores:
        rows = store.db.execute_sql("SELECT change_id, state FROM outbox").fetchall()
        assert {state for _, state in rows} <= {"sent"}
        local_changes |= {cid for cid, _ in rows}
        assert counter_view(store) == server
    assert local_changes == set(change_ids)
    event_rows = admin.Event.select().count()
    assert event_rows == sum(len(ev) for _, _, ev in server.values())


def sync_until_quiet(engines: list, rounds: int = 20) -> None:  # type: ignore[type-arg]
    """Run cycles on every engine until all outboxes are empty and a last pull brought nothing new."""
    for _ in range(rounds):
        reports = [e.cycle() for e in engines]
        if all(r.ok and r.push.sent == 0 and r.pull.dossiers == 0 for r in reports) and all(
            e.outbox.counts().pending == 0 for e in engines
        ):
            return
    raise AssertionError(f"no convergence after {rounds} rounds: {[e.status() for e in engines]}")
