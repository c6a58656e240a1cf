package org.paperboy.search;

import java.util.Arrays;
import java.util.Optional;

/** Result order; every order breaks ties by paper id. */
public enum SearchSort {
  RELEVANCE("relevance"),
  DATE("date"),
  UPVOTES("upvotes");

  private final String key;

  SearchSort(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<SearchSort> fromKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(key)).findFirst();
  }
}
