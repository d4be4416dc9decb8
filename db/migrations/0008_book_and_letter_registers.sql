-- 0008: the registers of counter_app/storage/registers.py. The tracking book's next entry is one past the highest
-- of its volume, and a letter's next number one past the highest of its counter and year; these indexes make
-- both look-ups one index seek however many dossiers the counter holds.

CREATE INDEX IF NOT EXISTS dossier_book_entry
    ON dossier (json_extract(data, '$.book_volume'), json_extract(data, '$.book_entry'));

CREATE INDEX IF NOT EXISTS dossier_event_letter
    ON dossier_event (json_extract(data, '$.letter_slot'), substr(at, 1, 4), json_extract(data, '$.letter_number'))
    WHERE action IN ('apology', 'stop');
