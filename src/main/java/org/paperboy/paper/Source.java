package org.paperboy.paper;

import java.util.Optional;

/**
 * Where a paper record came from. The rank orders sources by how authoritative their bibliographic
 * fields (title, authors, categories) are when two records describe the same version date.
 */
public enum Source {
  PAGE("page", 1),
  SUBMITTED("submitted", 2),
  HF("hf", 3),
  KAGGLE("kaggle", 4),
  OAI("oai", 5),
  API("api", 6);

  private final String key;
  private final int rank;

  Source(String key, int rank) {
    this.key = key;
    this.rank = rank;
  }

  /** The short name used in the store, exports and the CLI. */
  public String key() {
    return key;
  }

  public int rank() {
    return rank;
  }

  public static Optional<Source> fromKey(String key) {
    for (Source s : values()) {
      if (s.key.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
