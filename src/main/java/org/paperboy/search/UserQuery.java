package org.paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A query as the user typed it, split into its parts. Syntax: plain words, {@code "quoted
 * phrases"}, {@code author:name} or {@code author:"first last"}, {@code cat:cs.LG}, {@code
 * year:2024} or {@code year:2020-2024}, {@code from:2024-03-01} and {@code to:2024-06-30}
 * (publication dates, inclusive). Parsing never fails: what cannot be understood is kept as words
 * or reported in {@link #notices()}.
 */
public record UserQuery(
    List<String> words,
    List<String> phrases,
    List<String> authors,
    List<String> categories,
    LocalDate publishedFrom,
    LocalDate publishedTo,
    List<String> notices) {

  /** The free text (words and phrases) that semantic search embeds. */
  public String freeText() {
    List<String> parts = new ArrayList<>(words);
    parts.addAll(phrases);
    return String.join(" ", parts);
  }

  public boolean hasText() {
    return !words.isEmpty() || !phrases.isEmpty();
  }

  /** Text taken as plain words, no syntax (evaluation queries are natural-language claims). */
  public static UserQuery plain(String text) {
    List<String> words = new ArrayList<>();
    for (String w : (text == null ? "" : text).split("\\s+")) {
      if (!w.isBlank()) {
        words.add(w);
      }
    }
    return new UserQuery(words, List.of(), List.of(), List.of(), null, null, List.of());
  }

  public static UserQuery parse(String input) {
    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    String s = input == null ? "" : input;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      String field = null;
      int colon = fieldColon(s, i);
      if (colon > 0) {
        field = s.substring(i, colon).toLowerCase(java.util.Locale.ROOT);
        i = colon + 1;
      }
      String value;
      if (i < s.length() && s.charAt(i) == '"') {
        int end = s.indexOf('"', i + 1);
        value = end < 0 ? s.substring(i + 1) : s.substring(i + 1, end);
        i = end < 0 ? s.length() : end + 1;
        if (field == null) {
          if (!value.isBlank()) {
            phrases.add(value.strip());
          }
          continue;
        }
      } else {
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
          end++;
        }
        value = s.substring(i, end);
        i = end;
      }
      if (field == null) {
        words.add(value);
        continue;
      }
      value = value.strip();
      if (value.isEmpty()) {
        notices.add("ignored " + field + ": with no value");
        continue;
      }
      switch (field) {
        case "author" -> authors.add(value);
        case "cat" -> categories.add(value);
        case "from", "to" -> {
          LocalDate d = date(value);
          if (d == null) {
            notices.add("ignored " + field + ":" + value + " (use " + field + ":YYYY-MM-DD)");
          } else if (field.equals("from")) {
            from = d;
          } else {
            to = d;
          }
        }
        default -> {
          int[] years = years(value);
          if (years == null) {
            notices.add("ignored year:" + value + " (use year:2024 or year:2020-2024)");
          } else {
            from = LocalDate.of(years[0], 1, 1);
            to = LocalDate.of(years[1], 12, 31);
          }
        }
      }
    }
    return new UserQuery(words, phrases, authors, categories, from, to, notices);
  }

  /** The index of the colon ending a known field prefix at {@code i}, or -1. */
  private static int fieldColon(String s, int i) {
    for (String f : new String[] {"author:", "cat:", "year:", "from:", "to:"}) {
      if (s.regionMatches(true, i, f, 0, f.length())) {
        return i + f.length() - 1;
      }
    }
    return -1;
  }

  /** A {@code from:}/{@code to:} value: an ISO date (YYYY-MM-DD) in a plausible year, else null. */
  public static LocalDate date(String v) {
    try {
      LocalDate d = LocalDate.parse(v);
      return plausible(d.getYear()) ? d : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static int[] years(String v) {
    String[] parts = v.split("-", -1);
    try {
      if (parts.length == 1) {
        int y = Integer.parseInt(parts[0]);
        return plausible(y) ? new int[] {y, y} : null;
      }
      if (parts.length == 2) {
        int a = parts[0].isEmpty() ? 1900 : Integer.parseInt(parts[0]);
        int b = parts[1].isEmpty() ? 2999 : Integer.parseInt(parts[1]);
        return plausible(a) && plausible(b) && a <= b ? new int[] {a, b} : null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static boolean plausible(int year) {
    return year >= 1900 && year <= 2999;
  }
}
