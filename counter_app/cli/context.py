"""What every sub-command receives: data folder, language, output streams and a lazily opened store."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir

from ..core.errors import DomainError
from ..messages import describe

APP_DIR_NAME = "quay-mot-cua"
#: A dossier code carries its year in two digits read as 20YY: no date outside these years can be recorded.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2099, 12, 31)
#: How far past this computer's clock a typed event time may lie (the wall clock and the computer's may differ).
FUTURE_MARGIN = timedelta(hours=1)


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
    """A YYYY-MM-DD argument between EARLIEST_DATE and LATEST_DATE, or one clear sentence (exit 2)."""
    try:
        value = date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(
            ctx.say(f"Ngày «{text}» phải có dạng YYYY-MM-DD.", f"«{text}» must be YYYY-MM-DD.")
        ) from exc
    return _in_range(ctx, text, value)


def parse_datetime(ctx: CliContext, text: str) -> datetime:
    """An ISO 8601 date-time argument between EARLIEST_DATE and LATEST_DATE, or one clear sentence (exit 2)."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise CliError(
            ctx.say(f"Thời điểm «{text}» không đúng ISO 8601.", f"«{text}» is not an ISO 8601 date-time.")
        ) from exc
    _in_range(ctx, text, value.date())
    return value


def _in_range(ctx: CliContext, text: str, value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise CliError(
            ctx.say(
                f"Ngày «{text}» phải nằm trong các năm {EARLIEST_DATE.year}–{LATEST_DATE.year}.",
                f"«{text}» must fall within the years {EARLIEST_DATE.year}–{LATEST_DATE.year}.",
            )
        )
    return value


def not_in_future(ctx: CliContext, text: str, value: datetime) -> datetime:
    """`value` (naive local time) unless it lies more than FUTURE_MARGIN after now: events are recorded, not planned."""
    if value > datetime.now() + FUTURE_MARGIN:
        raise CliError(
            ctx.say(
                f"Thời điểm «{text}» nằm ở tương lai; chỉ ghi được việc đã xảy ra.",
                f"«{text}» lies in the future; only what has happened can be recorded.",
            )
        )
    return value


def check_output_path(ctx: CliContext, path: Path) -> None:
    """An output file goes into an existing folder and is not itself a folder; else one clear sentence (exit 2)."""
    if not path.parent.is_dir():
        raise CliError(
            ctx.say(f"Thư mục {path.parent} không tồn tại.", f"Folder {path.parent} does not exist.")
        )
    if path.is_dir():
        raise CliError(ctx.say(f"{path} là một thư mục, không phải tệp.", f"{path} is a folder, not a file."))
