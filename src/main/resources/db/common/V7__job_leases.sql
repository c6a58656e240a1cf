-- Background jobs that must run on exactly one process or app node at a time (the digest loop)
-- hold a lease here; another node takes over once the holder stops renewing it.
CREATE TABLE job_leases (
  name        TEXT PRIMARY KEY,
  owner       TEXT NOT NULL,
  lease_until BIGINT NOT NULL
);
