"""The counter's store: one object that opens the database and offers the counter's use cases on core objects."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..core.calendar import OfficeHours, WorkingCalendar
from ..core.catalogue import procedure_from_dict, procedure_to_dict
from ..core.day_notices import NoticeDay
from ..core.errors import NotConfiguredError, NotFoundError, ValidationError
from ..core.intake import advance, apologise, receive, refuse, request_supplement
from ..core.model import Dossier, Procedure, Status, UnitConfig
from ..core.supplement import check_completable, complete
from ..core.text import fold, nfc
from . import day_notices
from .accounts import AccountRepository
from .attachments import AttachmentRepository
from .audit import AuditRepository
from .cipher import looks_encrypted
from .database import open_database
from .dossiers import BookAllocator, CodeAllocator, DossierRepository
from .files import FileStore, file_key
from .keystore import stored_key, system_key_store
from .models import bind_models

DB_NAME = "counter.sqlite3"
DEFAULT_HOURS = "07:00-11:30,13:30-17:00"
#: The unit setting naming the administrator account that `setup` created: the command line acts as it.
CLI_ADMIN_SETTING = "cli_admin_account"


class CounterStore:
    """Everything the counter keeps locally. Safe to share between threads; writes are serialised by SQLite."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self.backup_dir = self.data_dir / "backups"
        self.db = open_database(self.path, self.backup_dir)
        self.models = bind_models(self.db)
        self.audit = AuditRepository(self.db, self.models, counter=self._counter_number)
        self.accounts = AccountRepository(self.models, audit=self.audit)
        self.dossiers = DossierRepository(
            self.db, self.models, counter=self._counter_number, audit=self.audit
        )

    @functools.cached_property
    def attachments(self) -> AttachmentRepository:
        """Digitised papers; their files are encrypted when the database is (a key derived from its key)."""
        key = None
        if looks_encrypted(self.path):
            database_key = stored_key(self.data_dir, system_key_store())
            key = file_key(database_key) if database_key is not None else None
        return AttachmentRepository(self.db, FileStore(self.data_dir, key), self.audit, self._counter_number)

    def close(self) -> None:
        self.db.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file without blocking writers (run it when idle)."""
        self.db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")

    # ---- unit ------------------------------------------------------------------------------------------------
    def unit(self) -> UnitConfig | None:
        row = self.models.Unit.get_or_none(self.models.Unit.id == 1)
        if row is None:
            return None
        return UnitConfig(
            row.agency_id, row.agency_name, row.parent_body, row.place, row.counter, row.phone, row.email
        )

    def require_unit(self) -> UnitConfig:
        unit = self.unit()
        if unit is None or not unit.agency_id:
            raise NotConfiguredError("config.agency_id_missing")
        return unit

    def set_unit(self, unit: UnitConfig) -> None:
        from ..core.codes import check_agency_id

        agency_id = check_agency_id(unit.agency_id)
        if not 1 <= unit.counter <= 99:
            raise ValidationError("counter", "counter.range")
        for field_name in ("agency_name", "parent_body", "place"):
            if not nfc(getattr(unit, field_name)):
                raise ValidationError(field_name, "required")
        fields = {
            "agency_id": agency_id,
            "agency_name": nfc(unit.agency_name),
            "parent_body": nfc(unit.parent_body),
            "place": nfc(unit.place),
            "counter": unit.counter,
            "phone": unit.phone,
            "email": unit.email,
            "updated_at": _now(),
        }
        self.models.Unit.insert(id=1, **fields).on_conflict("replace").execute()

    def _counter_number(self) -> int:
        return self.require_unit().counter

    # ---- business settings -------------------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        row = self.models.UnitSetting.get_or_none(self.models.UnitSetting.key == key)
        return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        self.models.UnitSetting.insert(key=key, value=value).on_conflict("replace").execute()

    def office_hours(self) -> OfficeHours:
        return OfficeHours.parse(self.setting("office_hours", DEFAULT_HOURS))

    # ---- catalogue -----------------------------------------------------------------------------------------
    def procedures(self) -> list[Procedure]:
        P = self.models.Procedure
        return [procedure_from_dict(json.loads(r.data)) for r in P.select().where(P.active).order_by(P.code)]

    def procedure(self, code: str) -> Procedure:
        row = self.models.Procedure.get_or_none(self.models.Procedure.code == code.strip())
        if row is None:
            raise NotFoundError(kind="procedure", key=code)
        return procedure_from_dict(json.loads(row.data))

    def search_procedures(self, text: str) -> list[Procedure]:
        """Every word of `text`, folded, must appear in the folded code, name or field."""
        words = fold(text).split()
        return [p for p in self.procedures() if all(w in fold(f"{p.code} {p.name} {p.field}") for w in words)]

    def replace_catalogue(self, procedures: Sequence[Procedure]) -> None:
        """Install a validated catalogue: new and changed procedures written, missing ones deactivated."""
        P = self.models.Procedure
        with self.db.atomic():
            P.update(active=False).execute()
            for p in procedures:
                P.insert(
                    code=p.code,
                    name=p.name,
                    name_folded=fold(p.name),
                    field=p.field,
                    data=json.dumps(procedure_to_dict(p), ensure_ascii=False),
                    active=True,
                    updated_at=_now(),
                ).on_conflict("replace").execute()

    def catalogue_is_empty(self) -> bool:
        return not self.models.Procedure.select().exists()

    # ---- calendar ------------------------------------------------------------------------------------------
    def calendar(self) -> WorkingCalendar:
        """Office hours, the `holidays` package, the government's notices (shipped, then recorded) and the
        centre's own overrides, in rising order of precedence."""
        off: list[date] = []
        work: list[date] = []
        for row in self.models.CalendarOverride.select():
            (off if row.kind == "off" else work).append(date.fromisoformat(row.day))
        notices = day_notices.load_day_notices().with_days(day_notices.recorded_days(self.models))
        return WorkingCalendar(self.office_hours(), days_off=off, working_days=work, notices=notices)

    def notice_days(self) -> list[NoticeDay]:
        """The notice days recorded in this database (`calendar set-day`, or published by the server)."""
        return day_notices.recorded_days(self.models)

    def set_notice_day(self, notice: NoticeDay) -> None:
        day_notices.record_day(self.models, notice)

    def remove_notice_day(self, day: date) -> None:
        day_notices.forget_day(self.models, day)

    def set_override(self, day: date, kind: str, name: str = "") -> None:
        if kind not in ("off", "work"):
            raise ValidationError("kind", "calendar.kind")
        self.models.CalendarOverride.insert(
            day=day.isoformat(), kind=kind, name=nfc(name), updated_at=_now()
        ).on_conflict("replace").execute()

    def remove_override(self, day: date) -> None:
        self.models.CalendarOverride.delete().where(
            self.models.CalendarOverride.day == day.isoformat()
        ).execute()

    def overrides(self) -> list[tuple[date, str, str]]:
        C = self.models.CalendarOverride
        return [(date.fromisoformat(r.day), r.kind, r.name) for r in C.select().order_by(C.day)]

    # ---- processing units (the centre's departments and partner agencies) ----------------------------------
    def processing_units(self) -> list[tuple[str, str]]:
        U = self.models.ProcessingUnit
        return [(r.name, r.kind) for r in U.select().where(U.active).order_by(U.kind, U.name)]

    def set_processing_units(self, units: Iterable[tuple[str, str]]) -> None:
        U = self.models.ProcessingUnit
        with self.db.atomic():
            U.update(active=False).execute()
            for name, kind in units:
                U.insert(name=nfc(name), kind=kind, active=True).on_conflict("replace").execute()

    # ---- drafts (typed-half-way intake forms survive a crash) ------------------------------------------------
    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        self.models.Draft.insert(
            key=key, data=json.dumps(data, ensure_ascii=False), saved_at=_now()
        ).on_conflict("replace").execute()

    def load_draft(self, key: str) -> dict[str, Any] | None:
        row = self.models.Draft.get_or_none(self.models.Draft.key == key)
        return json.loads(row.data) if row else None

    def clear_draft(self, key: str) -> None:
        self.models.Draft.delete().where(self.models.Draft.key == key).execute()

    # ---- use cases -----------------------------------------------------------------------------------------
    def receive(self, draft: Dossier) -> Dossier:
        """Receive a complete dossier: code and tracking-book entry allocated with the insert, appointment computed."""
        self.require_unit()
        p = draft.procedure
        appointment = self.calendar().appointment_for(
            draft.received_at, p.duration, p.duration_unit, p.same_day_cutoff
        )
        return self.dossiers.create(
            lambda allocate: receive(draft, allocate(draft.received_at.date()), appointment), draft.officer
        )

    def complete(self, key: str, revised: Dossier) -> Dossier:
        """Receive the intake `key` (its ID) that waited for papers, now that they are in (`core.supplement`):
        `revised` is the intake as the officer has it now; its code, this counter's book entry and the appointment
        are counted from `revised.received_at`, all in one transaction with the event and its outbox entry."""
        slot = self.require_unit().counter
        revised = replace(revised, counter=slot)
        at = revised.received_at

        def decide(before: Dossier, allocate: CodeAllocator, book: BookAllocator) -> Dossier:
            check_completable(before, key)
            p = before.procedure
            appointment = self.calendar().appointment_for(at, p.duration, p.duration_unit, p.same_day_cutoff)
            volume, entry = book(slot, at.year)
            return complete(
                before,
                revised,
                code=allocate(at.date()),
                appointment=appointment,
                book_volume=volume,
                book_entry=entry,
            )

        return self.dossiers.complete(key, decide, revised.officer)

    def request_supplement(self, draft: Dossier, missing: Iterable[str], reason: str) -> Dossier:
        return self.dossiers.create(
            lambda _allocate: request_supplement(draft, list(missing), reason), draft.officer
        )

    def refuse(self, draft: Dossier, reason: str) -> Dossier:
        return self.dossiers.create(lambda _allocate: refuse(draft, reason), draft.officer)

    def advance(
        self,
        key: str,
        target: Status,
        *,
        officer: str,
        at: datetime | None = None,
        unit: str = "",
        receiver: str = "",
        note: str = "",
        action: str = "advance",
        data: dict[str, object] | None = None,
        check: Callable[[Dossier], None] | None = None,
    ) -> Dossier:
        """One step of the dossier's path; `check` may refuse it from the stored dossier before anything changes."""
        before = self.dossiers.get(key)
        if check is not None:
            check(before)
        after = advance(
            before,
            target,
            officer=officer,
            at=at or datetime.now(),
            unit=unit,
            receiver=receiver,
            note=note,
            action=action,
            data=data,
        )
        return self.dossiers.update(before, after, officer)

    def apologise(
        self,
        key: str,
        *,
        officer: str,
        new_appointment: datetime,
        reason: str,
        at: datetime | None = None,
        agency: str = "",
        signer: str = "",
    ) -> Dossier:
        before = self.dossiers.get(key)
        after = apologise(
            before,
            officer=officer,
            at=at or datetime.now(),
            new_appointment=new_appointment,
            reason=reason,
            agency=agency,
            signer=signer,
        )
        return self.dossiers.update(before, after, officer)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")
