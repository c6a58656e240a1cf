package org.paperboy.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What {@link PaperSearcher} needs from a search backend: BM25 and kNN rankings, sort keys and
 * display fields. Implementations: {@link LuceneSearchEngine} (embedded) and the OpenSearch one
 * (scaled). Both analyse queries with {@link org.paperboy.index.Analyzers#english()} and break
 * score ties by paper id, so the same documents give the same rankings.
 */
public interface SearchEngine {
  /** Whether {@code q} has words or phrases left after analysis (stop words alone have none). */
  boolean hasText(UserQuery q);

  /** Whether {@code q} has author, category or year filters. */
  boolean hasFilter(UserQuery q);

  /** BM25 over title and abstract (or, without text, every paper passing the filters). */
  List<ScoredId> keyword(UserQuery q, int n);

  /**
   * Paper {@code id}'s more-like-this query: the most distinctive terms of its title and abstract
   * ({@link MoreLikeThisTerms}) as a BM25 query. Empty when the paper is not in the index.
   */
  java.util.Optional<Like> like(String id);

  /** The {@code n} papers most like paper {@code id} in words ({@link #like}). */
  default List<ScoredId> moreLikeThis(String id, int n) {
    return like(id).map(l -> l.top(n)).orElse(List.of());
  }

  /** The scores {@link #moreLikeThis} gives the papers {@code ids} for paper {@code id}. */
  default Map<String, Float> moreLikeThisScores(String id, Collection<String> ids) {
    return like(id).map(l -> l.scores(ids)).orElse(Map.of());
  }

  /**
   * The BM25 scores {@link #keyword} gives the papers {@code ids} for {@code q}'s text (filters
   * ignored), by id; a paper that matches no word is missing.
   */
  Map<String, Float> keywordScores(UserQuery q, Collection<String> ids);

  /**
   * Exact similarity scores of the papers {@code ids} that have a vector, for {@code vector}, by
   * id, all by one increasing function of the cosine (on the embedded index exactly the scores
   * {@link #nearest} gives; OpenSearch's scoring script scales them its own way).
   */
  Map<String, Float> vectorScores(float[] vector, Collection<String> ids);

  /** The {@code n} nearest papers to {@code vector} that pass {@code filters}' filters. */
  List<ScoredId> nearest(float[] vector, int n, UserQuery filters);

  /** Whether any paper has a vector yet. */
  boolean hasVectors();

  /** Each paper's publication day (epoch day) or upvotes, by paper id. */
  Map<String, Long> sortKeys(Collection<String> ids, SearchSort sort);

  /** Titles and (when asked) highlighted abstract snippets for a page of results. */
  List<SearchHit> hits(List<ScoredId> page, UserQuery q, boolean snippets);
}
