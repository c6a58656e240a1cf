package org.paperboy.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.index.Reindexer;
import org.paperboy.search.LuceneSearchEngine;
import org.paperboy.search.ScoredId;
import org.paperboy.search.UserQuery;
import org.paperboy.store.Database;
import org.paperboy.store.SqlPaperStore;

/**
 * Benchmark only: HNSW on real embeddings. Builds the search index from a store whose papers carry
 * real vectors of the default model (bench/vectors.sh makes one from the Kaggle file), once per
 * HNSW setting, the way {@code paperboy reindex} does, and reports the build time, then for QUERIES
 * papers picked with a fixed seed: recall@10 of the index's kNN against exact kNN (every vector
 * compared, the paper itself left out) and the latency of the search engine's kNN from one client
 * thread (median and p99; segments are searched in parallel as in the server), at the depths
 * Paperboy asks for (10 for a plain kNN, 100 for a hybrid search's semantic side).
 *
 * <p>Usage: {@code VectorRecall DATA_DIR QUERIES M:EF:INT8...} e.g. {@code 16:100:false}.
 */
public final class VectorRecall {
  private static final String MODEL = PaperboyConfig.DEFAULT_MODEL.key();
  private static final int K = 10;

  private VectorRecall() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int queries = Integer.parseInt(args[1]);
    HikariDataSource sqlite = Database.openSqlite(data);
    SqlPaperStore store = new SqlPaperStore(sqlite, sqlite);
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    store
        .embeddings()
        .forEachLivePaper(
            MODEL,
            (p, v) -> {
              if (v != null) {
                ids.add(p.id());
                vectors.add(v);
              }
            });
    System.out.printf(
        "%,d papers with %s vectors in %s; %d queries (paper vectors, seed 11)%n",
        ids.size(), MODEL, data, queries);
    SplittableRandom random = new SplittableRandom(11);
    int[] picked = random.ints(0, ids.size()).distinct().limit(queries).toArray();
    long t = System.nanoTime();
    List<Set<String>> truth = new ArrayList<>();
    for (int q : picked) {
      truth.add(exact(ids, vectors, q));
    }
    System.out.printf(
        "exact kNN (every vector compared): %.1f ms per query%n",
        (System.nanoTime() - t) / 1e6 / queries);
    Path work = Files.createTempDirectory("paperboy-vectors-");
    for (int a = 2; a < args.length; a++) {
      String[] s = args[a].split(":");
      IndexSettings settings =
          new IndexSettings(
              MODEL, Integer.parseInt(s[0]), Integer.parseInt(s[1]), Boolean.parseBoolean(s[2]));
      try (PaperIndex index = PaperIndex.open(work.resolve("index-" + a), settings)) {
        long b = System.nanoTime();
        Reindexer.rebuild(store, index, MODEL, n -> {});
        double build = (System.nanoTime() - b) / 1e9;
        int segments = index.withSearcher(x -> x.getIndexReader().leaves().size());
        LuceneSearchEngine engine = new LuceneSearchEngine(index);
        for (int depth : new int[] {K, 100}) {
          measure(engine, settings, build, segments, depth, ids, vectors, picked, truth);
        }
      }
    }
    sqlite.close();
    System.exit(0);
  }

  private static void measure(
      LuceneSearchEngine engine,
      IndexSettings settings,
      double build,
      int segments,
      int depth,
      List<String> ids,
      List<float[]> vectors,
      int[] picked,
      List<Set<String>> truth) {
    double recall = 0;
    long[] nanos = new long[picked.length];
    for (int round = 0; round < 2; round++) { // the first round warms up
      recall = 0;
      for (int i = 0; i < picked.length; i++) {
        int q = picked[i];
        float[] v = vectors.get(q);
        long t = System.nanoTime();
        List<String> found =
            engine.nearest(v, depth + 1, UserQuery.plain("")).stream().map(ScoredId::id).toList();
        nanos[i] = System.nanoTime() - t;
        List<String> topK = found.stream().filter(id -> !id.equals(ids.get(q))).limit(K).toList();
        int hit = 0;
        for (String id : topK) {
          hit += truth.get(i).contains(id) ? 1 : 0;
        }
        recall += hit / (double) K;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "hnsw m=%d ef-construction=%d int8=%s: build %.1f s (%d segments); kNN depth %d:"
            + " recall@10 %.4f, latency p50 %.2f ms, p99 %.2f ms%n",
        settings.hnswM(),
        settings.efConstruction(),
        settings.int8(),
        build,
        segments,
        depth,
        recall / picked.length,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6);
  }

  /** The ids of the K nearest other papers by exact dot product. */
  private static Set<String> exact(List<String> ids, List<float[]> vectors, int q) {
    float[] v = vectors.get(q);
    int[] best = new int[K];
    float[] score = new float[K];
    Arrays.fill(score, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.size(); i++) {
      if (i == q) {
        continue;
      }
      float d = VectorUtil.dotProduct(v, vectors.get(i));
      if (d > score[K - 1]) {
        int at = K - 1;
        while (at > 0 && score[at - 1] < d) {
          score[at] = score[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        score[at] = d;
        best[at] = i;
      }
    }
    Set<String> out = new java.util.HashSet<>();
    for (int i : best) {
      out.add(ids.get(i));
    }
    return out;
  }
}
