"""Profiles made by the real store and then damaged for real, for the tests of damaged-database handling.

Truncated, a page zeroed, a page of random bytes, the header page zeroed, emptied, replaced by text.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Person
from counter_app.storage.demo import ensure_demo_profile
from counter_app.storage.store import DB_NAME, CounterStore

PAGE = 4096


def make_profile(folder: Path) -> Path:
    """A configured profile with one received dossier, closed cleanly; returns its database file."""
    store = CounterStore(folder)
    ensure_demo_profile(store)
    receive_citizen(store)
    store.close()
    return folder / DB_NAME


def receive_citizen(store: CounterStore) -> None:
    """Receive one dossier of a citizen whose name, identifier and phone the tests look for in raw files."""
    unit, procedure = store.require_unit(), store.procedure("1.001193")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person("Nguyễn Văn Đức", "001090012345", phone="0912345678"),
        at=datetime(2026, 11, 23, 9, 0),
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    store.receive(draft)


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _zero_page(data: bytes) -> bytes:
    return data[: 3 * PAGE] + bytes(PAGE) + data[4 * PAGE :]


def _random_page(data: bytes) -> bytes:
    return data[: 3 * PAGE] + random.Random(12).randbytes(PAGE) + data[4 * PAGE :]


def _zero_header(data: bytes) -> bytes:
    return bytes(PAGE) + data[PAGE:]


def _empty(data: bytes) -> bytes:
    return b""


def _text(data: bytes) -> bytes:
    return "Đây không phải cơ sở dữ liệu\n".encode() * 50


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "truncated": _truncate,
    "zeroed page": _zero_page,
    "random page": _random_page,
    "zeroed header": _zero_header,
    "emptied": _empty,
    "not sqlite": _text,
}


def corrupt(path: Path, how: str) -> None:
    path.write_bytes(CORRUPTIONS[how](path.read_bytes()))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unsent(path: Path) -> int:
    """How many outbox entries of the database at `path` wait for the server."""
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0])
    finally:
        con.close()


def garble_text(path: Path) -> None:
    """Overwrite bytes inside stored rows (every "ủ" of the file) so that the text is no longer UTF-8.

    The file's structure stays valid, so the check at open passes; the damage shows only when a row is read.
    """
    path.write_bytes(path.read_bytes().replace("ủ".encode(), b"\xff\xfe\xff"))
