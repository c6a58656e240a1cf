package org.paperboy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PatienceKnnVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.paperboy.index.IndexSchema;

/**
 * Benchmark only: the cost of a kNN query on an index directory per depth and query kind (plain
 * HNSW, and Lucene's patience variant that stops a segment's search once its queue stops changing),
 * with segments searched on two threads as the server does and on one. Queries are 300 vectors of
 * the index itself (seed 3); median and p90 of two rounds after a warm-up. Latency only: recall is
 * VectorRecall's job. Usage: KnnTiming INDEX_DIR.
 */
public final class KnnTiming {
  private KnnTiming() {}

  public static void main(String[] args) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
      List<float[]> queries = sample(reader, 300);
      String field = IndexSchema.VECTOR;
      Map<String, Function<float[], Query>> kinds = new LinkedHashMap<>();
      kinds.put("depth 100", v -> new KnnFloatVectorQuery(field, v, 100));
      kinds.put(
          "depth 100, patience",
          v -> PatienceKnnVectorQuery.fromFloatQuery(new KnnFloatVectorQuery(field, v, 100)));
      kinds.put("depth 50", v -> new KnnFloatVectorQuery(field, v, 50));
      kinds.put("depth 11", v -> new KnnFloatVectorQuery(field, v, 11));
      System.out.printf("%,d documents in %d segments%n", reader.maxDoc(), reader.leaves().size());
      for (boolean parallel : new boolean[] {true, false}) {
        IndexSearcher s = parallel ? new IndexSearcher(reader, pool) : new IndexSearcher(reader);
        for (Map.Entry<String, Function<float[], Query>> kind : kinds.entrySet()) {
          queries.subList(0, 50).forEach(q -> search(s, kind.getValue().apply(q)));
          long[] nanos = new long[queries.size() * 2];
          int n = 0;
          for (int round = 0; round < 2; round++) {
            for (float[] q : queries) {
              long t0 = System.nanoTime();
              search(s, kind.getValue().apply(q));
              nanos[n++] = System.nanoTime() - t0;
            }
          }
          Arrays.sort(nanos);
          System.out.printf(
              "%-22s %-12s p50 %.2f ms  p90 %.2f ms%n",
              kind.getKey(),
              parallel ? "2 threads" : "1 thread",
              nanos[nanos.length / 2] / 1e6,
              nanos[nanos.length * 9 / 10] / 1e6);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void search(IndexSearcher s, Query q) {
    try {
      s.search(q, 100);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<float[]> sample(DirectoryReader reader, int n) throws java.io.IOException {
    Random random = new Random(3);
    List<float[]> out = new ArrayList<>();
    List<LeafReaderContext> leaves = reader.leaves();
    while (out.size() < n) {
      LeafReaderContext leaf = leaves.get(random.nextInt(leaves.size()));
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
      if (values != null && values.size() > 0) {
        out.add(values.vectorValue(random.nextInt(values.size())).clone());
      }
    }
    return out;
  }
}
