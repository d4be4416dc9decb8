"""Sign-in rules without a database: the password policy and the growing wait after failures."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from counter_app.core.errors import ValidationError
from counter_app.core.signin import (
    ERROR_CODES,
    FIRST_WAIT,
    LONGEST_WAIT,
    Throttle,
    check_new_password,
    common_passwords,
    wait_after,
)
from counter_app.messages import MESSAGES, describe

AT = datetime(2026, 11, 30, 9, 0, 0)


@pytest.mark.parametrize("password", ["12345678", "motcua", "abc12345", "ngắn"])
def test_a_password_shorter_than_ten_characters_is_refused(password: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_new_password(password)
    assert refused.value.code == "password.too_short" and refused.value.params == {"min": 10}
    assert describe(refused.value) == "Mật khẩu phải có ít nhất 10 ký tự."


@pytest.mark.parametrize(
    "password", ["matkhau123", "1234567890", "Password123", "qwertyuiop", "ANHYEUEM2024"]
)
def test_a_common_password_is_refused_whatever_its_case(password: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_new_password(password)
    assert refused.value.code == "password.common"
    assert "phổ biến" in describe(refused.value)
    assert "common passwords" in describe(refused.value, "en")


@pytest.mark.parametrize("password", ["motcua2026", "Sổ hộ tịch 2026", "xe-dap-xanh-7", "tram.hoa.ban"])
def test_long_uncommon_passwords_are_accepted(password: str) -> None:
    check_new_password(password)  # the demo profile's published password among them


def test_the_shipped_list_is_a_few_thousand_lower_case_passwords() -> None:
    listed = common_passwords()
    assert len(listed) > 3000
    assert {"123456", "password", "matkhau123", "anhyeuem123", "iloveyou"} <= listed
    assert all(p == p.casefold() for p in listed)
    assert not any("motcua" in p for p in listed)


def test_the_wait_starts_at_the_fifth_failure_doubles_and_is_capped() -> None:
    assert [wait_after(n) for n in range(5)] == [timedelta(0)] * 5
    assert wait_after(5) == FIRST_WAIT == timedelta(seconds=30)
    assert wait_after(6) == timedelta(seconds=60) and wait_after(7) == timedelta(seconds=120)
    assert wait_after(30) == wait_after(10_000) == LONGEST_WAIT == timedelta(minutes=15)


def test_a_throttle_locks_after_five_failures_and_forgets_old_failures() -> None:
    throttle = Throttle()
    for minute in range(4):
        throttle = throttle.after_failure(AT + timedelta(minutes=minute))
    assert throttle.failures == 4 and not throttle.is_locked(AT + timedelta(minutes=4))
    locked = throttle.after_failure(AT + timedelta(minutes=4))
    assert locked.is_locked(AT + timedelta(minutes=4, seconds=29))
    assert locked.remaining(AT + timedelta(minutes=4, seconds=20)) == timedelta(seconds=10)
    assert not locked.is_locked(AT + timedelta(minutes=4, seconds=30))
    assert throttle.current(AT + timedelta(days=1, minutes=4)) == Throttle()
    assert throttle.after_failure(AT + timedelta(days=2)).failures == 1


def test_every_sign_in_code_has_both_sentences() -> None:
    for code in ERROR_CODES:
        vi, en = MESSAGES[code]
        assert vi and en and vi != en
