"""Fixtures for the tracking panels: a session on the demo store at a fixed moment, and dossiers with known histories."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from counter_app.app import CounterApp  # noqa: E402
from counter_app.core.intake import full_set, new_dossier, receive  # noqa: E402
from counter_app.core.model import Channel, Dossier, Person, Status  # noqa: E402
from counter_app.gui.session import Session  # noqa: E402
from counter_app.gui.tasks import TaskRunner  # noqa: E402
from counter_app.settings import CounterSettings  # noqa: E402
from counter_app.storage.store import CounterStore  # noqa: E402

#: The moment the tests look at the list: Thursday 26 November 2026, 09:00.
NOW = datetime(2026, 11, 26, 9, 0)
T0 = datetime(2026, 11, 23, 8, 0)  # Monday
UNIT = "Công chức Tư pháp - Hộ tịch"


def fixed_clock() -> datetime:
    return NOW


def receive_dossier(
    store: CounterStore,
    name: str,
    appointment: datetime,
    *,
    at: datetime = T0,
    procedure: str = "1.004873",
    channel: Channel = Channel.IN_PERSON,
) -> Dossier:
    """A dossier received at `at` with the given appointment (code, book entry and outbox written as at the counter)."""
    unit = store.require_unit()
    p = store.procedure(procedure)
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=p,
        applicant=Person(name, "001090012345", address="12 Phố Huế", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(p),
        channel=channel,
    )
    return store.dossiers.create(lambda allocate: receive(draft, allocate(at.date()), appointment), "canbo")


def move(store: CounterStore, d: Dossier, *steps: tuple[Status, datetime]) -> Dossier:
    for target, at in steps:
        d = store.advance(d.id, target, officer="xuly", at=at, unit=UNIT)
    return d


@pytest.fixture
def make_session(
    qapp: QApplication, counter_store: CounterStore, settings: CounterSettings
) -> Iterator[Callable[[str], Session]]:
    """Sessions for demo accounts (canbo, xuly, lanhdao, quantri) sharing one store and runner."""
    runner = TaskRunner()

    def make(username: str = "canbo") -> Session:
        account = counter_store.accounts.get(username)
        return Session(CounterApp(counter_store), runner, settings, account, counter_store.unit(), "vi")

    yield make
    runner.shutdown()
    qapp.processEvents()


@pytest.fixture
def session(make_session: Callable[[str], Session]) -> Session:
    return make_session("canbo")


@pytest.fixture
def known(counter_store: CounterStore) -> dict[str, Dossier]:
    """Dossiers with known outcomes seen at NOW."""
    p = Status.PROCESSING
    return {
        "late": receive_dossier(counter_store, "Lê Thị Muộn", datetime(2026, 11, 25, 10, 0)),
        "due_today": receive_dossier(
            counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 26, 16, 0), channel=Channel.ONLINE
        ),
        "later": receive_dossier(counter_store, "Trần Thị Bích", datetime(2026, 12, 3, 9, 0)),
        "ready": move(
            counter_store,
            receive_dossier(counter_store, "Phạm Văn Sớm", datetime(2026, 11, 26, 16, 0)),
            (p, T0 + timedelta(hours=1)),
            (Status.RESULT_READY, T0 + timedelta(hours=3)),
        ),
        "waiting": move(
            counter_store,
            receive_dossier(counter_store, "Đỗ Thị Chờ", datetime(2026, 11, 25, 9, 0)),
            (p, T0 + timedelta(hours=1)),
            (Status.SUPPLEMENT_REQUESTED, T0 + timedelta(hours=5)),
        ),
    }
