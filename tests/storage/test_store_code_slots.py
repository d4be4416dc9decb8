"""A counter's dossier-code slot width on a real store: one-digit slots keep codes four digits up to the 999th
dossier of the day, codes issued before keep their meaning, and a change that would misread a code is refused."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from counter_app.app import CounterApp
from counter_app.app import sync as sync_ops
from counter_app.core.codes import CodeSchemeError, parse_code
from counter_app.core.errors import DomainError, ValidationError
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Dossier, Person
from counter_app.storage.store import CounterStore

AGENCY = "000.00.06.H56"  # the demo profile's unit; its counter is number 1
PROCEDURE = "1.001193"
AT = datetime(2026, 11, 23, 9, 0)


def receive(store: CounterStore, at: datetime = AT, name: str = "Nguyễn Văn Đức") -> Dossier:
    unit = store.require_unit()
    procedure = store.procedure(PROCEDURE)
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, "001090012345", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return store.receive(draft)


def test_a_standalone_counter_with_one_digit_slots_issues_four_digit_codes(store: CounterStore) -> None:
    assert store.dossiers.slot_digits() == 2  # a profile that never chose keeps the two-digit scheme
    assert store.dossiers.set_slot_digits(1) is True
    codes = [receive(store).code for _ in range(3)]
    assert codes == [f"{AGENCY}-261123-100{n}" for n in (1, 2, 3)]
    assert store.dossiers.set_slot_digits(1) is False  # already so


def test_the_999th_dossier_is_the_last_four_digit_code_and_the_1000th_goes_on(store: CounterStore) -> None:
    store.dossiers.set_slot_digits(1)
    receive(store)
    store.db.execute_sql("UPDATE code_sequence SET last_number = 998")  # as if 998 were received today
    last_four, first_five = receive(store).code, receive(store).code
    assert last_four == f"{AGENCY}-261123-1999"
    assert first_five == f"{AGENCY}-261123-11000"
    assert parse_code(first_five or "", 1).number == 1000
    # the next day starts again at 001
    assert receive(store, at=datetime(2026, 11, 24, 8, 0)).code == f"{AGENCY}-261124-1001"


def test_moving_to_one_digit_keeps_the_codes_already_issued(store: CounterStore) -> None:
    before = [receive(store).code for _ in range(2)]
    assert before == [f"{AGENCY}-261123-0101", f"{AGENCY}-261123-0102"]
    store.dossiers.set_slot_digits(1)
    after = receive(store).code
    assert after == f"{AGENCY}-261123-1003"  # same counter, the running number goes on; another text
    for code in (*before, after):
        assert store.dossiers.get(code or "").code == code
        assert parse_code(code or "", 1).slot == 1
    # a restored file: the numbers are moved past every code, read with the unit's width
    store.db.execute_sql("DELETE FROM code_sequence")
    assert store.dossiers.reconcile_code_sequence() == 3
    assert receive(store).code == f"{AGENCY}-261123-1004"


def test_moving_back_to_two_digits_is_refused_once_a_one_digit_code_exists(store: CounterStore) -> None:
    store.dossiers.set_slot_digits(1)
    assert store.dossiers.set_slot_digits(2) is True  # no one-digit code yet: nothing to misread
    store.dossiers.set_slot_digits(1)
    code = receive(store).code
    with pytest.raises(CodeSchemeError) as caught:
        store.dossiers.set_slot_digits(2)
    assert caught.value.params["example"] == code
    assert store.dossiers.slot_digits() == 1


def test_a_counter_numbered_above_9_cannot_issue_one_digit_codes(store: CounterStore) -> None:
    unit = store.require_unit()
    store.dossiers.set_slot_digits(1)
    with pytest.raises(ValidationError) as caught:
        store.dossiers.next_code(AGENCY, AT.date(), 12)
    assert caught.value.code == "counter.range_one_digit"
    assert unit.counter == 1


def test_the_operation_checks_the_counter_number_and_a_joined_server(
    data_dir: Path, store: CounterStore
) -> None:
    app = CounterApp(store)
    admin = store.accounts.get("quantri")
    assert sync_ops.set_slot_digits(app, admin, 1).value is True
    assert sync_ops.slot_digits(app, admin) == 1
    kinds = [e.kind for e in store.audit.entries()][-1:]
    assert kinds == ["setting.change"]
    store.db.execute_sql("INSERT INTO sync_state (key, value) VALUES ('server_url', 'https://sync.example')")
    with pytest.raises(DomainError) as joined:
        sync_ops.set_slot_digits(app, admin, 2)
    assert joined.value.code == "code_scheme.joined"


def test_setup_chooses_one_digit_slots_from_the_command_line(cli, tmp_path: Path) -> None:
    password = tmp_path / "admin-password"
    password.write_text("quan-tri-phuong-mau\n", encoding="utf-8")
    unit = ("--agency-id", AGENCY, "--agency-name", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU")
    unit += ("--parent-body", "UBND PHƯỜNG MẪU", "--place", "Phường Mẫu")
    made = cli("setup", *unit, "--counter", "3", "--slot-digits", "1", "--admin-password-file", str(password))
    assert made.code == 0, made.err
    assert "1 chữ số" in made.out
    receipt = (
        "--procedure",
        PROCEDURE,
        "--applicant-name",
        "Nguyễn Văn Đức",
        "--applicant-id",
        "001090012345",
        "--phone",
        "0912345678",
        "--received",
        "2026-11-27T16:00",
    )
    received = cli("dossier", "receive", *receipt)
    assert received.code == 0, received.err
    assert f"{AGENCY}-261127-3001" in received.out
    too_high = cli("setup", "--counter", "12")
    assert too_high.code != 0 and "từ 1 đến 9" in too_high.err
    assert cli("setup", "--counter", "12", "--slot-digits", "2").code != 0  # a one-digit code was issued
    assert cli("dossier", "receive", *receipt).out.count("-261127-3002") == 1  # still counter 3, one digit
    back = cli("setup", "--slot-digits", "2", lang="en")
    assert back.code != 0 and "3001" in back.err and "another counter" in back.err
