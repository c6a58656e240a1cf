package org.paperboy.feed;

import java.util.Locale;
import java.util.Optional;

/**
 * How a feed is ordered: by {@link TrendingScore}, newest publication first, or most GitHub stars
 * first (papers without a repository last; ties by trending).
 */
public enum FeedSort {
  TRENDING("trending"),
  PUBLISHED("publishedAt"),
  STARS("stars");

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
      case "stars", "githubstars" -> Optional.of(STARS);
      default -> Optional.empty();
    };
  }
}
