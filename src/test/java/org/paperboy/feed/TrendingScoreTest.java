package org.paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {
  private static final LocalDate DAY = LocalDate.of(2026, 8, 20);

  @Test
  void followsTheDocumentedFormula() {
    Instant tenHoursIn = Instant.parse("2026-08-20T10:00:00Z");
    assertThat(TrendingScore.score(11, DAY, tenHoursIn))
        .isCloseTo(12 / Math.pow(12, 1.5), within(1e-12));
    // At the very start of the day: (0 + 1) / 2^1.5.
    assertThat(TrendingScore.score(0, DAY, Instant.parse("2026-08-20T00:00:00Z")))
        .isCloseTo(1 / Math.pow(2, 1.5), within(1e-12));
  }

  @Test
  void moreVotesRankHigherAndAgeDecays() {
    Instant t = Instant.parse("2026-08-21T00:00:00Z");
    assertThat(TrendingScore.score(10, DAY, t)).isGreaterThan(TrendingScore.score(9, DAY, t));
    assertThat(TrendingScore.score(10, DAY, t))
        .isGreaterThan(TrendingScore.score(10, DAY.minusDays(1), t));
    // A day-old paper needs (votes + 1) about (26/2)^1.5 ≈ 46.9 times that of a brand-new one.
    double fresh = TrendingScore.score(0, DAY.plusDays(1), t);
    assertThat(TrendingScore.score(45, DAY, t)).isLessThan(fresh);
    assertThat(TrendingScore.score(46, DAY, t)).isGreaterThan(fresh);
  }

  @Test
  void neverNegativeForFutureDaysOrNegativeVotes() {
    Instant t = Instant.parse("2026-08-19T00:00:00Z");
    assertThat(TrendingScore.score(-5, DAY, t)).isCloseTo(1 / Math.pow(2, 1.5), within(1e-12));
  }
}
