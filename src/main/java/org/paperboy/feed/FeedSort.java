package org.paperboy.feed;

import java.util.Locale;
import java.util.Optional;

/** How a feed is ordered: by {@link TrendingScore} or newest publication first. */
public enum FeedSort {
  TRENDING("trending"),
  PUBLISHED("publishedAt");

  private final String key;

  FeedSort(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<FeedSort> parse(String s) {
    if (s == null || s.isBlank()) {
      return Optional.of(TRENDING);
    }
    String k = s.strip().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "trending" -> Optional.of(TRENDING);
      case "publishedat", "published", "date" -> Optional.of(PUBLISHED);
      default -> Optional.empty();
    };
  }
}
