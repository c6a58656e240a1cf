package org.paperboy.foryou;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One thing a reader follows or avoids.
 *
 * @param kind what the value is
 * @param value a category ({@code cs.CL}), a word or phrase, or a search query
 */
public record Topic(Kind kind, String value) {
  /** Most topics one reader may have. */
  public static final int MAX_PER_READER = 50;

  static final int MAX_LENGTH = 200;
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]+)?");

  public enum Kind {
    /** An arXiv category: boosts its papers. */
    CATEGORY,
    /** A word or phrase in the title or abstract: boosts matching papers. */
    KEYWORD,
    /** A word or phrase that removes matching papers. */
    EXCLUDE,
    /** A query in the search syntax: boosts the papers it finds. */
    SEARCH,
    /**
     * An author the reader follows (the value is the name): boosts their papers. Comes from the
     * followed authors, never stored or given as a topic.
     */
    AUTHOR;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code category}, {@code keyword}, {@code exclude} or {@code search}. */
    public static Kind parse(String text) {
      for (Kind k : values()) {
        if (k != AUTHOR
            && k.key().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown topic kind '" + text + "': use category, keyword, exclude or search");
    }
  }

  /**
   * A validated topic.
   *
   * @throws IllegalArgumentException naming what is wrong with the value
   */
  public static Topic of(Kind kind, String value) {
    String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
    if (v.isEmpty()) {
      throw new IllegalArgumentException("a topic needs a value");
    }
    if (v.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a topic is at most " + MAX_LENGTH + " characters");
    }
    if (kind == Kind.CATEGORY && !CATEGORY.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "'" + v + "' is not an arXiv category (examples: cs.CL, math.PR, hep-th)");
    }
    return new Topic(kind, v);
  }

  /** How the topic reads in an explanation: {@code cs.CL}, {@code “diffusion models”}. */
  public String label() {
    return kind == Kind.CATEGORY ? value : "“" + value + "”";
  }
}
