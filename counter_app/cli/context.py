"""What every sub-command receives: data folder, language, output streams, the lazily opened profile and the
account it acts as."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir

from ..app import CounterApp, accounts
from ..core.errors import DomainError, NotFoundError
from ..core.roles import Account, Operation, PermissionDenied, require
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


#: The account the CLI acts as when neither --officer nor a `setup` administrator names one.
DEFAULT_ADMIN = "admin"


def default_officer() -> str | None:
    return os.environ.get("COUNTER_APP_OFFICER") or None


@dataclass
class CliContext:
    data_dir: Path
    lang: str = "vi"
    officer: str | None = None  # --officer / COUNTER_APP_OFFICER; None: the administrator `setup` created
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _app: CounterApp | None = None
    _account: Account | None = None

    def app(self) -> CounterApp:
        """The profile in the data folder, opened on first use (`decode` and `--help` need none)."""
        if self._app is None:
            self._app = CounterApp.open(self.data_dir)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()
            self._app = None

    def acting_username(self) -> str:
        if self.officer:
            return self.officer.strip().lower()
        return accounts.cli_default(self.app(), None, DEFAULT_ADMIN)

    def acting_username_without_store(self) -> str:
        """The name given on the command line, for when the profile itself cannot be opened."""
        return (self.officer or DEFAULT_ADMIN).strip().lower()

    def account(self) -> Account:
        """The real, active account the command acts as; refused with one sentence (exit 2) otherwise."""
        if self._account is None:
            username = self.acting_username()
            try:
                found: Account = accounts.find(self.app(), None, username)
            except NotFoundError:
                raise CliError(
                    self.say(
                        f"Không có tài khoản cán bộ «{username}» trên quầy này; dùng --officer với một tài "
                        "khoản có thật (hoặc tạo tài khoản quản trị bằng counter-app setup --admin).",
                        f"There is no officer account «{username}» on this counter; give --officer an existing "
                        "account (or create the administrator with counter-app setup --admin).",
                    )
                ) from None
            if not found.active:
                raise CliError(
                    self.say(
                        f"Tài khoản «{username}» đã bị khóa; không thể thực hiện thao tác.",
                        f"The account «{username}» is inactive; it cannot act.",
                    )
                )
            self._account = found
        return self._account

    def act(self, operation: Operation) -> Account:
        """The acting account, if its role may do `operation` (the same rules the window applies)."""
        account = self.account()
        try:
            return require(account, operation)
        except PermissionDenied as exc:
            raise self.error(exc) from None

    def say(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi

    def error(self, exc: DomainError) -> CliError:
        return CliError(describe(exc, self.lang))


def parse_date(ctx: CliContext, text: str) -> date:
    """A YYYY-MM-DD argument between EARLIEST_DATE and LATEST_DATE, or one clear sentence (exit 2)."""
    try:
        value = date.fromisoformat(text)
    except ValueError as exc:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # written right, but no such day (2026-02-31)
            raise CliError(ctx.say(f"Ngày {text} không có thật.", f"{text} is not a real date.")) from exc
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
