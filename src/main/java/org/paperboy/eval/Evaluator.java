package org.paperboy.eval;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.paperboy.config.EmbeddingModelId;
import org.paperboy.config.HnswSettings;
import org.paperboy.config.HybridFusion;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.QueryEncoder;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.index.SearchIndex;
import org.paperboy.opensearch.OpenSearchClient;
import org.paperboy.opensearch.OpenSearchEngine;
import org.paperboy.opensearch.OpenSearchIndex;
import org.paperboy.paper.Paper;
import org.paperboy.search.LuceneSearchEngine;
import org.paperboy.search.PaperSearcher;
import org.paperboy.search.ScoredId;
import org.paperboy.search.SearchEngine;
import org.paperboy.search.SearchMode;
import org.paperboy.search.UserQuery;

/**
 * Runs a BEIR dataset through Paperboy's own index and searcher in a temporary directory and
 * reports nDCG@10 and Recall@100 per mode. Corpus embeddings can be cached between runs.
 */
public final class Evaluator {
  private final Embedder embedder;
  private final HybridFusion fusion;

  private boolean int8;
  private URI openSearch;
  private Map<String, float[]> storedQueries;

  /**
   * Answers the queries from vectors encoded before (by query id) instead of encoding them in the
   * run: the pinned regression uses this so that its figures depend on the index, search and fusion
   * only, not on the CPU's int8 kernels.
   */
  public Evaluator storedQueries(Map<String, float[]> byQueryId) {
    this.storedQueries = Map.copyOf(byQueryId);
    return this;
  }

  /** Evaluates on an OpenSearch cluster (a temporary index there) instead of embedded Lucene. */
  public Evaluator onOpenSearch(URI cluster) {
    this.openSearch = cluster;
    return this;
  }

  /** Evaluates with int8 scalar-quantised HNSW vectors instead of float32. */
  public Evaluator quantized(boolean on) {
    this.int8 = on;
    return this;
  }

  public Evaluator(Embedder embedder, HybridFusion fusion) {
    this.embedder = embedder;
    this.fusion = fusion;
  }

  public Map<SearchMode, ModeScores> run(
      BeirDataset ds,
      List<SearchMode> modes,
      Path workDir,
      Optional<Path> cacheDir,
      IntConsumer progress) {
    return evaluate(ds, modes, workDir, cacheDir, progress, false);
  }

  /**
   * Similar papers instead of search: each query id is a paper of the corpus, ranked against the
   * others by its embedding neighbours ({@code semantic}), more-like-this of its title and abstract
   * ({@code keyword}) or both fused ({@code hybrid}); the paper itself is never counted.
   */
  public Map<SearchMode, ModeScores> runSimilar(
      BeirDataset ds,
      List<SearchMode> modes,
      Path workDir,
      Optional<Path> cacheDir,
      IntConsumer progress) {
    return evaluate(ds, modes, workDir, cacheDir, progress, true);
  }

  private Map<SearchMode, ModeScores> evaluate(
      BeirDataset ds,
      List<SearchMode> modes,
      Path workDir,
      Optional<Path> cacheDir,
      IntConsumer progress,
      boolean similar) {
    boolean semantic = modes.stream().anyMatch(m -> m != SearchMode.KEYWORD);
    Map<String, float[]> vectors = semantic ? corpusVectors(ds, cacheDir, progress) : Map.of();
    Map<String, float[]> queryVectors =
        semantic && !similar ? queryVectors(ds, cacheDir) : Map.of();
    IndexSettings settings =
        new IndexSettings(
            embedder.id().key(),
            HnswSettings.DEFAULT_M,
            HnswSettings.DEFAULT_EF_CONSTRUCTION,
            int8);
    SearchIndex index;
    SearchEngine engine;
    OpenSearchIndex temporary = null;
    if (openSearch == null) {
      // One writer thread: the same index, and so the same figures, on every run.
      PaperIndex lucene = PaperIndex.open(workDir, settings, 1);
      index = lucene;
      engine = new LuceneSearchEngine(lucene);
    } else {
      temporary =
          OpenSearchIndex.open(
              new OpenSearchClient(openSearch),
              "paperboy-eval-" + java.util.UUID.randomUUID().toString().substring(0, 8),
              settings);
      index = temporary;
      engine = new OpenSearchEngine(temporary);
    }
    try {
      for (BeirDataset.Doc d : ds.corpus()) {
        Paper p = Paper.builder(d.id()).title(d.title()).abstractText(d.text()).build();
        index.add(p, vectors.get(d.id()));
      }
      index.commit();
      PaperSearcher searcher =
          new PaperSearcher(
              engine,
              Optional.of(byText(ds, queryVectors)),
              fusion,
              id -> Optional.ofNullable(vectors.get(id)));
      Map<SearchMode, ModeScores> out = new LinkedHashMap<>();
      for (SearchMode mode : modes) {
        double ndcg = 0;
        double recall = 0;
        for (var q : ds.queries().entrySet()) {
          Map<String, Integer> judged = ds.qrels().get(q.getKey());
          // nDCG@10 of a first page asked for as the API asks for it (10 results): approximate
          // kNN's depth follows the page, so a deeper list's top 10 can be better than a page's.
          ndcg += Metrics.ndcg(ranked(searcher, similar, q, mode, 10), judged, 10);
          recall += Metrics.recall(ranked(searcher, similar, q, mode, 100), judged, 100);
        }
        int n = ds.queries().size();
        out.put(mode, new ModeScores(ndcg / n, recall / n));
      }
      return out;
    } finally {
      index.close();
      if (temporary != null) {
        temporary.drop();
      }
    }
  }

  /** The ids {@code searcher} ranks for query {@code q}, {@code depth} of them. */
  private static List<String> ranked(
      PaperSearcher searcher,
      boolean similar,
      Map.Entry<String, String> q,
      SearchMode mode,
      int depth) {
    List<ScoredId> ranked =
        similar
            ? searcher.similarIds(q.getKey(), mode, depth).orElse(List.of())
            : searcher.rank(UserQuery.plain(q.getValue()), mode, depth);
    return ranked.stream().map(ScoredId::id).toList();
  }

  private Map<String, float[]> corpusVectors(
      BeirDataset ds, Optional<Path> cacheDir, IntConsumer progress) {
    Optional<Path> cache = cacheDir.map(d -> d.resolve(cacheFileName(embedder.id(), ds)));
    if (cache.isPresent() && Files.exists(cache.get())) {
      return VectorCache.read(cache.get());
    }
    Map<String, float[]> out = new HashMap<>();
    List<BeirDataset.Doc> docs = ds.corpus();
    int batch = 64;
    for (int i = 0; i < docs.size(); i += batch) {
      List<BeirDataset.Doc> part = docs.subList(i, Math.min(docs.size(), i + batch));
      List<String> texts = new ArrayList<>(part.size());
      for (BeirDataset.Doc d : part) {
        texts.add(Embedder.textOf(d.title() == null ? "" : d.title(), d.text()));
      }
      List<float[]> vs = embedder.embedAll(texts);
      for (int j = 0; j < part.size(); j++) {
        out.put(part.get(j).id(), vs.get(j));
      }
      progress.accept(Math.min(docs.size(), i + batch));
    }
    cache.ifPresent(c -> VectorCache.write(c, out));
    return out;
  }

  /**
   * Every query's vector, by query id: the stored ones when given, else encoded now (all at once,
   * on every core; a text's vector does not depend on the others) and written to the cache
   * directory beside the corpus vectors, so that a run can be pinned on them later.
   */
  private Map<String, float[]> queryVectors(BeirDataset ds, Optional<Path> cacheDir) {
    if (storedQueries != null) {
      return storedQueries;
    }
    List<String> ids = new ArrayList<>(ds.queries().keySet());
    List<float[]> encoded = embedder.embedAll(ids.stream().map(ds.queries()::get).toList());
    Map<String, float[]> out = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), encoded.get(i));
    }
    cacheDir.ifPresent(
        d -> VectorCache.write(d.resolve(queryCacheFileName(embedder.id(), ds)), out));
    return out;
  }

  /** A query encoder that answers the dataset's queries from their vectors, and nothing else. */
  private static QueryEncoder byText(BeirDataset ds, Map<String, float[]> byId) {
    Map<String, float[]> byText = new HashMap<>();
    byId.forEach(
        (id, v) -> {
          String text = ds.queries().get(id);
          if (text != null) {
            byText.put(UserQuery.plain(text).freeText(), v);
          }
        });
    return text -> {
      float[] v = byText.get(text);
      if (v == null) {
        throw new IllegalStateException("no vector for query text: " + text);
      }
      return v;
    };
  }

  /**
   * The file in a cache directory that holds {@code model}'s vectors of {@code ds}'s queries, named
   * by the model and a fingerprint of the queries.
   */
  public static String queryCacheFileName(EmbeddingModelId model, BeirDataset ds) {
    long h = 1125899906842597L;
    for (var q : ds.queries().entrySet()) {
      h = 31 * h + q.getKey().hashCode();
      h = 31 * h + q.getValue().hashCode();
    }
    return model.key() + "-" + Long.toHexString(h) + "-" + ds.queries().size() + ".queries.vectors";
  }

  /**
   * The file in a cache directory that holds {@code model}'s vectors of {@code ds}'s corpus: named
   * by the model and a fingerprint of the corpus (ids and texts), so a changed corpus misses.
   */
  public static String cacheFileName(EmbeddingModelId model, BeirDataset ds) {
    return model.key() + "-" + fingerprint(ds) + ".vectors";
  }

  private static String fingerprint(BeirDataset ds) {
    long h = 1125899906842597L;
    for (BeirDataset.Doc d : ds.corpus()) {
      h = 31 * h + d.id().hashCode();
      h = 31 * h + (d.text() == null ? 0 : d.text().hashCode());
    }
    return Long.toHexString(h) + "-" + ds.corpus().size();
  }
}
