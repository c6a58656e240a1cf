-- What a reader tells us about their interests beyond upvotes: papers they are not interested in,
-- and the topics they follow (categories, keywords or phrases to include or exclude, saved searches).
CREATE TABLE dismissals (
  user_id    TEXT NOT NULL REFERENCES users (id),
  paper_id   TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);

CREATE TABLE topics (
  user_id    TEXT NOT NULL REFERENCES users (id),
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, kind, value)
);
