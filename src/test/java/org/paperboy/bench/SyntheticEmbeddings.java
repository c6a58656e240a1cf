package org.paperboy.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.SqlPaperStore;

/**
 * Benchmark set-up only, never part of the product: gives every paper without an embedding a seeded
 * random unit vector, so that search latency and index build time can be measured on a corpus far
 * larger than this machine can embed in a session. Random 384-d vectors have no cluster structure,
 * which makes HNSW search slower than on real embeddings: a conservative stand-in for latency,
 * meaningless for quality.
 *
 * <p>Usage: {@code SyntheticEmbeddings DATA_DIR MODEL_KEY}
 */
public final class SyntheticEmbeddings {
  private SyntheticEmbeddings() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    String model = args[1];
    HikariDataSource ds = Database.openSqlite(data);
    try (SqlPaperStore store = new SqlPaperStore(ds, ds)) {
      String after = "";
      long done = 0;
      while (true) {
        List<Paper> batch = store.embeddings().papersWithout(model, after, 2000);
        if (batch.isEmpty()) {
          break;
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (Paper p : batch) {
          vectors.put(p.id(), vector(p.id()));
        }
        store.embeddings().save(model, vectors);
        done += batch.size();
        after = batch.get(batch.size() - 1).id();
      }
      System.out.printf("synthetic vectors written: %,d%n", done);
    }
  }

  static float[] vector(String id) {
    long seed = 1125899906842597L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      seed = 31 * seed + b;
    }
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[384];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      double g = gaussian(r);
      v[i] = (float) g;
      norm += g * g;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double w = r.nextDouble();
    return Math.sqrt(-2 * Math.log(Math.max(u, 1e-300))) * Math.cos(2 * Math.PI * w);
  }
}
