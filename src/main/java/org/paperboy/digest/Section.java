package org.paperboy.digest;

import java.util.Locale;

/**
 * The parts a digest can have, in the order they are filled and appear in the mail: personal picks
 * first, then topic matches, then what everyone is reading (never repeating a paper).
 */
public enum Section {
  /** Papers ranked for this reader from their upvotes (account holders with upvotes). */
  FOR_YOU("for-you", "For you"),
  /** New papers by the authors the reader follows (account holders who follow some). */
  AUTHORS("authors", "From authors you follow"),
  /** Papers of the period matching the reader's categories, keywords and saved searches. */
  TOPICS("topics", "Your topics"),

  /** The most upvoted papers of the period, the same for everyone. */
  TRENDING("trending", "Trending");

  private final String key;
  private final String title;

  Section(String key, String title) {
    this.key = key;
    this.title = title;
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  public static Section parse(String text) {
    String k = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Section s : values()) {
      if (s.key.equals(k)) {
        return s;
      }
    }
    throw new DigestException(
        "sections: unknown section '" + text + "' (trending, for-you, authors, topics)");
  }
}
