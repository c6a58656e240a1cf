-- Which papers changed, in commit order: app nodes sharing the store follow it to keep their local
-- Lucene index ("for you") in step with writes made by other nodes and the CLI. Writers take an
-- EXCLUSIVE lock on the table for the last statement of their transaction, so sequence numbers
-- become visible in order and a follower never skips one that commits late.
CREATE TABLE paper_changes (
  seq      BIGSERIAL PRIMARY KEY,
  paper_id TEXT COLLATE "C" NOT NULL
);
