package org.paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class HarvestSchedulerTest {
  @Test
  void nextRunIsTheNextOccurrenceOfTheTimeOfDayInUtc() {
    LocalTime at = LocalTime.of(2, 30);
    assertThat(HarvestScheduler.next(at, Instant.parse("2026-08-21T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-08-21T02:30:00Z"));
    assertThat(HarvestScheduler.next(at, Instant.parse("2026-08-21T02:30:00Z")))
        .isEqualTo(Instant.parse("2026-08-22T02:30:00Z"));
    assertThat(HarvestScheduler.next(at, Instant.parse("2026-12-31T23:59:00Z")))
        .isEqualTo(Instant.parse("2027-01-01T02:30:00Z"));
  }
}
