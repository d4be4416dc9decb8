-- 0007: days decided by a government day-off notice that an administrator recorded (`counter-app calendar set-day`)
-- or that the server published (`counter-server set-day --document …`). They win over the notices shipped in
-- db/seed/days_off.json for their dates; the centre's own overrides (calendar_override) still win over them
-- (counter_app/core/day_notices.py, counter_app/storage/day_notices.py).

CREATE TABLE IF NOT EXISTS calendar_notice_day (
    day           TEXT PRIMARY KEY,         -- YYYY-MM-DD
    kind          TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    name          TEXT NOT NULL DEFAULT '',
    document      TEXT NOT NULL DEFAULT '', -- number and symbol, e.g. 12729/VPCP-KGVX
    document_date TEXT,                     -- YYYY-MM-DD, NULL when not recorded
    updated_at    TEXT NOT NULL
);
