"""The unit, its business settings, processing units and calendar: read by everyone, changed by administrators."""

from __future__ import annotations

from datetime import date

from ..core.audit import AuditKind
from ..core.calendar import OfficeHours, WorkingCalendar
from ..core.day_notices import NoticeDay
from ..core.model import UnitConfig
from ..core.roles import Account, Operation
from ..documents.wording import centre_name
from ..storage.store import DEFAULT_HOURS
from .base import Changes, CounterApp, Done, Scope, read_op, write_op

__all__ = ["DEFAULT_HOURS"]


@read_op(None)
def unit(app: CounterApp, account: Account | None) -> UnitConfig | None:
    """The configured unit (shown on the sign-in screen too, hence no role)."""
    return app.store.unit()


@read_op(Operation.VIEW)
def require_unit(app: CounterApp, account: Account) -> UnitConfig:
    return app.store.require_unit()


@write_op(Operation.CONFIGURE)
def set_unit(
    app: CounterApp, account: Account, config: UnitConfig, office_hours: str | None = None
) -> Done[UnitConfig]:
    """The unit (and, when given, its office hours) as an administrator set it."""
    app.store.set_unit(config)
    app.store.audit.record(
        AuditKind.UNIT_CHANGE.value,
        account.username,
        details={"agency_id": config.agency_id, "counter": config.counter},
    )
    if office_hours is None:
        return Done(config, Changes.of(Scope.UNIT))
    set_setting.fn(app, account, "office_hours", office_hours)
    return Done(config, Changes.of(Scope.UNIT, Scope.SETTINGS))


def lawful_agency_name(parent_body: str) -> str:
    """The unit's legal name by default, built from its governing body as Decree 118/2025/NĐ-CP names the body:
    `UBND phường Ba Đình` → `Trung tâm Phục vụ hành chính công phường Ba Đình` ("" when it names no locality)."""
    return centre_name(parent_body)


@read_op(Operation.VIEW)
def setting(app: CounterApp, account: Account, key: str, default: str = "") -> str:
    return app.store.setting(key, default)


@write_op(Operation.CONFIGURE)
def set_setting(app: CounterApp, account: Account, key: str, value: str) -> Done[None]:
    before = app.store.setting(key)
    app.store.set_setting(key, value)
    if before != value:
        app.store.audit.record(
            AuditKind.SETTING_CHANGE.value,
            account.username,
            details={"key": key, "from": before, "to": value},
        )
    return Done(None, Changes.of(Scope.SETTINGS))


@write_op(Operation.VIEW)
def record_device_settings(
    app: CounterApp, account: Account, changed: dict[str, tuple[object, object]]
) -> Done[None]:
    """This PC's own settings (printers, scanner, idle lock …) are kept outside the database; what an officer
    changed in them still goes into the audit trail ({"key": (before, after)})."""
    if changed:
        app.store.audit.record(
            AuditKind.SETTING_CHANGE.value,
            account.username,
            details={
                "device": {key: [str(before), str(after)] for key, (before, after) in sorted(changed.items())}
            },
        )
    return Done(None, Changes.of(Scope.AUDIT) if changed else Changes())


@read_op(Operation.VIEW)
def office_hours(app: CounterApp, account: Account) -> OfficeHours:
    return app.store.office_hours()


@read_op(None)
def calendar(app: CounterApp, account: Account | None) -> WorkingCalendar:
    """The working-time calendar (public days off, the government's notices and the centre's own overrides: no role
    needed); `is_provisional(day)` tells whether a day's year is still without an official notice."""
    return app.store.calendar()


@read_op(None)
def provisional_from(app: CounterApp, account: Account | None) -> int | None:
    """The first year without an official day-off notice: appointments in it or later are provisional (their
    lunar holidays are computed, the swaps not decided yet); None when no notice is known."""
    return app.store.calendar().notices.first_provisional_year


@read_op(Operation.VIEW)
def overrides(app: CounterApp, account: Account) -> list[tuple[date, str, str]]:
    return app.store.overrides()


@write_op(Operation.CONFIGURE)
def set_override(
    app: CounterApp, account: Account, day: date, kind: str | None, name: str = ""
) -> Done[None]:
    """Mark a day off or a make-up working day (`kind=None` removes the centre's own override)."""
    if kind is None:
        app.store.remove_override(day)
    else:
        app.store.set_override(day, kind, name)
    app.store.audit.record(
        AuditKind.SETTING_CHANGE.value,
        account.username,
        details={"key": f"calendar.{day.isoformat()}", "to": kind or "", "name": name},
    )
    return Done(None, Changes.of(Scope.CALENDAR))


@read_op(Operation.VIEW)
def notice_days(app: CounterApp, account: Account) -> list[NoticeDay]:
    """The notice days recorded in this database (the shipped notices are in `calendar(...).notices`)."""
    return app.store.notice_days()


@write_op(Operation.CONFIGURE)
def set_notice_day(
    app: CounterApp,
    account: Account,
    day: date,
    kind: str | None,
    name: str = "",
    document: str = "",
    document_date: date | None = None,
) -> Done[None]:
    """Record a day a government notice decides (`kind=None` removes the record: the shipped notices and the
    `holidays` package decide the day again). The centre's own overrides (`set_override`) still win over it."""
    notice = None if kind is None else NoticeDay(day, kind, name, document, document_date)
    with app.store.db.atomic():  # the day and its audit entry together
        if notice is None:
            app.store.remove_notice_day(day)
        else:
            app.store.set_notice_day(notice)
        app.store.audit.record(
            AuditKind.SETTING_CHANGE.value,
            account.username,
            details={
                "key": f"calendar_notice.{day.isoformat()}",
                "to": kind or "",
                "name": name,
                "document": document,
                "document_date": document_date.isoformat() if document_date else "",
            },
        )
    return Done(None, Changes.of(Scope.CALENDAR))


@read_op(Operation.VIEW)
def processing_units(app: CounterApp, account: Account) -> list[tuple[str, str]]:
    return app.store.processing_units()


@write_op(Operation.CONFIGURE)
def set_processing_units(app: CounterApp, account: Account, units: list[tuple[str, str]]) -> Done[None]:
    app.store.set_processing_units(units)
    app.store.audit.record(
        AuditKind.SETTING_CHANGE.value,
        account.username,
        details={"key": "processing_units", "count": len(units)},
    )
    return Done(None, Changes.of(Scope.SETTINGS))
