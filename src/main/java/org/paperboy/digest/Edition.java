package org.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.paperboy.feed.Period;

/**
 * One issue of a reader's digest: a daily edition on local day D covers the papers of D − 1; a
 * weekly edition, dated the Monday of the reader's week, covers the week before.
 *
 * @param key unique per subscription: {@code daily/2026-08-21} or {@code weekly/2026-08-17}
 * @param date the reader's local date the edition is for
 * @param period the papers it covers
 */
public record Edition(String key, LocalDate date, Period period) {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** The reader's current edition at {@code now} (due or not). */
  public static Edition current(Preferences p, Instant now) {
    LocalDate local = now.atZone(p.zone()).toLocalDate();
    return of(p.frequency(), local);
  }

  public static Edition of(Frequency f, LocalDate local) {
    return switch (f) {
      case DAILY -> new Edition("daily/" + local, local, Period.day(local.minusDays(1)));
      case WEEKLY -> {
        LocalDate monday = local.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new Edition("weekly/" + monday, monday, Period.week(monday.minusDays(7)));
      }
    };
  }

  /** Whether the reader's send hour on the edition's date has come. */
  public static boolean due(Preferences p, Instant now) {
    Edition e = current(p, now);
    ZonedDateTime sendAt = e.date().atTime(p.sendHour(), 0).atZone(p.zone());
    return !now.isBefore(sendAt.toInstant());
  }

  /** "Thursday 20 August 2026" or "the week of 10 Aug 2026". */
  public String coverage() {
    return period.kind() == Period.Kind.DAY
        ? DAY.format(period.first())
        : "the week of " + SHORT.format(period.first());
  }

  public boolean weekly() {
    return period.kind() == Period.Kind.WEEK;
  }
}
