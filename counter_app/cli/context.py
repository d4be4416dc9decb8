"""What every sub-command receives: data folder, language, output streams and a lazily opened store."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir

from ..core.errors import DomainError
from ..messages import describe

APP_DIR_NAME = "quay-mot-cua"


def default_data_dir() -> Path:
    env = os.environ.get("COUNTER_APP_DATA_DIR")
    return Path(env) if env else Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def default_lang() -> str:
    lang = os.environ.get("COUNTER_APP_LANG") or os.environ.get("LANG", "")
    return "en" if lang.lower().startswith("en") else "vi"


class CliError(Exception):
    """A clear, one-sentence failure: printed on stderr, exit code 2 unless told otherwise."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class CliContext:
    data_dir: Path
    lang: str = "vi"
    officer: str = "admin"
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: object | None = None

    def store(self):  # -> CounterStore (imported lazily: `decode` and `--help` need no database)
        if self._store is None:
            from ..storage.store import CounterStore

            self._store = CounterStore(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()  # type: ignore[attr-defined]
            self._store = None

    def say(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi

    def error(self, exc: DomainError) -> CliError:
        return CliError(describe(exc, self.lang))


def parse_date(ctx: CliContext, text: str) -> date:
    """A YYYY-MM-DD argument, or one clear sentence (exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(
            ctx.say(f"Ngày «{text}» phải có dạng YYYY-MM-DD.", f"«{text}» must be YYYY-MM-DD.")
        ) from exc


def parse_datetime(ctx: CliContext, text: str) -> datetime:
    """An ISO 8601 date-time argument, or one clear sentence (exit 2)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise CliError(
            ctx.say(f"Thời điểm «{text}» không đúng ISO 8601.", f"«{text}» is not an ISO 8601 date-time.")
        ) from exc
