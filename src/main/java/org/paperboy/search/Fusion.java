package org.paperboy.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.config.HybridFusion;

/**
 * Pure functions that fuse ranked lists into one. Inputs are ranked lists (best first); outputs are
 * sorted by fused score, ties broken by id.
 */
public final class Fusion {
  /** The RRF constant from Cormack, Clarke and Büttcher (SIGIR 2009), used unchanged since. */
  public static final int RRF_K = 60;

  private Fusion() {}

  /** Fuses a keyword and a semantic list as {@code how} says, best first, at most {@code limit}. */
  public static List<ScoredId> fuse(
      HybridFusion how, List<ScoredId> lexical, List<ScoredId> dense, int limit) {
    return how.method().equals("rrf")
        ? reciprocalRank(List.of(lexical, dense), RRF_K, limit)
        : convex(lexical, dense, how.lexicalWeight(), limit);
  }

  /**
   * Reciprocal-rank fusion: {@code score(d) = Σ 1 / (k + rank_i(d))}, ranks from 1; a document
   * missing from a list contributes nothing for it.
   */
  public static List<ScoredId> reciprocalRank(List<List<ScoredId>> lists, int k, int limit) {
    Map<String, Double> fused = new HashMap<>();
    for (List<ScoredId> list : lists) {
      for (int rank = 0; rank < list.size(); rank++) {
        fused.merge(list.get(rank).id(), 1.0 / (k + rank + 1), Double::sum);
      }
    }
    return top(fused, limit);
  }

  /**
   * Convex combination of min-max normalised scores: {@code w · lex(d) + (1 − w) · dense(d)}, where
   * each list's scores are scaled to [0, 1] and a document missing from a list scores 0 there
   * (Bruch, Gai and Ingber, "An Analysis of Fusion Functions for Hybrid Retrieval", TOIS 2023).
   */
  public static List<ScoredId> convex(
      List<ScoredId> lexical, List<ScoredId> dense, double lexicalWeight, int limit) {
    if (lexicalWeight < 0 || lexicalWeight > 1) {
      throw new IllegalArgumentException("lexical weight must be in [0, 1]: " + lexicalWeight);
    }
    Map<String, Double> fused = new HashMap<>();
    addNormalised(fused, lexical, lexicalWeight);
    addNormalised(fused, dense, 1 - lexicalWeight);
    return top(fused, limit);
  }

  private static void addNormalised(Map<String, Double> into, List<ScoredId> list, double weight) {
    if (list.isEmpty()) {
      return;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ScoredId s : list) {
      min = Math.min(min, s.score());
      max = Math.max(max, s.score());
    }
    double range = max - min;
    for (ScoredId s : list) {
      double norm = range == 0 ? 1.0 : (s.score() - min) / range;
      into.merge(s.id(), weight * norm, Double::sum);
    }
  }

  private static List<ScoredId> top(Map<String, Double> fused, int limit) {
    List<ScoredId> out = new ArrayList<>(fused.size());
    fused.forEach((id, score) -> out.add(new ScoredId(id, score)));
    out.sort(ScoredId.RANKING);
    return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
  }
}
