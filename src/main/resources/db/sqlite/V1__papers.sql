-- Papers: the source of truth. Lists are stored as text (JSON arrays, or space-separated for
-- categories and "n:date" pairs for versions) so the same schema works on SQLite and PostgreSQL.
CREATE TABLE papers (
  id               TEXT PRIMARY KEY,
  provisional      INTEGER NOT NULL,
  title_hash       INTEGER NOT NULL,
  title            TEXT NOT NULL,
  abstract         TEXT NOT NULL,
  authors          TEXT NOT NULL,
  author_count     INTEGER NOT NULL,
  categories       TEXT NOT NULL,
  primary_category TEXT,
  versions         TEXT NOT NULL,
  published        TEXT,
  updated          TEXT,
  doi              TEXT,
  journal_ref      TEXT,
  comments         TEXT,
  code_url         TEXT,
  project_url      TEXT,
  upvotes          INTEGER,
  num_comments     INTEGER,
  daily_date       TEXT,
  ai_summary       TEXT,
  ai_keywords      TEXT NOT NULL,
  sources          TEXT NOT NULL,
  authority        TEXT NOT NULL,
  deleted_on       TEXT
);

-- Title matching (page captures ↔ arXiv records) looks papers up by a 64-bit hash of the
-- normalised title: an 8-byte index entry instead of a ~70-byte text one keeps bulk imports fast.
-- Candidates are re-checked against the full key in code, so a collision cannot merge papers.
CREATE INDEX papers_title_hash ON papers (title_hash);
CREATE INDEX papers_daily_date ON papers (daily_date) WHERE daily_date IS NOT NULL;
CREATE INDEX papers_provisional ON papers (provisional) WHERE provisional = 1;
