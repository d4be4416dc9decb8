"""Accounts on a real SQLite file: lockout after five failures, the growing wait, equal cost for unknown names,
the password policy where passwords are set, and every sign-in and account change in the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from counter_app.core.errors import ValidationError
from counter_app.core.signin import SignInRefused
from counter_app.storage.accounts import AccountRepository, Role
from counter_app.storage.signin_throttle import ThrottleStore
from counter_app.storage.store import CounterStore

T0 = datetime(2026, 11, 30, 9, 0, 0)
RIGHT = "so-ho-tich-2026"


class FixedClock:
    """A clock that only moves when the test says so."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class CountingHasher(PasswordHasher):
    """A cheap argon2id hasher that counts its verifications."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verifications = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002
        self.verifications += 1
        return super().verify(hash, password)


@pytest.fixture
def bare_store(data_dir: Path) -> Iterator[CounterStore]:
    store = CounterStore(data_dir)
    yield store
    store.close()


@pytest.fixture
def clock() -> FixedClock:  # overrides the ticking fixture: these tests move time themselves
    return FixedClock(T0)


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def accounts(bare_store: CounterStore, hasher: CountingHasher, clock: FixedClock) -> AccountRepository:
    repo = AccountRepository(bare_store.models, hasher, audit=bare_store.audit, clock=clock)
    repo.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, RIGHT, by="quantri")
    repo.create("quantri", "Phạm Minh Quân", Role.ADMIN, "quan-tri-vien-2026", by="quantri")
    repo.create("xuly", "Trần Văn Đức", Role.PROCESSOR, "xu-ly-ho-so-2026", by="quantri")
    return repo


def refused(fn, *args: str) -> SignInRefused:
    with pytest.raises(SignInRefused) as caught:
        fn(*args)
    return caught.value


def entries(store: CounterStore, *kinds: str) -> list[tuple[str, str, dict]]:
    return [(e.kind, e.actor, dict(e.details)) for e in store.audit.entries() if e.kind in kinds]


def test_five_failures_lock_the_account_and_the_right_password_waits(
    accounts: AccountRepository, clock: FixedClock
) -> None:
    for _ in range(4):
        assert refused(accounts.sign_in, "canbo", "sai-mat-khau").code == "signin.refused"
        clock.advance(seconds=1)
    fifth = refused(accounts.sign_in, "canbo", "sai-mat-khau")
    assert fifth.code == "signin.locked" and fifth.params == {"minutes": 1}
    clock.advance(seconds=29)
    assert refused(accounts.sign_in, "canbo", RIGHT).code == "signin.locked"  # right password, still waiting
    assert accounts.verify("canbo", RIGHT) is None
    clock.advance(seconds=1)
    assert accounts.sign_in("canbo", RIGHT).username == "canbo"  # the 30 s are over


def test_each_failure_after_a_wait_doubles_it_up_to_fifteen_minutes(
    bare_store: CounterStore, accounts: AccountRepository, clock: FixedClock
) -> None:
    stored = ThrottleStore(bare_store.db)
    for _ in range(4):
        refused(accounts.sign_in, "canbo", "sai-mat-khau")
    waits = []
    for _ in range(7):
        assert refused(accounts.sign_in, "canbo", "sai-mat-khau").code == "signin.locked"
        wait = stored.get("canbo").remaining(clock.now)
        clock.advance(seconds=wait.total_seconds() - 1)
        assert refused(accounts.sign_in, "canbo", "sai-mat-khau").code == "signin.locked"  # not counted
        clock.advance(seconds=1)
        waits.append(int(wait.total_seconds()))
    assert waits == [30, 60, 120, 240, 480, 900, 900]
    assert stored.get("canbo").failures == 11


def test_a_lockout_survives_a_restart(
    bare_store: CounterStore, accounts: AccountRepository, clock: FixedClock, data_dir: Path
) -> None:
    for _ in range(5):
        refused(accounts.sign_in, "canbo", "sai-mat-khau")
    bare_store.close()
    reopened = CounterStore(data_dir)
    try:
        again = AccountRepository(reopened.models, audit=reopened.audit, clock=clock)
        clock.advance(seconds=10)
        assert refused(again.sign_in, "canbo", RIGHT).code == "signin.locked"
    finally:
        reopened.close()


def test_failures_and_the_lockout_are_in_the_audit_trail(
    bare_store: CounterStore, accounts: AccountRepository, clock: FixedClock
) -> None:
    refused(accounts.sign_in, "CanBo", "sai-mat-khau")
    refused(accounts.sign_in, "khong.co.ai", "sai-mat-khau")
    accounts.set_active("xuly", False, by="quantri")
    refused(accounts.sign_in, "xuly", "xu-ly-ho-so-2026")
    for _ in range(4):
        refused(accounts.sign_in, "canbo", "sai-mat-khau")
    refused(accounts.sign_in, "canbo", RIGHT)
    clock.advance(seconds=30)
    accounts.sign_in("canbo", RIGHT)
    accounts.sign_out("canbo")
    assert entries(bare_store, "signin.failed", "signin.locked", "signin.ok", "signout") == [
        ("signin.failed", "canbo", {"reason": "password"}),
        ("signin.failed", "khong.co.ai", {"reason": "unknown"}),
        ("signin.failed", "xuly", {"reason": "inactive"}),
        *[("signin.failed", "canbo", {"reason": "password"})] * 4,
        ("signin.locked", "canbo", {"failures": 5, "seconds": 30}),
        ("signin.failed", "canbo", {"reason": "locked"}),
        ("signin.ok", "canbo", {}),
        ("signout", "canbo", {}),
    ]


def test_an_unknown_name_costs_one_argon2_verification_like_a_known_one(
    accounts: AccountRepository, hasher: CountingHasher
) -> None:
    hasher.verifications = 0
    refused(accounts.sign_in, "canbo", "sai-mat-khau")
    assert hasher.verifications == 1
    refused(accounts.sign_in, "nguoi.la", "sai-mat-khau")
    assert hasher.verifications == 2
    dummy = accounts._dummy_hash()  # made with the hasher's own parameters, so it costs the same
    assert not hasher.check_needs_rehash(dummy)


def test_the_default_dummy_hash_matches_the_default_hasher() -> None:
    from counter_app.storage.accounts import DUMMY_HASH

    assert not PasswordHasher().check_needs_rehash(DUMMY_HASH)


def test_an_unknown_name_is_locked_out_like_a_real_one(accounts: AccountRepository) -> None:
    answers = [refused(accounts.sign_in, "khong.co.ai", "sai-mat-khau").code for _ in range(6)]
    assert answers == ["signin.refused"] * 4 + ["signin.locked"] * 2


def test_new_passwords_follow_the_policy_and_old_ones_keep_working(
    bare_store: CounterStore, accounts: AccountRepository
) -> None:
    for password, code in (("12345678", "password.too_short"), ("matkhau123", "password.common")):
        with pytest.raises(ValidationError) as caught:
            accounts.create("moi", "Cán bộ mới", Role.OFFICER, password)
        assert caught.value.code == code
        with pytest.raises(ValidationError) as caught:
            accounts.set_password("canbo", password, by="quantri")
        assert caught.value.code == code
    accounts.create("moi", "Cán bộ mới", Role.OFFICER, "motcua2026")
    old = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("12345678")
    bare_store.models.Account.update(password_hash=old).where(
        bare_store.models.Account.username == "moi"
    ).execute()
    assert accounts.sign_in("moi", "12345678").username == "moi"  # stored before the policy: still accepted


def test_a_new_password_ends_a_running_lockout(accounts: AccountRepository) -> None:
    for _ in range(5):
        refused(accounts.sign_in, "canbo", "sai-mat-khau")
    accounts.set_password("canbo", "mat-khau-moi-2026", by="quantri")
    assert accounts.sign_in("canbo", "mat-khau-moi-2026").username == "canbo"


def test_account_changes_are_audited_without_the_password(
    bare_store: CounterStore, accounts: AccountRepository
) -> None:
    accounts.set_role("xuly", Role.LEADER, by="quantri")
    accounts.set_active("xuly", False, by="quantri")
    accounts.set_password("xuly", "mat-khau-moi-2026", by="quantri")
    recorded = entries(bare_store, "account.create", "account.change")
    assert recorded[0] == ("account.create", "quantri", {"username": "canbo", "role": "officer"})
    assert recorded[3:] == [
        ("account.change", "quantri", {"username": "xuly", "changed": "role", "role": "leader"}),
        ("account.change", "quantri", {"username": "xuly", "changed": "active", "active": False}),
        ("account.change", "quantri", {"username": "xuly", "changed": "password"}),
    ]
    assert "mat-khau-moi-2026" not in str([e.to_dict() for e in bare_store.audit.entries()])


def test_only_the_officer_or_an_administrator_unlocks(
    bare_store: CounterStore, accounts: AccountRepository
) -> None:
    assert accounts.unlock("canbo", "canbo", RIGHT).username == "canbo"
    assert accounts.unlock("canbo", "quantri", "quan-tri-vien-2026").role is Role.ADMIN
    assert refused(accounts.unlock, "canbo", "xuly", "xu-ly-ho-so-2026").code == "unlock.not_allowed"
    assert refused(accounts.unlock, "canbo", "canbo", "sai-mat-khau").code == "signin.refused"
    assert entries(bare_store, "unlock.ok", "unlock.failed") == [
        ("unlock.ok", "canbo", {"officer": "canbo"}),
        ("unlock.ok", "quantri", {"officer": "canbo"}),
        ("unlock.failed", "xuly", {"officer": "canbo", "reason": "role"}),
        ("unlock.failed", "canbo", {"officer": "canbo", "reason": "password"}),
    ]
