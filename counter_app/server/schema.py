"""The server's numbered migrations, written out as SQL, applied in order and recorded in `schema_version`.

One SQL text serves both engines; `{id}` becomes an auto-numbered 64-bit key (SQLite
`INTEGER PRIMARY KEY AUTOINCREMENT`, PostgreSQL `BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY`).
A migration never changes once released: a new shape is a new number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import Database

from ..core.wire import time_text, utc_now
from .database import is_postgres


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial",
        (
            """CREATE TABLE agencies (
                agency_id    TEXT PRIMARY KEY,
                created_at   TEXT NOT NULL
            )""",
            """CREATE TABLE counters (
                id           {id},
                agency_id    TEXT NOT NULL REFERENCES agencies (agency_id),
                number       INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
                token_hash   TEXT NOT NULL UNIQUE,
                revoked      BOOLEAN NOT NULL DEFAULT FALSE,
                created_at   TEXT NOT NULL,
                revoked_at   TEXT,
                UNIQUE (agency_id, number)
            )""",
            """CREATE TABLE dossiers (
                id           TEXT PRIMARY KEY,
                code         TEXT UNIQUE,
                agency_id    TEXT NOT NULL REFERENCES agencies (agency_id),
                counter      INTEGER NOT NULL,
                status       INTEGER NOT NULL,
                version      INTEGER NOT NULL,
                data         TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                updated_at   TEXT NOT NULL
            )""",
            "CREATE INDEX dossiers_agency ON dossiers (agency_id)",
            """CREATE TABLE events (
                id           TEXT PRIMARY KEY,
                dossier_id   TEXT NOT NULL REFERENCES dossiers (id),
                seq          INTEGER NOT NULL,
                change_id    TEXT NOT NULL,
                UNIQUE (dossier_id, seq)
            )""",
            """CREATE TABLE changes (
                change_id    TEXT PRIMARY KEY,
                agency_id    TEXT NOT NULL,
                counter      INTEGER NOT NULL,
                kind         TEXT NOT NULL,
                dossier_id   TEXT,
                content_hash TEXT NOT NULL,
                result       TEXT NOT NULL,
                reason       TEXT NOT NULL DEFAULT '',
                version      INTEGER,
                attempts     INTEGER NOT NULL DEFAULT 1,
                device_time  TEXT NOT NULL,
                received_at  TEXT NOT NULL,
                decided_at   TEXT NOT NULL
            )""",
            "CREATE INDEX changes_result ON changes (agency_id, result)",
            """CREATE TABLE catalogues (
                agency_id    TEXT PRIMARY KEY REFERENCES agencies (agency_id),
                data         TEXT NOT NULL,
                updated_at   TEXT NOT NULL
            )""",
            """CREATE TABLE calendar_overrides (
                agency_id    TEXT NOT NULL REFERENCES agencies (agency_id),
                day          TEXT NOT NULL,
                kind         TEXT,
                name         TEXT NOT NULL DEFAULT '',
                updated_at   TEXT NOT NULL,
                PRIMARY KEY (agency_id, day)
            )""",
            """CREATE TABLE change_log (
                log_id       {id},
                agency_id    TEXT NOT NULL,
                kind         TEXT NOT NULL,
                item_key     TEXT NOT NULL,
                logged_at    TEXT NOT NULL
            )""",
            "CREATE INDEX change_log_agency ON change_log (agency_id, log_id)",
        ),
    ),
    Migration(
        2,
        "one_time_tokens",
        (
            # The one-time token (token_hash) enrols one installation, which gets its own credential. Counters
            # enrolled before this migration keep using their token as their credential until re-enrolled.
            "ALTER TABLE counters ADD COLUMN credential_hash TEXT",
            "ALTER TABLE counters ADD COLUMN enrolled_at TEXT",
            "ALTER TABLE counters ADD COLUMN installations INTEGER NOT NULL DEFAULT 0",
            "UPDATE counters SET credential_hash = token_hash",
            "CREATE UNIQUE INDEX counters_credential ON counters (credential_hash)",
            "CREATE INDEX dossiers_slot ON dossiers (agency_id, counter)",
        ),
    ),
    Migration(
        3,
        "audit_chains",
        (
            # Each installation's audit chain as the counter sent it; entries after a fork stay, superseded.
            """CREATE TABLE audit_chain (
                id           {id},
                agency_id    TEXT NOT NULL,
                counter      INTEGER NOT NULL,
                chain_id     TEXT NOT NULL,
                seq          BIGINT NOT NULL,
                entry_id     TEXT NOT NULL,
                kind         TEXT NOT NULL,
                actor        TEXT NOT NULL,
                at           TEXT NOT NULL,
                prev_hash    TEXT NOT NULL,
                hash         TEXT NOT NULL,
                data         TEXT NOT NULL,
                received_at  TEXT NOT NULL,
                superseded   BOOLEAN NOT NULL DEFAULT FALSE
            )""",
            "CREATE UNIQUE INDEX audit_chain_head ON audit_chain (agency_id, counter, chain_id, seq) "
            "WHERE superseded = FALSE",
            """CREATE TABLE audit_incidents (
                id           {id},
                agency_id    TEXT NOT NULL,
                counter      INTEGER NOT NULL,
                chain_id     TEXT NOT NULL,
                seq          BIGINT NOT NULL,
                kind         TEXT NOT NULL,
                detail       TEXT NOT NULL DEFAULT '',
                at           TEXT NOT NULL
            )""",
            "CREATE INDEX audit_incidents_agency ON audit_incidents (agency_id, id)",
        ),
    ),
    Migration(
        4,
        "change_actors",
        (
            # Who made each change: "<agency>/<counter>/<account>", from the credential and the counter's account.
            "ALTER TABLE changes ADD COLUMN actor TEXT NOT NULL DEFAULT ''",
        ),
    ),
    Migration(
        5,
        "code_slot_digits",
        (
            # Each agency's dossier-code slot width (core/codes.py): 2 for every agency that existed before
            # (their codes were all issued with two-digit slots), 1 or 2 as chosen by `add-counter --slot-digits`.
            "ALTER TABLE agencies ADD COLUMN slot_digits INTEGER NOT NULL DEFAULT 2 CHECK (slot_digits IN (1, 2))",
        ),
    ),
    Migration(
        6,
        "calendar_notice_days",
        (
            # Days a government day-off notice decides, published with their document (`set-day --document`);
            # counters keep them under their own overrides (core/day_notices.py). kind NULL once removed.
            """CREATE TABLE calendar_notice_days (
                agency_id     TEXT NOT NULL REFERENCES agencies (agency_id),
                day           TEXT NOT NULL,
                kind          TEXT,
                name          TEXT NOT NULL DEFAULT '',
                document      TEXT NOT NULL DEFAULT '',
                document_date TEXT,
                updated_at    TEXT NOT NULL,
                PRIMARY KEY (agency_id, day)
            )""",
        ),
    ),
    Migration(
        7,
        "national_portal",
        (
            # A unit's connection to the National Public Service Portal's adapter (server/portal_*.py). The
            # password is never here: the file it is read from, or the environment variable that holds it.
            # The worker's lease (one sender per unit across processes) and its last outcome live on the row.
            """CREATE TABLE portal_units (
                agency_id        TEXT PRIMARY KEY REFERENCES agencies (agency_id),
                adapter_url      TEXT NOT NULL,
                auth_path        TEXT NOT NULL,
                integration_path TEXT NOT NULL,
                share_path       TEXT NOT NULL,
                unit_code        TEXT NOT NULL,
                unit_name        TEXT NOT NULL DEFAULT '',
                username         TEXT NOT NULL,
                password_file    TEXT,
                password_env     TEXT,
                enabled          BOOLEAN NOT NULL DEFAULT TRUE,
                updated_at       TEXT NOT NULL,
                lease_owner      TEXT,
                lease_until      TEXT,
                failures         INTEGER NOT NULL DEFAULT 0,
                retry_at         TEXT,
                last_success_at  TEXT,
                last_error_at    TEXT,
                last_error       TEXT NOT NULL DEFAULT ''
            )""",
            # What the portal must hear, in order per dossier: its state ('dossier') and each step ('step', one
            # per history event). Written in the transaction that applies the counter's change.
            """CREATE TABLE portal_queue (
                id           {id},
                agency_id    TEXT NOT NULL,
                dossier_id   TEXT NOT NULL,
                kind         TEXT NOT NULL CHECK (kind IN ('dossier', 'step')),
                event_id     TEXT,
                state        TEXT NOT NULL DEFAULT 'queued'
                             CHECK (state IN ('queued', 'sending', 'sent', 'parked')),
                attempts     INTEGER NOT NULL DEFAULT 0,
                queued_at    TEXT NOT NULL,
                sent_at      TEXT,
                error        TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX portal_queue_pending ON portal_queue (agency_id, state, id)",
            "CREATE INDEX portal_queue_dossier ON portal_queue (dossier_id, id)",
            "CREATE UNIQUE INDEX portal_queue_step ON portal_queue (event_id)",
            # The dossiers the portal holds (sent with isUpdating "False" once, "True" from then on).
            """CREATE TABLE portal_dossiers (
                dossier_id   TEXT PRIMARY KEY,
                agency_id    TEXT NOT NULL,
                code         TEXT NOT NULL,
                synced_at    TEXT NOT NULL,
                updated_at   TEXT NOT NULL
            )""",
            "CREATE INDEX portal_dossiers_agency ON portal_dossiers (agency_id)",
        ),
    ),
    Migration(
        8,
        "shared_auth_throttle",
        (
            # Failed sign-ins and authentications counted in the database, so that every server process behind
            # the same database throttles the same key together (guard.py, the web console's sign-in).
            """CREATE TABLE auth_throttle (
                key           TEXT PRIMARY KEY,
                failures      INTEGER NOT NULL DEFAULT 0,
                window_start  TEXT NOT NULL,
                blocked_until TEXT,
                blocks        INTEGER NOT NULL DEFAULT 0,
                updated_at    TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        9,
        "web_console",
        (
            # The web console's accounts (server/console): the IT officer ('admin'), a unit's leader (bound to its
            # agency) and the province's leader; argon2 password hashes.
            """CREATE TABLE server_accounts (
                id            {id},
                username      TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                role          TEXT NOT NULL CHECK (role IN ('admin', 'unit-leader', 'province-leader')),
                agency_id     TEXT,
                created_at    TEXT NOT NULL,
                disabled      BOOLEAN NOT NULL DEFAULT FALSE,
                CHECK ((role = 'unit-leader') = (agency_id IS NOT NULL))
            )""",
            # Signed-in browsers: the cookie's SHA-256 (never the cookie), the form token, and both expiries.
            """CREATE TABLE console_sessions (
                token_hash    TEXT PRIMARY KEY,
                account_id    BIGINT NOT NULL REFERENCES server_accounts (id),
                csrf_token    TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                expires_at    TEXT NOT NULL,
                last_seen_at  TEXT NOT NULL
            )""",
            "CREATE INDEX console_sessions_account ON console_sessions (account_id)",
            # Every administrative action, from the console (actor: the account) or the command line ("cli").
            """CREATE TABLE console_audit (
                id            {id},
                at            TEXT NOT NULL,
                actor         TEXT NOT NULL,
                action        TEXT NOT NULL,
                detail        TEXT NOT NULL DEFAULT ''
            )""",
            # What each counter last told the server (headers of its pushes and pulls), for the console.
            "ALTER TABLE counters ADD COLUMN last_seen_at TEXT",
            "ALTER TABLE counters ADD COLUMN app_version TEXT",
            "ALTER TABLE counters ADD COLUMN pending_changes INTEGER",
            "ALTER TABLE counters ADD COLUMN clock_skew_ms BIGINT",
        ),
    ),
    Migration(
        10,
        "digitised_papers",
        (
            # Digitised papers of dossiers (a counter's `attachment.add`), and the files the server holds: by
            # agency and SHA-256, on disk under `--files` (server/files.py); a paper is fetchable once its file is.
            """CREATE TABLE attachments (
                id          TEXT PRIMARY KEY,
                agency_id   TEXT NOT NULL,
                dossier_id  TEXT NOT NULL REFERENCES dossiers (id),
                kind        TEXT NOT NULL CHECK (kind IN ('component', 'result')),
                component   INTEGER,
                name        TEXT NOT NULL,
                sha256      TEXT NOT NULL,
                pages       INTEGER NOT NULL,
                bytes       BIGINT NOT NULL,
                counter     INTEGER NOT NULL,
                created_by  TEXT NOT NULL,
                created_at  TEXT NOT NULL,
                received_at TEXT NOT NULL
            )""",
            "CREATE INDEX attachments_file ON attachments (agency_id, sha256)",
            "CREATE INDEX attachments_dossier ON attachments (dossier_id)",
            """CREATE TABLE stored_files (
                agency_id   TEXT NOT NULL,
                sha256      TEXT NOT NULL,
                bytes       BIGINT NOT NULL,
                stored_at   TEXT NOT NULL,
                PRIMARY KEY (agency_id, sha256)
            )""",
        ),
    ),
    Migration(
        11,
        "portal_file_links",
        (
            # The links the national portal downloads a unit's digitised papers from (server/portal_files.py):
            # the public address at which the portal reaches this server's `/portal/files/` route ('' = the unit
            # lists no papers), and the secret the links are signed with (32 random bytes as hex, made by the
            # unit's first `portal-config` and kept from then on; '' = none yet).
            "ALTER TABLE portal_units ADD COLUMN files_url TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE portal_units ADD COLUMN link_key TEXT NOT NULL DEFAULT ''",
        ),
    ),
)

_ID = {
    False: "INTEGER PRIMARY KEY AUTOINCREMENT",
    True: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}


def current_version(db: Database) -> int:
    """The highest applied migration (0 on an empty database)."""
    if not db.table_exists("schema_version"):
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def applied_numbers(db: Database) -> set[int]:
    return {int(r[0]) for r in db.execute_sql("SELECT version FROM schema_version").fetchall()}


def migrate(db: Database, now: datetime | None = None) -> list[int]:
    """Apply every pending migration, each in one transaction with its `schema_version` row."""
    postgres = is_postgres(db)
    with db.atomic():
        db.execute_sql(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    applied = []
    for migration in MIGRATIONS:  # every number not recorded yet, even below the highest one recorded
        if migration.number in applied_numbers(db):
            continue
        with db.atomic():
            if postgres:
                db.execute_sql("LOCK TABLE schema_version IN EXCLUSIVE MODE")
                if migration.number in applied_numbers(db):
                    continue
            for statement in migration.statements:
                db.execute_sql(statement.replace("{id}", _ID[postgres]))
            p = db.param
            db.execute_sql(
                f"INSERT INTO schema_version (version, name, applied_at) VALUES ({p}, {p}, {p})",
                (migration.number, migration.name, time_text(now or utc_now())),
            )
        applied.append(migration.number)
    return applied


def latest_version() -> int:
    return MIGRATIONS[-1].number
