-- Per-source harvest state: progress of the running harvest (a checkpoint after every page),
-- where the next incremental harvest starts, errors, the schedule, and a lease so that exactly
-- one harvest of a source runs at a time (across processes and app nodes).
CREATE TABLE harvest_state (
  source           TEXT PRIMARY KEY,
  last_success     BIGINT,
  last_error       TEXT,
  last_error_at    BIGINT,
  error_count      INTEGER NOT NULL DEFAULT 0,
  next_run         BIGINT,
  incremental_from TEXT,
  cursor           TEXT,
  cursor_from      TEXT,
  cursor_until     TEXT,
  cursor_started   TEXT,
  pages            INTEGER NOT NULL DEFAULT 0,
  records          BIGINT NOT NULL DEFAULT 0,
  lease_owner      TEXT,
  lease_until      BIGINT
);
