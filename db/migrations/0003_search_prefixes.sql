-- 0003: prefix indexes on the dossier search table so short typed prefixes ("09", "ngu") stay fast at 1M rows.
-- The folded text is copied over as it is (folding happened in Python when it was written).

CREATE VIRTUAL TABLE dossier_search_new USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3 4'
);
INSERT INTO dossier_search_new (rowid, body) SELECT rowid, body FROM dossier_search;
DROP TABLE dossier_search;
ALTER TABLE dossier_search_new RENAME TO dossier_search;
