"""Peewee models mirroring the SQL migrations (the migrations create the tables; these only read and write)."""

from __future__ import annotations

from types import SimpleNamespace

from peewee import (
    BooleanField,
    CharField,
    Database,
    IntegerField,
    Model,
    TextField,
)


def bind_models(db: Database) -> SimpleNamespace:
    """Model classes bound to `db` alone, so several stores can live in one process (tests, tools)."""

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class UnitConfigRow(Base):
        id = IntegerField(primary_key=True)
        agency_id = TextField()
        agency_name = TextField()
        parent_body = TextField()
        place = TextField()
        counter = IntegerField()
        phone = TextField(default="")
        email = TextField(default="")
        updated_at = TextField()

        class Meta:
            table_name = "unit_config"

    class UnitSettingRow(Base):
        key = TextField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "unit_setting"

    class ProcedureRow(Base):
        code = TextField(primary_key=True)
        name = TextField()
        name_folded = TextField()
        field = TextField()
        data = TextField()
        active = BooleanField(default=True)
        updated_at = TextField()

        class Meta:
            table_name = "procedure"

    class CalendarOverrideRow(Base):
        day = TextField(primary_key=True)
        kind = TextField()
        name = TextField(default="")
        updated_at = TextField()

        class Meta:
            table_name = "calendar_override"

    class CalendarNoticeDayRow(Base):
        day = TextField(primary_key=True)
        kind = TextField()
        name = TextField(default="")
        document = TextField(default="")
        document_date = TextField(null=True)
        updated_at = TextField()

        class Meta:
            table_name = "calendar_notice_day"

    class AccountRow(Base):
        username = TextField(primary_key=True)
        full_name = TextField()
        role = TextField()
        password_hash = TextField()
        active = BooleanField(default=True)
        created_at = TextField()

        class Meta:
            table_name = "account"

    class ProcessingUnitRow(Base):
        name = TextField(primary_key=True)
        kind = TextField(default="department")
        active = BooleanField(default=True)

        class Meta:
            table_name = "processing_unit"

    class DossierRow(Base):
        id = TextField(primary_key=True)
        code = TextField(null=True, unique=True)
        agency_id = TextField()
        procedure_code = TextField()
        field = TextField()
        applicant_name = TextField()
        applicant_id = TextField(default="")
        applicant_phone = TextField(default="")
        status = IntegerField()
        channel = IntegerField(default=1)
        received_at = TextField()
        appointment = TextField(null=True)
        due_at = TextField(null=True)
        finished_at = TextField(null=True)
        officer = TextField()
        counter = IntegerField()
        unit = TextField(default="")
        version = IntegerField(default=1)
        data = TextField()
        updated_at = TextField()

        class Meta:
            table_name = "dossier"

    class DossierEventRow(Base):
        id = TextField(primary_key=True)
        dossier_id = TextField()
        seq = IntegerField()
        at = TextField()
        officer = TextField()
        action = TextField()
        from_status = IntegerField(null=True)
        to_status = IntegerField()
        unit = TextField(default="")
        receiver = TextField(default="")
        note = TextField(default="")
        data = TextField(default="{}")
        device_time = TextField()

        class Meta:
            table_name = "dossier_event"

    class CodeSequenceRow(Base):
        agency_id = TextField()
        day = TextField()
        slot = IntegerField()
        last_number = IntegerField()

        class Meta:
            table_name = "code_sequence"
            primary_key = False

    class OutboxRow(Base):
        seq = IntegerField(primary_key=True)
        change_id = TextField(unique=True)
        dossier_id = TextField(null=True)
        kind = TextField()
        payload = TextField()
        officer = TextField()
        counter = IntegerField()
        created_at = TextField()
        state = CharField(default="pending")
        attempts = IntegerField(default=0)
        last_error = TextField(default="")
        sent_at = TextField(null=True)

        class Meta:
            table_name = "outbox"

    class SyncStateRow(Base):
        key = TextField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "sync_state"

    class DraftRow(Base):
        key = TextField(primary_key=True)
        data = TextField()
        saved_at = TextField()

        class Meta:
            table_name = "draft"

    return SimpleNamespace(
        Unit=UnitConfigRow,
        UnitSetting=UnitSettingRow,
        Procedure=ProcedureRow,
        CalendarOverride=CalendarOverrideRow,
        CalendarNoticeDay=CalendarNoticeDayRow,
        Account=AccountRow,
        ProcessingUnit=ProcessingUnitRow,
        Dossier=DossierRow,
        Event=DossierEventRow,
        CodeSequence=CodeSequenceRow,
        Outbox=OutboxRow,
        SyncState=SyncStateRow,
        Draft=DraftRow,
    )
