-- 0006: failed sign-ins in a row per typed name and until when that name must wait (counter_app/core/signin.py).
-- Kept in the database so that restarting the application does not reset a lockout. Names that are no account
-- are counted too, so the answers never tell a real user name from an invented one.

CREATE TABLE IF NOT EXISTS signin_throttle (
    username     TEXT PRIMARY KEY,   -- as typed: NFC, lower case
    failures     INTEGER NOT NULL,
    last_failure TEXT NOT NULL,      -- ISO local time
    locked_until TEXT                -- ISO local time, NULL while under the threshold
);
