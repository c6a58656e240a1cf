-- Email digests: subscriptions (double opt-in), the outbox every mail goes through, and the papers
-- each subscription has already been sent (a paper is never mailed twice to the same reader).
CREATE TABLE subscriptions (
  id              TEXT PRIMARY KEY,
  email           TEXT NOT NULL,
  email_key       TEXT NOT NULL UNIQUE,
  user_id         TEXT REFERENCES users (id),
  status          TEXT NOT NULL,
  frequency       TEXT NOT NULL,
  send_hour       INTEGER NOT NULL,
  time_zone       TEXT NOT NULL,
  sections        TEXT NOT NULL,
  max_per_section INTEGER NOT NULL,
  skip_empty      INTEGER NOT NULL,
  topics          TEXT NOT NULL,
  created_at      BIGINT NOT NULL,
  confirmed_at    BIGINT,
  confirm_sent_at BIGINT
);
CREATE INDEX subscriptions_status ON subscriptions (status);

-- One row per mail. An edition is composed once (the unique key), then sent; a crash between
-- composing and sending sends the stored mail on restart, never a second, different one.
CREATE TABLE outbox (
  id              TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  edition         TEXT NOT NULL,
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  html            TEXT NOT NULL,
  plain           TEXT NOT NULL,
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  claimed_until   BIGINT NOT NULL,
  last_error      TEXT,
  created_at      BIGINT NOT NULL,
  sent_at         BIGINT,
  UNIQUE (subscription_id, edition)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE sent_papers (
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  paper_id        TEXT NOT NULL,
  edition         TEXT NOT NULL,
  PRIMARY KEY (subscription_id, paper_id)
);
