-- Which papers changed, in commit order: app nodes sharing a PostgreSQL store follow it to keep
-- their local Lucene index ("for you") in step with writes made by other nodes and the CLI. Only
-- the PostgreSQL store writes it; an embedded SQLite data directory has one process and no
-- followers, so the table stays empty there.
CREATE TABLE paper_changes (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  paper_id TEXT NOT NULL
);
