package org.paperboy.search;

import java.util.Comparator;

/** A document id with a score; ranked lists are sorted by score, then id (deterministic). */
public record ScoredId(String id, double score) {
  public static final Comparator<ScoredId> RANKING =
      Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::id);
}
