"""Counters of a unit with one-digit slots against a real server (SQLite and PostgreSQL): four-digit codes that
never collide offline, the width learnt at enrolment or from the feed, and a join that would misread codes refused."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from sync_support import PROCEDURE, Counters, receive_one

from counter_app.core.codes import parse_code
from counter_app.core.model import UnitConfig
from counter_app.server.admin import add_counter, ensure_agency
from counter_app.server.database import write_transaction
from counter_app.storage.store import CounterStore
from counter_app.sync.engine import SyncEngine
from counter_app.sync.enrol import CodeSchemeMismatch, join_server

ONE = "000.00.07.H56"  # a unit of at most nine counters: one-digit slots
TWO = "000.00.06.H56"  # the default: two-digit slots
UNIT = ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ MẪU", "UBND XÃ MẪU", "Xã Mẫu")


def one_digit_unit(admin: SimpleNamespace, agency: str = ONE) -> None:
    """What `counter-server add-counter --slot-digits 1` does for the unit's first counter."""
    with write_transaction(admin.db):
        ensure_agency(admin, agency, 1)


def test_two_offline_counters_of_a_one_digit_unit_never_collide(server, admin, counters: Counters) -> None:
    one_digit_unit(admin)
    first, second = counters.new(1, server.url, ONE), counters.new(2, server.url, ONE)
    assert first.dossiers.slot_digits() == second.dossiers.slot_digits() == 1  # learnt at enrolment
    # both offline all morning: each hands out final codes from its own slot
    mine = {
        n: [receive_one(s, f"Công dân {n}-{i}").code for i in range(5)] for n, s in ((1, first), (2, second))
    }
    assert mine[1] == [f"{ONE}-261123-100{i}" for i in range(1, 6)]
    assert mine[2] == [f"{ONE}-261123-200{i}" for i in range(1, 6)]
    engines = [SyncEngine(first), SyncEngine(second)]
    try:
        for engine in engines:
            assert engine.cycle().ok
        for engine in engines:  # the first to sync pulls the second's dossiers on this round
            report = engine.cycle()
            assert report.ok and report.push.parked == []
        for store in (first, second):
            held = sorted(d.code or "" for d in store.dossiers.all())
            assert held == sorted(mine[1] + mine[2])
            assert {parse_code(c, 1).slot for c in held} == {1, 2}
        # after the other counter's codes came down, each still goes on in its own slot
        assert receive_one(first, "Chiều").code == f"{ONE}-261123-1006"
        assert receive_one(second, "Chiều").code == f"{ONE}-261123-2006"
    finally:
        for engine in engines:
            engine.close()


def test_a_joined_counter_hears_the_move_to_one_digit_and_keeps_its_old_codes(
    server, admin, counters: Counters
) -> None:
    three = counters.new(3, server.url, TWO)
    engine = SyncEngine(three)
    try:
        old = receive_one(three, "Trước").code
        assert old == f"{TWO}-261123-0301"
        assert engine.cycle().ok
        add_counter(admin, TWO, 4, slot_digits=1)  # the unit moves with its next enrolment
        report = engine.cycle()
        assert report.ok and report.pull.code_scheme == 1
        assert three.dossiers.slot_digits() == 1
        new = receive_one(three, "Sau").code
        assert new == f"{TWO}-261123-3002"
        assert engine.cycle().ok and engine.status().parked == ()
        assert three.dossiers.get(old or "").code == old
    finally:
        engine.close()


def fresh_store(folder: Path, agency: str, number: int) -> CounterStore:
    store = CounterStore(folder)
    store.set_unit(UnitConfig(agency, *UNIT, number))
    store.replace_catalogue([PROCEDURE])
    store.dossiers.set_slot_digits(1)  # a standalone counter that chose one-digit slots
    return store


def test_a_standalone_one_digit_counter_joins_a_one_digit_unit_but_not_a_two_digit_one(
    server, admin, tmp_path: Path
) -> None:
    one_digit_unit(admin)
    alone = fresh_store(tmp_path / "alone", ONE, 5)
    try:
        code = receive_one(alone, "Khi chưa có máy chủ").code
        assert code == f"{ONE}-261123-5001"
        identity = join_server(alone, server.url, add_counter(admin, ONE, 5))
        assert identity.slot_digits == 1
        engine = SyncEngine(alone)
        assert engine.cycle().ok and engine.status().parked == ()  # its one-digit code is accepted as its own
        engine.close()
    finally:
        alone.close()

    other = fresh_store(tmp_path / "other", TWO, 5)
    try:
        issued = receive_one(other, "Khi chưa có máy chủ").code
        with pytest.raises(CodeSchemeMismatch) as caught:
            join_server(other, server.url, add_counter(admin, TWO, 5))
        assert caught.value.params == {"slot_digits": 2, "example": issued}
        assert not other.dossiers.joined_server() and other.dossiers.slot_digits() == 1  # nothing saved
    finally:
        other.close()
