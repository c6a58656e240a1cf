-- Papers from a reader's imported reference library (.bib/.ris): "for you" treats them like
-- upvotes, so a reader starts with recommendations before casting a vote.
CREATE TABLE seed_papers (
  user_id    TEXT NOT NULL REFERENCES users (id),
  paper_id   TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);
