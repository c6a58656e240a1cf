package org.paperboy.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date spellings of the sources, each turned into a UTC calendar day. */
final class SourceDates {
  private static final Pattern ISO_DAY_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

  private SourceDates() {}

  /** {@code 2007-03-30}, {@code 2018-01-17T03:05:51Z} or {@code 2026-08-20T00:00:00.000Z}. */
  static LocalDate iso(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t);
      }
      return OffsetDateTime.parse(t).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: '" + t + "'", e);
    }
  }

  /** {@code Tue, 18 Mar 2025 00:00:00 GMT} (arXiv version dates). */
  static LocalDate rfc1123(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    LocalDate fast = rfc1123Gmt(s);
    if (fast != null) {
      return fast;
    }
    try {
      return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneOffset.UTC)
          .toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: '" + s.strip() + "'", e);
    }
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * The common arXiv spelling {@code Tue, 18 Mar 2025 00:00:00 GMT} without the cost of a
   * DateTimeFormatter (it is parsed once per version of every paper); null for anything else.
   */
  private static LocalDate rfc1123Gmt(String s) {
    // "Www, D Mmm YYYY HH:MM:SS GMT" or "Www, DD Mmm YYYY HH:MM:SS GMT"
    int comma = s.indexOf(", ");
    if (comma != 3 || !s.endsWith(" GMT")) {
      return null;
    }
    int dayEnd = s.indexOf(' ', 5);
    if (dayEnd < 6 || dayEnd > 7 || s.length() < dayEnd + 9) {
      return null;
    }
    int month = MONTHS.indexOf(s.substring(dayEnd + 1, dayEnd + 4));
    if (month < 0 || month % 3 != 0 || s.charAt(dayEnd + 4) != ' ') {
      return null;
    }
    try {
      int day = Integer.parseInt(s, 5, dayEnd, 10);
      int year = Integer.parseInt(s, dayEnd + 5, dayEnd + 9, 10);
      return LocalDate.of(year, month / 3 + 1, day);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }

  /** The {@code YYYY-MM-DD} day in a file name such as {@code 2024-05-27.json}, if any. */
  static LocalDate dayInFileName(String fileName) {
    if (fileName == null) {
      return null;
    }
    Matcher m = ISO_DAY_IN_NAME.matcher(fileName);
    while (m.find()) {
      try {
        return LocalDate.parse(m.group(1));
      } catch (DateTimeParseException e) {
        // not a real day (e.g. 2024-13-45); look further
      }
    }
    return null;
  }
}
