-- 0005: the tamper-evident audit trail. One chain per installation (chain_id), each entry hashed over the
-- previous entry's hash and its own canonical JSON (counter_app/core/audit.py). Entries are never changed or
-- removed: the triggers refuse it, and the hashes (checked by `counter-app audit verify` and by the server,
-- which receives the chain with the counter's changes) reveal it if the triggers are dropped.

CREATE TABLE IF NOT EXISTS audit_log (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    at         TEXT NOT NULL,
    counter    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    dossier_id TEXT,
    details    TEXT NOT NULL DEFAULT '{}',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_dossier ON audit_log (dossier_id);

CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be changed');
END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be removed');
END;
CREATE TRIGGER IF NOT EXISTS dossier_event_no_update BEFORE UPDATE ON dossier_event
BEGIN
    SELECT RAISE(ABORT, 'dossier history cannot be changed');
END;
CREATE TRIGGER IF NOT EXISTS outbox_no_delete BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'outbox entries cannot be removed');
END;
