"""The government's day-off notices: the shipped file `db/seed/days_off.json` and the days an administrator records.

The shipped file is found like every shipped file (`counter_app.shipped`: an installed package, a source
checkout or a PyInstaller bundle) and read once per process. Recorded days (`counter-app calendar set-day`, or a
notice day the server publishes) live in the `calendar_notice_day` table (migration 0007) and win over the
shipped notices for their dates; the centre's own overrides (`calendar_override`) still win over both.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from .. import shipped
from ..core.day_notices import DayNotices, NoticeDay, parse_day_notices
from ..core.text import nfc


def shipped_notices_path() -> Path:
    """The shipped notices (db/seed/days_off.json)."""
    return shipped.days_off()


@lru_cache(maxsize=4)
def load_day_notices(path: Path | None = None) -> DayNotices:
    """The notices of `path` (default: the shipped file), parsed once per process.

    Raises `OSError` if the file cannot be read and `ValidationError('days_off', 'day_notices.invalid')` if it is
    not a valid notices file (a broken installation: the self-test reports it).
    """
    text = (path or shipped_notices_path()).read_text(encoding="utf-8")
    try:
        obj = json.loads(text)
    except ValueError:
        obj = None
    return parse_day_notices(obj)


def recorded_days(models: SimpleNamespace) -> list[NoticeDay]:
    """The notice days recorded in this database, by date."""
    N = models.CalendarNoticeDay
    return [
        NoticeDay(
            date.fromisoformat(r.day),
            r.kind,
            r.name,
            r.document,
            date.fromisoformat(r.document_date) if r.document_date else None,
        )
        for r in N.select().order_by(N.day)
    ]


def record_day(models: SimpleNamespace, notice: NoticeDay) -> None:
    """Record (or replace) the notice day of `notice.day`."""
    models.CalendarNoticeDay.insert(
        day=notice.day.isoformat(),
        kind=notice.kind,
        name=nfc(notice.name),
        document=nfc(notice.document),
        document_date=notice.document_date.isoformat() if notice.document_date else None,
        updated_at=datetime.now().isoformat(timespec="seconds"),
    ).on_conflict("replace").execute()


def forget_day(models: SimpleNamespace, day: date) -> None:
    """Remove the recorded notice day of `day` (the shipped notices and the package decide it again)."""
    N = models.CalendarNoticeDay
    N.delete().where(N.day == day.isoformat()).execute()
