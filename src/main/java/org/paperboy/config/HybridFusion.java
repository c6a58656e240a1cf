package org.paperboy.config;

/**
 * How hybrid search fuses its keyword and semantic lists.
 *
 * <p>{@code convex} (the default) combines min-max normalised scores, {@code w · keyword + (1 − w)
 * · semantic}, after scoring every candidate on both sides: a paper that only one list found gets
 * its BM25 score (or its cosine) computed for the other, instead of counting as 0 there. {@code
 * rrf} is reciprocal-rank fusion with k = 60 over the two lists as found. The default weight 0.4
 * was fitted on an evaluation set built from arXiv listings ({@code eval-set titles}), never on the
 * SciFact test split it is judged by: BENCHMARKS.md, "Default search quality". The search package
 * does the fusing (Fusion.fuse).
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

  /** The shipped default: convex fusion of fully scored candidates, keyword weight 0.4. */
  public static final HybridFusion DEFAULT = new HybridFusion("convex", 0.4);

  /** Whether papers found by one side only are scored by the other before fusing. */
  public boolean scoresEveryCandidate() {
    return method.equals("convex");
  }
}
