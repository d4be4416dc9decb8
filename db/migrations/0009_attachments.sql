-- 0009: digitised papers (storage/attachments.py). Each row is one PDF of a dossier: a component the citizen handed
-- in (`component` its number in the procedure) or the electronic result; the bytes live in the profile's file store
-- under `sha256` (storage/files.py), fetched from the server on demand for a paper another counter made.
-- `synced_at` is set once the server holds the file.

CREATE TABLE IF NOT EXISTS attachment (
    id          TEXT PRIMARY KEY,
    dossier_id  TEXT NOT NULL,  -- no foreign key: a downloaded paper may come before its dossier in a feed page
    kind        TEXT NOT NULL CHECK (kind IN ('component', 'result')),
    component   INTEGER,
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    pages       INTEGER NOT NULL CHECK (pages > 0),
    bytes       INTEGER NOT NULL CHECK (bytes > 0),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    synced_at   TEXT,
    CHECK ((kind = 'component') = (component IS NOT NULL))
);

CREATE INDEX IF NOT EXISTS attachment_dossier ON attachment (dossier_id, created_at);
