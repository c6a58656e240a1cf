-- Accounts, sessions, votes, comments, submissions and moderation. Ids are text made by the
-- application and times are epoch milliseconds, so the same schema runs on SQLite and PostgreSQL.
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL,
  username_key  TEXT NOT NULL UNIQUE,
  email         TEXT,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL,
  created_at    BIGINT NOT NULL
);

-- Only a hash of a session or API token is stored: a copy of the database opens no accounts.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  csrf       TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  label      TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- One vote per reader per paper: the primary key makes concurrent clicks count once.
CREATE TABLE votes (
  user_id    TEXT NOT NULL REFERENCES users (id),
  paper_id   TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);
CREATE INDEX votes_paper ON votes (paper_id);

CREATE TABLE comments (
  id         TEXT PRIMARY KEY,
  paper_id   TEXT NOT NULL,
  user_id    TEXT NOT NULL REFERENCES users (id),
  body       TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  hidden     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_paper ON comments (paper_id, created_at);

CREATE TABLE submissions (
  paper_id   TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  day        TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE hidden_papers (
  paper_id   TEXT PRIMARY KEY,
  hidden_by  TEXT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL
);

-- Failed sign-ins, kept in the store so every app node throttles the same way.
CREATE TABLE login_failures (
  throttle_key TEXT NOT NULL,
  at           BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (throttle_key, at);

CREATE TABLE app_secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
