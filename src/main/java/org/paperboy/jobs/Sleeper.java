package org.paperboy.jobs;

import java.time.Duration;

/** Waits; injected so tests can see (and shorten) every wait of the back-off. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis());
        }
      };
}
