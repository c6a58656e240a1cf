-- Reading lists: a reader's named lists of papers, private or public (a stable URL and an Atom
-- feed), ordered by position, with a short note per paper.
CREATE TABLE reading_lists (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  name       TEXT NOT NULL,
  public     INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX reading_lists_user ON reading_lists (user_id);

CREATE TABLE list_items (
  list_id  TEXT NOT NULL REFERENCES reading_lists (id) ON DELETE CASCADE,
  paper_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  note     TEXT,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (list_id, paper_id)
);
CREATE INDEX list_items_paper ON list_items (paper_id);
