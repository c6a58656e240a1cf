package org.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.paperboy.config.HybridFusion;
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

  /**
   * The least depth semantic search asks kNN for, however short the page (BENCHMARKS.md, "kNN depth
   * of a first page").
   */
  public static final int SEMANTIC_DEPTH = 50;

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
    UserQuery q = request.filters().applyTo(UserQuery.parse(request.query()));
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
      case SEMANTIC -> {
        List<ScoredId> all = semantic(q, depth(mode, n));
        yield all.size() > n ? List.copyOf(all.subList(0, n)) : all;
      }
      case HYBRID -> {
        int k = depth(mode, n);
        // The two branches are independent: the semantic one (query embedding, then kNN) runs on
        // another core while this thread does BM25 and, once the query's vector is there, the
        // cosines of the BM25 candidates. The fused result does not depend on timing.
        CompletableFuture<float[]> vector = new CompletableFuture<>();
        CompletableFuture<List<ScoredId>> nearest =
            CompletableFuture.supplyAsync(
                () -> {
                  float[] v;
                  try {
                    v = embedder.orElseThrow().encodeQuery(q.freeText());
                  } catch (RuntimeException e) {
                    vector.completeExceptionally(e);
                    throw e;
                  }
                  vector.complete(v);
                  return engine.nearest(v, k, q);
                },
                BRANCHES);
        List<ScoredId> lexical = engine.keyword(q, k);
        if (!fusion.scoresEveryCandidate()) {
          yield Fusion.fuse(fusion, lexical, Rankings.join(nearest), n);
        }
        // Every candidate's cosine from vectorScores, kNN's own hits too: one formula on both
        // backends (OpenSearch's kNN query scales cosine its own way).
        float[] v = Rankings.join(vector);
        java.util.Set<String> lexicalIds = Rankings.idsOf(lexical);
        Map<String, Float> cosines = new HashMap<>(engine.vectorScores(v, lexicalIds));
        List<ScoredId> dense = Rankings.join(nearest);
        java.util.Set<String> denseOnly = Rankings.idsOf(dense);
        denseOnly.removeAll(lexicalIds);
        cosines.putAll(engine.vectorScores(v, denseOnly));
        List<ScoredId> lex = Rankings.scored(lexical, dense, ids -> engine.keywordScores(q, ids));
        yield Fusion.fuse(fusion, lex, Rankings.ranked(cosines), n);
      }
    };
  }

  /**
   * How deep each side is searched for {@code n} results. HNSW's beam is as wide as the depth asked
   * for, so at a first page's depth it misses neighbours an exact search finds (SciFact nDCG@10
   * 0.6980 at depth 10 against 0.7111 at 100 with bge-small); {@link #SEMANTIC_DEPTH} recovers it
   * (0.7099) for less than depth 100 costs. Hybrid fuses {@link #CANDIDATES} from each side.
   */
  private static int depth(SearchMode mode, int n) {
    return switch (mode) {
      case KEYWORD -> n;
      case SEMANTIC -> Math.max(n, SEMANTIC_DEPTH);
      case HYBRID -> Math.max(n, CANDIDATES);
    };
  }

  /** Papers like paper {@code id} ({@link #similarIds(String, int)}), with titles. */
  public Optional<List<SearchHit>> similar(String id, int limit) {
    return similarIds(id, limit).map(others -> engine.hits(others, UserQuery.parse(""), false));
  }

  /**
   * Papers like paper {@code id}, never the paper itself, as ids and fused scores (no stored fields
   * read): its embedding neighbours fused with a more-like-this of its title and abstract, the same
   * fusion as hybrid search (measured better than either alone: BENCHMARKS.md, similar papers). A
   * paper without an embedding yet gets more-like-this alone. Empty when the paper is neither
   * embedded nor in the index.
   */
  public Optional<List<ScoredId>> similarIds(String id, int limit) {
    return similarIds(id, SearchMode.HYBRID, limit);
  }

  /**
   * Papers like paper {@code id} by one way: {@code semantic} embedding neighbours only (empty
   * without an embedding), {@code keyword} more-like-this only, {@code hybrid} both fused.
   */
  public Optional<List<ScoredId>> similarIds(String id, SearchMode mode, int limit) {
    Optional<float[]> v = mode == SearchMode.KEYWORD ? Optional.empty() : vectors.apply(id);
    if (mode == SearchMode.SEMANTIC && v.isEmpty()) {
      return Optional.empty();
    }
    int k = depth(mode, limit) + 1;
    // The embedding neighbours come long before the more-like-this list (its query searches the
    // whole index), so their branch goes on to score them on both sides while that query runs.
    boolean scoreNeighbours = mode == SearchMode.HYBRID && fusion.scoresEveryCandidate();
    CompletableFuture<Optional<Like>> likeReady = new CompletableFuture<>();
    CompletableFuture<Neighbours> dense =
        v.isEmpty()
            ? CompletableFuture.completedFuture(new Neighbours(List.of(), Map.of(), Map.of()))
            : CompletableFuture.supplyAsync(
                () -> neighbours(id, v.get(), k, scoreNeighbours ? likeReady : null), BRANCHES);
    Optional<Like> like;
    try {
      like = mode == SearchMode.SEMANTIC ? Optional.empty() : engine.like(id);
      likeReady.complete(like);
    } catch (RuntimeException e) {
      likeReady.completeExceptionally(e);
      throw e;
    }
    List<ScoredId> lexical = like.map(l -> Rankings.withoutSelf(l.top(k), id)).orElse(List.of());
    Neighbours near = Rankings.join(dense);
    if (v.isEmpty() && lexical.isEmpty()) {
      return Optional.empty();
    }
    List<ScoredId> out;
    if (near.hits().isEmpty()) {
      out = lexical;
    } else if (lexical.isEmpty()) {
      out = near.hits();
    } else if (scoreNeighbours) {
      // Each side's list completed with the other side's papers, scored the way this side scores.
      java.util.Set<String> lexicalIds = Rankings.idsOf(lexical);
      List<ScoredId> words = new ArrayList<>(lexical);
      for (ScoredId s : near.hits()) {
        Float score = near.words().get(s.id());
        if (score != null && !lexicalIds.contains(s.id())) {
          words.add(new ScoredId(s.id(), score));
        }
      }
      words.sort(ScoredId.RANKING);
      Map<String, Float> cosines = new HashMap<>(near.cosines());
      lexicalIds.removeAll(near.cosines().keySet());
      cosines.putAll(engine.vectorScores(v.get(), lexicalIds));
      out = Fusion.fuse(fusion, words, Rankings.ranked(cosines), limit);
    } else {
      out = Fusion.fuse(fusion, lexical, near.hits(), limit);
    }
    return Optional.of(out.size() > limit ? List.copyOf(out.subList(0, limit)) : out);
  }

  /**
   * A paper's embedding neighbours, with (when {@code like} is given) their exact cosines and their
   * scores for the paper's more-like-this query, once that query is ready.
   */
  private record Neighbours(
      List<ScoredId> hits, Map<String, Float> cosines, Map<String, Float> words) {}

  private Neighbours neighbours(
      String id, float[] v, int k, CompletableFuture<Optional<Like>> like) {
    List<ScoredId> hits = Rankings.withoutSelf(engine.nearest(v, k, UserQuery.parse("")), id);
    if (like == null) {
      return new Neighbours(hits, Map.of(), Map.of());
    }
    java.util.Set<String> ids = Rankings.idsOf(hits);
    Map<String, Float> cosines = engine.vectorScores(v, ids);
    Map<String, Float> words = Rankings.join(like).map(l -> l.scores(ids)).orElse(Map.of());
    return new Neighbours(hits, cosines, words);
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
