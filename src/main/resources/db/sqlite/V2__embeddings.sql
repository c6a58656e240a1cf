-- Sentence embeddings, one per paper and model, so that rebuilding the search index never
-- re-embeds. A paper whose title or abstract changes loses its embeddings (they are recomputed).
CREATE TABLE embeddings (
  model    TEXT NOT NULL,
  paper_id TEXT NOT NULL,
  vector   BLOB NOT NULL,
  PRIMARY KEY (model, paper_id)
);
