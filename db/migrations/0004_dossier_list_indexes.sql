-- 0004: the dossier list's indexes (filters, sorts, counts, deadline views) built once at upgrade time
-- rather than on first use of the list, where building them at 1M rows could block receipts.

CREATE INDEX IF NOT EXISTS dossier_list_cover ON dossier (received_at, status, due_at, finished_at, code, procedure_code, field, officer, channel, unit, applicant_name, appointment, id);
CREATE INDEX IF NOT EXISTS dossier_open_due ON dossier (finished_at, due_at, status, code);
CREATE INDEX IF NOT EXISTS dossier_due ON dossier (due_at);
CREATE INDEX IF NOT EXISTS dossier_finished_late ON dossier (received_at) WHERE code IS NOT NULL AND status NOT IN (3, 8) AND finished_at > due_at;
CREATE INDEX IF NOT EXISTS dossier_event_supplement ON dossier_event (dossier_id, at) WHERE to_status = 5 AND from_status IS NOT NULL AND from_status != 5;
