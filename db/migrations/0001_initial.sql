-- 0001: the counter's local cache: unit, catalogue, calendar overrides, accounts, dossiers with history,
-- code sequences, the outbox, sync state, drafts, and the tone-folded search index.

CREATE TABLE unit_config (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    agency_id     TEXT NOT NULL,
    agency_name   TEXT NOT NULL,
    parent_body   TEXT NOT NULL,
    place         TEXT NOT NULL,
    counter       INTEGER NOT NULL CHECK (counter BETWEEN 1 AND 99),
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);

CREATE TABLE unit_setting (                    -- business settings that sync (office hours, due-soon rule)
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);

CREATE TABLE procedure (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    name_folded   TEXT NOT NULL,
    field         TEXT NOT NULL,
    data          TEXT NOT NULL,            -- JSON, core.catalogue.procedure_to_dict
    active        INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL
);

CREATE TABLE calendar_override (
    day           TEXT PRIMARY KEY,         -- YYYY-MM-DD
    kind          TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    name          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);

CREATE TABLE account (
    username      TEXT PRIMARY KEY,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('officer', 'processor', 'leader', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL
);

CREATE TABLE processing_unit (
    name          TEXT PRIMARY KEY,
    kind          TEXT NOT NULL DEFAULT 'department',   -- department | agency
    active        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE dossier (
    id              TEXT PRIMARY KEY,                  -- UUIDv7 made on the counter
    code            TEXT UNIQUE,                       -- mã hồ sơ, NULL when never received
    agency_id       TEXT NOT NULL,
    procedure_code  TEXT NOT NULL,
    field           TEXT NOT NULL,
    applicant_name  TEXT NOT NULL,
    applicant_id    TEXT NOT NULL DEFAULT '',
    applicant_phone TEXT NOT NULL DEFAULT '',
    status          INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
    channel         INTEGER NOT NULL DEFAULT 1,
    received_at     TEXT NOT NULL,
    appointment     TEXT,
    due_at          TEXT,                              -- effective deadline (supplement waiting excluded)
    finished_at     TEXT,
    officer         TEXT NOT NULL,
    counter         INTEGER NOT NULL,
    unit            TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    data            TEXT NOT NULL,                     -- JSON, core.serial.dossier_to_dict without history
    updated_at      TEXT NOT NULL
);
CREATE INDEX dossier_status_due ON dossier (status, due_at);
CREATE INDEX dossier_received ON dossier (received_at);
CREATE INDEX dossier_procedure ON dossier (procedure_code);

CREATE TABLE dossier_event (
    id            TEXT PRIMARY KEY,
    dossier_id    TEXT NOT NULL REFERENCES dossier (id) ON DELETE RESTRICT,
    seq           INTEGER NOT NULL,
    at            TEXT NOT NULL,
    officer       TEXT NOT NULL,
    action        TEXT NOT NULL,
    from_status   INTEGER,
    to_status     INTEGER NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    receiver      TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    data          TEXT NOT NULL DEFAULT '{}',
    device_time   TEXT NOT NULL,
    UNIQUE (dossier_id, seq)
);

CREATE TABLE code_sequence (
    agency_id     TEXT NOT NULL,
    day           TEXT NOT NULL,                       -- YYMMDD
    slot          INTEGER NOT NULL,
    last_number   INTEGER NOT NULL,
    PRIMARY KEY (agency_id, day, slot)
);

CREATE TABLE book_sequence (
    volume        TEXT PRIMARY KEY,                    -- e.g. "2026" (one tracking-book volume per year)
    last_entry    INTEGER NOT NULL
);

CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id     TEXT NOT NULL UNIQUE,                -- UUIDv7 made on the counter
    dossier_id    TEXT,
    kind          TEXT NOT NULL,                       -- dossier.create, dossier.event, …
    payload       TEXT NOT NULL,                       -- JSON
    officer       TEXT NOT NULL,
    counter       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,                       -- device time
    state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'parked')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    sent_at       TEXT
);
CREATE INDEX outbox_state ON outbox (state, seq);

CREATE TABLE sync_state (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);

CREATE TABLE draft (
    key           TEXT PRIMARY KEY,
    data          TEXT NOT NULL,
    saved_at      TEXT NOT NULL
);

-- rowid = dossier.rowid; body = code, name, identifier and phone folded by core.text.fold
CREATE VIRTUAL TABLE dossier_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 0'
);
