package org.paperboy.feed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day, an ISO week or a month of the daily feed, with its first and last day (inclusive). Written
 * {@code 2026-08-20}, {@code 2026-W34} or {@code 2026-08}.
 */
public record Period(Kind kind, LocalDate first, LocalDate last) {
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final LocalDate MIN = LocalDate.of(1990, 1, 1);
  private static final LocalDate MAX = LocalDate.of(2200, 1, 1);

  public enum Kind {
    DAY,
    WEEK,
    MONTH;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Period day(LocalDate d) {
    return new Period(Kind.DAY, d, d);
  }

  public static Period week(LocalDate any) {
    LocalDate monday = any.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Period(Kind.WEEK, monday, monday.plusDays(6));
  }

  public static Period month(LocalDate any) {
    YearMonth m = YearMonth.from(any);
    return new Period(Kind.MONTH, m.atDay(1), m.atEndOfMonth());
  }

  public static Period of(Kind kind, LocalDate any) {
    return switch (kind) {
      case DAY -> day(any);
      case WEEK -> week(any);
      case MONTH -> month(any);
    };
  }

  /** Parses a period of the given kind; throws {@link IllegalArgumentException} with a reason. */
  public static Period parse(Kind kind, String text) {
    String t = text == null ? "" : text.strip();
    try {
      Period p =
          switch (kind) {
            case DAY -> day(LocalDate.parse(t));
            case MONTH -> month(YearMonth.parse(t).atDay(1));
            case WEEK -> {
              Matcher m = WEEK.matcher(t);
              if (!m.matches()) {
                throw new IllegalArgumentException("week: expected YYYY-Www, e.g. 2026-W34");
              }
              int year = Integer.parseInt(m.group(1));
              int week = Integer.parseInt(m.group(2));
              if (week < 1 || week > 53) {
                throw new IllegalArgumentException("week: " + year + " has no week " + week);
              }
              LocalDate d =
                  LocalDate.of(year, 1, 4)
                      .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Math.max(1, week));
              if (d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                throw new IllegalArgumentException("week: " + year + " has no week " + week);
              }
              yield week(d);
            }
          };
      if (p.first.isBefore(MIN) || p.last.isAfter(MAX)) {
        throw new IllegalArgumentException(kind.key() + ": out of range: " + t);
      }
      return p;
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          kind.key()
              + ": expected "
              + (kind == Kind.DAY ? "YYYY-MM-DD" : "YYYY-MM")
              + ", got '"
              + abbreviate(t)
              + "'");
    }
  }

  /** How the period is written in URLs and the API. */
  public String key() {
    return switch (kind) {
      case DAY -> first.toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              first.get(IsoFields.WEEK_BASED_YEAR),
              first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> YearMonth.from(first).toString();
    };
  }

  public String path() {
    return "/papers/" + (kind == Kind.DAY ? "date" : kind.key()) + "/" + key();
  }

  public Period previous() {
    return of(kind, first.minusDays(1));
  }

  public Period next() {
    return of(kind, last.plusDays(1));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
