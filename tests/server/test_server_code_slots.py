"""The server's side of the dossier-code slot width: chosen with `add-counter`, told at enrolment and in the
feed, and used to read every pushed code, so a code outside the caller's slot is refused under both widths."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from counter_app.core.codes import CodeSchemeError
from counter_app.core.errors import ValidationError
from counter_app.core.ids import new_id
from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Person, Procedure
from counter_app.core.serial import dossier_to_dict
from counter_app.core.wire import Change
from counter_app.server.admin import (
    Caller,
    SlotDigitsFixedError,
    add_counter,
    agency_slot_digits,
    enrol_installation,
    set_slot_digits,
    slot_numbers,
)
from counter_app.server.database import write_transaction
from counter_app.server.feed import read_feed
from counter_app.server.writer import PushWriter

TWO = "000.00.06.H56"  # a unit with two-digit slots (the default)
ONE = "000.00.07.H56"  # a unit of at most nine counters, one-digit slots
PROCEDURE = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")
AT = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def writer(admin: SimpleNamespace) -> Iterator[PushWriter]:
    w = PushWriter(admin)
    yield w
    w.close()


def joined(admin: SimpleNamespace, agency: str, counter: int, slot_digits: int | None = None) -> str:
    """Enrol a counter and spend its token, as `counter-app setup --server` does; returns its credential."""
    return enrol_installation(admin, add_counter(admin, agency, counter, slot_digits)).credential


def push(writer: PushWriter, credential: str, agency: str, counter: int, sequence: str) -> tuple[str, str]:
    draft = new_dossier(
        agency_id=agency,
        procedure=PROCEDURE,
        applicant=Person("Nguyễn Văn Đức"),
        at=AT,
        officer="canbo",
        counter=counter,
    )
    d = receive(draft, f"{agency}-261123-{sequence}", AT + timedelta(days=3))
    change = Change(
        new_id(), "dossier.create", d.id, counter, "canbo", "2026-11-23T09:00:00", dossier_to_dict(d)
    )
    [result] = writer.submit(credential, [change])
    return result.result.value, result.reason


def test_a_unit_chooses_one_digit_slots_when_its_first_counter_is_enrolled(admin: SimpleNamespace) -> None:
    token = add_counter(admin, ONE, 3, slot_digits=1)
    assert agency_slot_digits(admin, ONE) == 1
    enrolled = enrol_installation(admin, token)
    assert enrolled.slot_digits == 1 and enrolled.caller.counter == 3
    assert add_counter(admin, ONE, 9)  # the same unit, no option: keeps its width
    with pytest.raises(ValidationError) as caught:
        add_counter(admin, ONE, 10)
    assert caught.value.code == "counter.range_one_digit"
    assert enrol_installation(admin, add_counter(admin, TWO, 12)).slot_digits == 2  # the default


def test_a_code_outside_the_callers_slot_is_refused_under_both_widths(
    admin: SimpleNamespace, writer: PushWriter
) -> None:
    two, one = joined(admin, TWO, 3), joined(admin, ONE, 3, slot_digits=1)
    assert push(writer, two, TWO, 3, "0361") == ("applied", "")
    assert push(writer, two, TWO, 3, "0461") == ("rejected", "code.slot")  # counter 4's
    assert push(writer, two, TWO, 3, "3061") == ("rejected", "code.slot")  # counter 30's under two digits
    assert push(writer, two, TWO, 3, "03061") == ("rejected", "code.format")
    assert push(writer, one, ONE, 3, "3061") == ("applied", "")
    assert push(writer, one, ONE, 3, "31000") == (
        "applied",
        "",
    )  # its 1000th dossier: five digits, still its own
    assert push(writer, one, ONE, 3, "0362") == ("applied", "")  # a two-digit code of its own, issued before
    assert push(writer, one, ONE, 3, "4061") == ("rejected", "code.slot")  # counter 4's
    assert push(writer, one, ONE, 3, "0007") == ("rejected", "code.slot")  # the server's slot 00
    assert push(writer, one, ONE, 3, "30999") == ("rejected", "code.format")
    assert push(writer, one, ONE, 3, "3061") == ("conflict", "code.taken")


def test_an_existing_unit_moves_to_one_digit_and_its_counters_hear_it_in_the_feed(
    admin: SimpleNamespace, writer: PushWriter
) -> None:
    credential = joined(admin, TWO, 3)
    assert push(writer, credential, TWO, 3, "0361") == ("applied", "")
    before = read_feed(admin, TWO, 0, 100).cursor
    assert add_counter(admin, TWO, 4, slot_digits=1)  # the move comes with the next enrolment
    assert agency_slot_digits(admin, TWO) == 1
    items = read_feed(admin, TWO, before, 100).items
    assert [(i["kind"], i["slot_digits"]) for i in items] == [("code_scheme", 1)]
    # the code issued before keeps its counter; the counter's new codes are read with one digit
    assert push(writer, credential, TWO, 3, "3062") == ("applied", "")
    assert push(writer, credential, TWO, 3, "0363") == ("applied", "")  # a counter that has not pulled yet
    caller = enrol_installation(admin, add_counter(admin, TWO, 5)).caller
    assert slot_numbers(admin, caller) == {}
    assert slot_numbers(admin, Caller(TWO, 3)) == {"261123": 63}


def test_a_unit_with_a_counter_above_9_cannot_move_to_one_digit(admin: SimpleNamespace) -> None:
    add_counter(admin, TWO, 12)
    with pytest.raises(CodeSchemeError) as caught:
        add_counter(admin, TWO, 3, slot_digits=1)
    assert caught.value.code == "code_scheme.counters" and caught.value.params == {"counter": 12}
    assert agency_slot_digits(admin, TWO) == 2
    assert admin.Counter.select().where(admin.Counter.number == 3).count() == 0  # nothing half done


def test_one_digit_is_fixed_once_a_counter_has_joined(admin: SimpleNamespace) -> None:
    add_counter(admin, ONE, 1, slot_digits=1)
    with write_transaction(admin.db):
        assert set_slot_digits(admin, ONE, 2) is True  # nobody joined yet: a mistake can be undone
        assert set_slot_digits(admin, ONE, 1) is True
    joined(admin, ONE, 2)
    with pytest.raises(SlotDigitsFixedError), write_transaction(admin.db):
        set_slot_digits(admin, ONE, 2)
    assert agency_slot_digits(admin, ONE) == 1
