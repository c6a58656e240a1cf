package org.paperboy.search;

import java.util.Arrays;
import java.util.Optional;

/** How a query is matched. */
public enum SearchMode {
  /** BM25 over title and abstract. */
  KEYWORD("keyword"),
  /** Nearest neighbours of the query's embedding. */
  SEMANTIC("semantic"),
  /** Both, fused. */
  HYBRID("hybrid");

  private final String key;

  SearchMode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<SearchMode> fromKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(key)).findFirst();
  }
}
