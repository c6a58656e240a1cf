package org.paperboy.account;

import java.time.Duration;

/** Too many failed sign-ins for a name or an address; try again after {@link #retryAfter()}. */
public final class ThrottledException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public ThrottledException(Duration retryAfter) {
    super(
        "too many failed sign-ins; try again in "
            + Math.max(1, retryAfter.toMinutes() + (retryAfter.toSecondsPart() > 0 ? 1 : 0))
            + " minute(s)");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
