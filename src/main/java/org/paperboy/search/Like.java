package org.paperboy.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A paper's more-like-this query, prepared once (its text read and its terms chosen) and then run
 * as often as a request needs: for the top papers, and for the scores of given papers.
 */
public interface Like {
  /** The {@code n} papers most like it, best first (the paper itself usually first). */
  List<ScoredId> top(int n);

  /** The scores {@link #top} gives the papers {@code ids}; a paper sharing no term is missing. */
  Map<String, Float> scores(Collection<String> ids);
}
