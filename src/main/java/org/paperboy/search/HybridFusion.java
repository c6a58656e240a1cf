package org.paperboy.search;

import java.util.List;

/**
 * How hybrid search fuses its keyword and semantic lists.
 *
 * @param method {@code rrf} or {@code convex}
 * @param lexicalWeight the keyword list's weight in convex fusion (ignored by RRF)
 */
public record HybridFusion(String method, double lexicalWeight) {
  public HybridFusion {
    if (!method.equals("rrf") && !method.equals("convex")) {
      throw new IllegalArgumentException("fusion method must be rrf or convex, was " + method);
    }
    if (lexicalWeight < 0 || lexicalWeight > 1) {
      throw new IllegalArgumentException("fusion lexical weight must be in [0, 1]");
    }
  }

  public static final HybridFusion RRF = new HybridFusion("rrf", 0.5);

  public List<ScoredId> fuse(List<ScoredId> lexical, List<ScoredId> dense, int limit) {
    return method.equals("rrf")
        ? Fusion.reciprocalRank(List.of(lexical, dense), Fusion.RRF_K, limit)
        : Fusion.convex(lexical, dense, lexicalWeight, limit);
  }
}
