package org.paperboy.harvest;

import java.time.Duration;

/**
 * How politely and how persistently one source is fetched.
 *
 * @param minInterval time between the starts of two requests (arXiv asks for 3 s)
 * @param maxAttempts tries per request before giving up
 * @param initialBackoff wait after the first failure; doubles per failure, with ±50% jitter
 * @param maxBackoff cap on one wait (also on a server's {@code Retry-After})
 * @param maxBytes largest response body accepted
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed for the whole response
 */
public record FetchPolicy(
    Duration minInterval,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    long maxBytes,
    Duration connectTimeout,
    Duration readTimeout) {
  public FetchPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (minInterval.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }
}
