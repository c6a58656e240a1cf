package org.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.paperboy.embed.QueryEncoder;
import org.paperboy.index.PaperIndex;

/**
 * Keyword (BM25), semantic (HNSW kNN) and hybrid search over a {@link SearchEngine}, plus similar
 * papers: query parsing, the fall-back to keyword search, fusion, sorting and paging, the same for
 * every backend. Pure with respect to its inputs: the same index and query give the same ranking,
 * ties broken by paper id.
 */
public final class PaperSearcher {
  /** Candidates each side contributes to hybrid fusion (and the minimum kNN depth). */
  public static final int CANDIDATES = 100;

  /** Runs the semantic branch of hybrid queries; daemon threads, one per core. */
  private static final ExecutorService BRANCHES =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          r -> {
            Thread t = new Thread(r, "paperboy-semantic");
            t.setDaemon(true);
            return t;
          });

  /** Snippets are made for pages up to this size (CLI dumps of thousands skip them). */
  private static final int SNIPPET_PAGE_LIMIT = 100;

  private final SearchEngine engine;
  private final Optional<QueryEncoder> embedder;
  private final HybridFusion fusion;
  private final Function<String, Optional<float[]>> vectors;

  /** Over the embedded Lucene index. */
  public PaperSearcher(
      PaperIndex index,
      Optional<? extends QueryEncoder> embedder,
      HybridFusion fusion,
      Function<String, Optional<float[]>> vectors) {
    this(new LuceneSearchEngine(index), embedder, fusion, vectors);
  }

  /**
   * @param engine the backend (embedded Lucene or OpenSearch)
   * @param embedder embeds queries for semantic and hybrid search; empty: keyword only
   * @param vectors a paper's stored vector, for similar papers
   */
  public PaperSearcher(
      SearchEngine engine,
      Optional<? extends QueryEncoder> embedder,
      HybridFusion fusion,
      Function<String, Optional<float[]>> vectors) {
    this.engine = engine;
    this.embedder = embedder.map(QueryEncoder.class::cast);
    this.fusion = fusion;
    this.vectors = vectors;
  }

  public SearchResults search(SearchRequest request) {
    UserQuery q = UserQuery.parse(request.query());
    List<String> notices = new ArrayList<>(q.notices());
    int depth = request.offset() + request.limit();
    SearchMode mode = request.mode();
    if (mode != SearchMode.KEYWORD
        && (!q.hasText() || embedder.isEmpty() || !engine.hasVectors())) {
      if (q.hasText()) {
        notices.add(
            embedder.isEmpty()
                ? "semantic search is off; showing keyword results"
                : "no embeddings yet (run: paperboy embed); showing keyword results");
      }
      mode = SearchMode.KEYWORD;
    }
    boolean searchableText = engine.hasText(q);
    if (!searchableText && !engine.hasFilter(q)) {
      notices.add("the query has no searchable words");
      return new SearchResults(List.of(), notices);
    }
    List<ScoredId> ranked = rank(q, mode, depth);
    SearchSort sort = request.sort();
    if (!searchableText && sort == SearchSort.RELEVANCE) {
      sort = SearchSort.DATE; // filters alone: newest first
    }
    if (sort != SearchSort.RELEVANCE) {
      ranked = resort(ranked, sort);
    }
    int from = Math.min(request.offset(), ranked.size());
    int to = Math.min(depth, ranked.size());
    List<ScoredId> page = ranked.subList(from, to);
    return new SearchResults(engine.hits(page, q, request.limit() <= SNIPPET_PAGE_LIMIT), notices);
  }

  /** The ranked ids for a parsed query, best first (used by search and by the evaluation). */
  public List<ScoredId> rank(UserQuery q, SearchMode mode, int n) {
    return switch (mode) {
      case KEYWORD -> engine.keyword(q, n);
      case SEMANTIC -> semantic(q, Math.max(n, 1));
      case HYBRID -> {
        int k = Math.max(n, CANDIDATES);
        // The two branches are independent: the semantic one (query embedding + kNN) runs on
        // another core while this thread does BM25. The fused result does not depend on timing.
        CompletableFuture<List<ScoredId>> semantic =
            CompletableFuture.supplyAsync(() -> semantic(q, k), BRANCHES);
        List<ScoredId> lexical = engine.keyword(q, k);
        try {
          yield fusion.fuse(lexical, semantic.join(), n);
        } catch (java.util.concurrent.CompletionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
    };
  }

  /** Nearest neighbours of a paper by its embedding, never the paper itself, with titles. */
  public Optional<List<SearchHit>> similar(String id, int limit) {
    return similarIds(id, limit).map(others -> engine.hits(others, UserQuery.parse(""), false));
  }

  /**
   * Nearest neighbours as ids and scores only (no stored fields read): for callers that load the
   * papers from the store anyway. Empty when the paper has no embedding.
   */
  public Optional<List<ScoredId>> similarIds(String id, int limit) {
    Optional<float[]> v = vectors.apply(id);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    List<ScoredId> near = engine.nearest(v.get(), limit + 1, UserQuery.parse(""));
    List<ScoredId> others = new ArrayList<>(near.size());
    for (ScoredId s : near) {
      if (!s.id().equals(id) && others.size() < limit) {
        others.add(s);
      }
    }
    return Optional.of(others);
  }

  private List<ScoredId> semantic(UserQuery q, int n) {
    float[] v = embedder.orElseThrow().encodeQuery(q.freeText());
    return engine.nearest(v, n, q);
  }

  private List<ScoredId> resort(List<ScoredId> ranked, SearchSort sort) {
    Map<String, Long> key = engine.sortKeys(ranked.stream().map(ScoredId::id).toList(), sort);
    List<ScoredId> out = new ArrayList<>(ranked);
    out.sort(
        Comparator.comparing((ScoredId r) -> key.get(r.id()), Comparator.reverseOrder())
            .thenComparing(ScoredId::id));
    return out;
  }
}
