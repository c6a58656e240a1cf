package org.paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The trending score, documented on the trending page and in README:
 *
 * <pre>score = (upvotes + 1) / (age_hours + 2) ^ 1.5</pre>
 *
 * where {@code upvotes} counts Hugging Face upvotes plus votes cast here, and {@code age_hours}
 * runs from the start (00:00 UTC) of the paper's Daily Papers day to the reference time, never
 * negative. Ties are broken by more upvotes, then newer day, then smaller arXiv id, so the order is
 * always the same. The form is Hacker News' gravity ranking: a day-old paper needs about (26/2)^1.5
 * ≈ 47 times the votes of a brand-new one to rank above it.
 */
public final class TrendingScore {
  public static final double GRAVITY = 1.5;

  private TrendingScore() {}

  public static double score(int upvotes, LocalDate day, Instant reference) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    double hours = Math.max(0, Duration.between(start, reference).toMinutes() / 60.0);
    return (Math.max(0, upvotes) + 1) / Math.pow(hours + 2, GRAVITY);
  }
}
