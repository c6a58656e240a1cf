package org.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Small operations on rankings that {@link PaperSearcher} combines: ids, re-scoring, branches. */
final class Rankings {
  private Rankings() {}

  static java.util.Set<String> idsOf(List<ScoredId> list) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    list.forEach(s -> ids.add(s.id()));
    return ids;
  }

  /** Scores by id as a ranking, best first (ties by id). */
  static List<ScoredId> ranked(Map<String, Float> scores) {
    List<ScoredId> out = new ArrayList<>(scores.size());
    scores.forEach((id, score) -> out.add(new ScoredId(id, score)));
    out.sort(ScoredId.RANKING);
    return out;
  }

  /**
   * {@code list} with the papers only {@code other} found added, scored by {@code scorer} the same
   * way (those it cannot score stay out), best first.
   */
  static List<ScoredId> scored(
      List<ScoredId> list,
      List<ScoredId> other,
      Function<java.util.Set<String>, Map<String, Float>> scorer) {
    java.util.Set<String> missing = idsOf(other);
    missing.removeAll(idsOf(list));
    if (missing.isEmpty()) {
      return list;
    }
    List<ScoredId> out = new ArrayList<>(list);
    scorer.apply(missing).forEach((id, score) -> out.add(new ScoredId(id, score)));
    out.sort(ScoredId.RANKING);
    return out;
  }

  /** The value of a branch run on another thread; its exception as thrown there. */
  static <T> T join(CompletableFuture<T> branch) {
    try {
      return branch.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** {@code ranked} without paper {@code id}. */
  static List<ScoredId> withoutSelf(List<ScoredId> ranked, String id) {
    List<ScoredId> out = new ArrayList<>(ranked.size());
    for (ScoredId s : ranked) {
      if (!s.id().equals(id)) {
        out.add(s);
      }
    }
    return out;
  }
}
