"""Peewee models of the server's tables (the migrations in `schema` create them; these read and write)."""

from __future__ import annotations

from types import SimpleNamespace

from peewee import (
    AutoField,
    BigAutoField,
    BigIntegerField,
    BooleanField,
    CompositeKey,
    Database,
    IntegerField,
    Model,
    TextField,
)


def bind_models(db: Database) -> SimpleNamespace:
    """Model classes bound to `db` alone, so tests and tools can open several server databases in one process."""

    class Base(Model):
        class Meta:
            database = db

    class Agency(Base):
        agency_id = TextField(primary_key=True)
        created_at = TextField()
        slot_digits = IntegerField(default=2)  # dossier-code slot width (core.codes), migration 5

        class Meta:
            table_name = "agencies"

    class Counter(Base):
        id = AutoField()
        agency_id = TextField()
        number = IntegerField()
        token_hash = TextField(unique=True)
        revoked = BooleanField(default=False)
        created_at = TextField()
        revoked_at = TextField(null=True)
        credential_hash = TextField(null=True, unique=True)
        enrolled_at = TextField(null=True)
        installations = IntegerField(default=0)
        # what the counter last told the server (migration 9; console/contact.py)
        last_seen_at = TextField(null=True)
        app_version = TextField(null=True)
        pending_changes = IntegerField(null=True)
        clock_skew_ms = BigIntegerField(null=True)

        class Meta:
            table_name = "counters"

    class Dossier(Base):
        id = TextField(primary_key=True)
        code = TextField(null=True, unique=True)
        agency_id = TextField()
        counter = IntegerField()
        status = IntegerField()
        version = IntegerField()
        data = TextField()
        created_at = TextField()
        updated_at = TextField()

        class Meta:
            table_name = "dossiers"

    class Event(Base):
        id = TextField(primary_key=True)
        dossier_id = TextField()
        seq = IntegerField()
        change_id = TextField()

        class Meta:
            table_name = "events"

    class Change(Base):
        change_id = TextField(primary_key=True)
        agency_id = TextField()
        counter = IntegerField()
        kind = TextField()
        dossier_id = TextField(null=True)
        content_hash = TextField()
        result = TextField()
        reason = TextField(default="")
        version = IntegerField(null=True)
        attempts = IntegerField(default=1)
        device_time = TextField()
        received_at = TextField()
        decided_at = TextField()
        actor = TextField(default="")

        class Meta:
            table_name = "changes"

    class Catalogue(Base):
        agency_id = TextField(primary_key=True)
        data = TextField()
        updated_at = TextField()

        class Meta:
            table_name = "catalogues"

    class CalendarOverride(Base):
        agency_id = TextField()
        day = TextField()
        kind = TextField(null=True)  # "off" | "work" | NULL once removed
        name = TextField(default="")
        updated_at = TextField()

        class Meta:
            table_name = "calendar_overrides"
            primary_key = CompositeKey("agency_id", "day")

    class CalendarNoticeDay(Base):
        agency_id = TextField()
        day = TextField()
        kind = TextField(null=True)  # "off" | "work" | NULL once removed
        name = TextField(default="")
        document = TextField(default="")
        document_date = TextField(null=True)
        updated_at = TextField()

        class Meta:
            table_name = "calendar_notice_days"
            primary_key = CompositeKey("agency_id", "day")

    class ChangeLog(Base):
        log_id = BigAutoField()
        agency_id = TextField()
        kind = TextField()  # "dossier" | "catalogue" | "calendar" | "calendar_notice" | …
        item_key = TextField()  # dossier ID, "" for the catalogue, YYYY-MM-DD for a calendar day
        logged_at = TextField()

        class Meta:
            table_name = "change_log"

    class PortalUnit(Base):
        agency_id = TextField(primary_key=True)
        adapter_url = TextField()
        auth_path = TextField()
        integration_path = TextField()
        share_path = TextField()
        unit_code = TextField()
        unit_name = TextField(default="")
        username = TextField()
        password_file = TextField(null=True)  # the password is read from here at each new session
        password_env = TextField(null=True)  # … or from this environment variable; never stored
        enabled = BooleanField(default=True)
        updated_at = TextField()
        lease_owner = TextField(null=True)
        lease_until = TextField(null=True)
        failures = IntegerField(default=0)
        retry_at = TextField(null=True)
        last_success_at = TextField(null=True)
        last_error_at = TextField(null=True)
        last_error = TextField(default="")
        files_url = TextField(default="")  # where the portal fetches the unit's papers ('' = not listed)
        link_key = TextField(default="")  # the secret the file links are signed with (migration 11)

        class Meta:
            table_name = "portal_units"

    class PortalQueue(Base):
        id = BigAutoField()
        agency_id = TextField()
        dossier_id = TextField()
        kind = TextField()  # "dossier" | "step"
        event_id = TextField(null=True)
        state = TextField(default="queued")  # queued | sending | sent | parked
        attempts = IntegerField(default=0)
        queued_at = TextField()
        sent_at = TextField(null=True)
        error = TextField(default="")

        class Meta:
            table_name = "portal_queue"

    class PortalDossier(Base):
        dossier_id = TextField(primary_key=True)
        agency_id = TextField()
        code = TextField()
        synced_at = TextField()
        updated_at = TextField()

        class Meta:
            table_name = "portal_dossiers"

    class Attachment(Base):
        id = TextField(primary_key=True)
        agency_id = TextField()
        dossier_id = TextField()
        kind = TextField()  # "component" | "result"
        component = IntegerField(null=True)
        name = TextField()
        sha256 = TextField()
        pages = IntegerField()
        bytes = BigIntegerField()
        counter = IntegerField()
        created_by = TextField()
        created_at = TextField()
        received_at = TextField()

        class Meta:
            table_name = "attachments"

    class StoredFile(Base):
        agency_id = TextField()
        sha256 = TextField()
        bytes = BigIntegerField()
        stored_at = TextField()

        class Meta:
            table_name = "stored_files"
            primary_key = CompositeKey("agency_id", "sha256")

    class ServerAccount(Base):  # the web console's accounts (migration 9)
        id = BigAutoField()
        username = TextField(unique=True)
        password_hash = TextField()
        role = TextField()  # "admin" | "unit-leader" | "province-leader"
        agency_id = TextField(null=True)  # a unit leader's unit; NULL for the other roles
        created_at = TextField()
        disabled = BooleanField(default=False)

        class Meta:
            table_name = "server_accounts"

    class ConsoleSession(Base):
        token_hash = TextField(primary_key=True)
        account_id = BigIntegerField()
        csrf_token = TextField()
        created_at = TextField()
        expires_at = TextField()
        last_seen_at = TextField()

        class Meta:
            table_name = "console_sessions"

    class ConsoleAudit(Base):
        id = BigAutoField()
        at = TextField()
        actor = TextField()
        action = TextField()
        detail = TextField(default="")

        class Meta:
            table_name = "console_audit"

    return SimpleNamespace(
        db=db,
        ServerAccount=ServerAccount,
        ConsoleSession=ConsoleSession,
        ConsoleAudit=ConsoleAudit,
        Attachment=Attachment,
        StoredFile=StoredFile,
        PortalUnit=PortalUnit,
        PortalQueue=PortalQueue,
        PortalDossier=PortalDossier,
        Agency=Agency,
        Counter=Counter,
        Dossier=Dossier,
        Event=Event,
        Change=Change,
        Catalogue=Catalogue,
        CalendarOverride=CalendarOverride,
        CalendarNoticeDay=CalendarNoticeDay,
        ChangeLog=ChangeLog,
    )
