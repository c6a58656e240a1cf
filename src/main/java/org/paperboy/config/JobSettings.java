package org.paperboy.config;

import java.time.Duration;

/**
 * Background jobs that run on one process or app node at a time (the digest loop) under a lease in
 * the store.
 *
 * @param lease how long a node holds a job without renewing it; another node takes over after that;
 *     key {@code jobs.lease-seconds}, default 120
 * @param tick how often a job's loop wakes up (and renews its lease); key {@code
 *     jobs.tick-seconds}, default 60, shorter than the lease
 */
public record JobSettings(Duration lease, Duration tick) {
  public JobSettings {
    if (lease.compareTo(Duration.ofSeconds(2)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
      throw new ConfigException(
          "jobs.lease-seconds: must be between 2 and 3600, was " + lease.toSeconds());
    }
    if (tick.isNegative() || tick.isZero() || tick.compareTo(lease) >= 0) {
      throw new ConfigException(
          "jobs.tick-seconds: must be at least 1 and shorter than jobs.lease-seconds ("
              + lease.toSeconds()
              + "), was "
              + tick.toSeconds());
    }
  }

  public static JobSettings defaults() {
    return new JobSettings(Duration.ofSeconds(120), Duration.ofSeconds(60));
  }
}
