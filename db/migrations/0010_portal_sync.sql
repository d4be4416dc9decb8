-- 0010: the dossiers the National Public Service Portal holds (storage/portal_sync.py). The server tells the unit's
-- counters in its feed (item `portal`) when the portal first acknowledges a dossier; the leaders' figures divide the
-- dossiers received in a period that the portal holds by the dossiers received (core/report.py). Keyed by dossier
-- ID with no foreign key: a feed page may name a dossier before the dossier itself comes down. `synced_at` is the
-- server's UTC time text (core.wire.time_text), the earliest one heard.

CREATE TABLE IF NOT EXISTS portal_sync (
    dossier_id  TEXT PRIMARY KEY,
    code        TEXT,
    synced_at   TEXT NOT NULL
);
