package org.paperboy.testing;

import java.time.Clock;
import java.time.Duration;
import org.paperboy.cli.Main;

/**
 * The real {@code paperboy} command line in its own JVM, its clock shifted by {@code
 * PAPERBOY_TEST_CLOCK_OFFSET} (an ISO-8601 duration) and running on from there: tests run app nodes
 * against recorded days, all on the same shifted clock.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) {
    Duration offset = Duration.parse(System.getenv("PAPERBOY_TEST_CLOCK_OFFSET"));
    Clock clock = Clock.offset(Clock.systemUTC(), offset);
    System.exit(Main.run(args, System.getenv(), clock, System.out, System.err));
  }
}
