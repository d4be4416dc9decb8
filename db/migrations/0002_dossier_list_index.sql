-- 0002: the dossier lists filter by status and by the unit holding the dossier, newest first
-- ("đang xử lý" at "Công chức Tư pháp - Hộ tịch"); an index on exactly that keeps them fast on a busy counter.
-- Index only: no column changes, so a database upgraded from release 0.1.0 keeps every row as it was.

CREATE INDEX IF NOT EXISTS dossier_status_unit ON dossier (status, unit, received_at);
