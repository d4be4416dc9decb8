"""The shape of every use case: a read or a write on behalf of an account, its role checked, a write saying what
it changed.

An operation is a function `fn(app, account, *args)` wrapped by `read_op(Operation.X)` or
`write_op(Operation.X)`. Calling it checks the account against the core's role rules first. A write returns
`Done(value, changes)`; the GUI's task runner runs reads on its pool and writes on its single writer, and after
each write tells every screen what changed. Nothing above this layer touches storage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..core.roles import Account, Operation, require
from ..storage.store import CounterStore

T = TypeVar("T")


class Scope(str, Enum):
    """What kind of data a write touched: screens refresh what shows it."""

    DOSSIERS = "dossiers"
    CATALOGUE = "catalogue"
    ACCOUNTS = "accounts"
    UNIT = "unit"
    SETTINGS = "settings"
    CALENDAR = "calendar"
    AUDIT = "audit"
    SYNC = "sync"


@dataclass(frozen=True)
class Changes:
    """What one write changed: scopes, and which dossiers (by id)."""

    scopes: frozenset[Scope] = frozenset()
    dossier_ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *scopes: Scope, dossiers: Iterable[str] = ()) -> Changes:
        ids = frozenset(dossiers)
        return cls(frozenset(scopes) | ({Scope.DOSSIERS} if ids else set()), ids)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.scopes | other.scopes, self.dossier_ids | other.dossier_ids)

    def __bool__(self) -> bool:
        return bool(self.scopes)

    def touches(self, *scopes: Scope) -> bool:
        return bool(self.scopes & set(scopes))


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """The result of a write: its value and what it changed."""

    value: T
    changes: Changes = field(default=NOTHING)


class OpKind(str, Enum):
    READ = "read"
    WRITE = "write"


class Op(Generic[T]):
    """A use case bound to the operation its role rules speak of; call it as `op(app, account, *args)`."""

    def __init__(self, fn: Callable[..., Any], kind: OpKind, operation: Operation | None) -> None:
        self.fn = fn
        self.kind = kind
        self.operation = operation
        self.__name__ = fn.__name__
        self.__doc__ = fn.__doc__
        self.__module__ = fn.__module__

    def __call__(self, app: CounterApp, account: Account | None, *args: Any, **kwargs: Any) -> T:
        if self.operation is not None:
            if account is None:
                raise TypeError(f"{self.__name__} needs the acting account")
            require(account, self.operation)
        result = self.fn(app, account, *args, **kwargs)
        if self.kind is OpKind.WRITE and not isinstance(result, Done):
            raise TypeError(f"write {self.__name__} must return Done")
        return result  # type: ignore[no-any-return]

    @property
    def is_write(self) -> bool:
        return self.kind is OpKind.WRITE

    def __repr__(self) -> str:
        return f"<{self.kind.value} {self.__module__}.{self.__name__}>"


def read_op(operation: Operation | None) -> Callable[[Callable[..., T]], Op[T]]:
    """A read: role checked, no change. `None` only for what precedes sign-in (the sign-in itself)."""

    def wrap(fn: Callable[..., T]) -> Op[T]:
        return Op(fn, OpKind.READ, operation)

    return wrap


def write_op(operation: Operation | None) -> Callable[[Callable[..., Done[T]]], Op[Done[T]]]:
    """A write: role checked; returns `Done(value, changes)`."""

    def wrap(fn: Callable[..., Done[T]]) -> Op[Done[T]]:
        return Op(fn, OpKind.WRITE, operation)

    return wrap


class CounterApp:
    """One counter profile opened for use: the store beneath, and the clock every operation asks.

    Safe to share between threads (the store serialises its own writes); only operations in this package
    reach `store`.
    """

    def __init__(self, store: CounterStore, clock: Callable[[], datetime] = datetime.now) -> None:
        self.store = store
        self.clock = clock

    @classmethod
    def open(cls, data_dir: Path, clock: Callable[[], datetime] = datetime.now) -> CounterApp:
        """Open (creating or migrating) the profile in `data_dir`; raises storage's typed errors for a damaged
        or newer database."""
        return cls(CounterStore(Path(data_dir)), clock)

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def close(self) -> None:
        self.store.close()
