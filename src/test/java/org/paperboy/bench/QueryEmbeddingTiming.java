package org.paperboy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.paperboy.config.EmbeddingModelId;
import org.paperboy.embed.Embedder;

/**
 * Benchmark only: a search query's embedding (bge-small) through the worker pool that embeds papers
 * ({@code embed}) and on the calling thread ({@code encodeQuery}), on an idle embedder and while
 * another thread keeps embedding papers, as {@code serve} does in the background. Queries of
 * bench/queries.txt. Usage: QueryEmbeddingTiming.
 */
public final class QueryEmbeddingTiming {
  private QueryEmbeddingTiming() {}

  public static void main(String[] args) throws Exception {
    List<String> qs =
        Files.readAllLines(Path.of("bench/queries.txt")).stream()
            .filter(s -> !s.isBlank())
            .toList();
    EmbeddingModelId id = EmbeddingModelId.BGE_SMALL;
    try (Embedder e = new Embedder(id)) {
      List<String> papers = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++)
        papers.add(
            "A paper abstract about topic "
                + i
                + " with graph neural networks, transformers and protein structure prediction across many domains of science.");
      Thread bulk =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  try {
                    e.embedAll(papers);
                  } catch (RuntimeException x) {
                    return;
                  }
                }
              });
      bulk.setDaemon(true);
      time("query, idle: worker pool (embed)", qs, q -> e.embed(q));
      time("query, idle: calling thread (encodeQuery)", qs, q -> e.encodeQuery(q));
      bulk.start();
      timeFew("query during bulk: worker pool (embed)", qs, q -> e.embed(q));
      timeFew("query during bulk: calling thread (encodeQuery)", qs, q -> e.encodeQuery(q));
      bulk.interrupt();
      bulk.join(60000);
    }
  }

  static void timeFew(String name, List<String> qs, F f) throws Exception {
    long[] t = new long[qs.size()];
    for (int i = 0; i < qs.size(); i++) {
      long t0 = System.nanoTime();
      f.f(qs.get(i));
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    System.out.printf(
        "%-48s p50 %.3f ms  max %.3f ms%n", name, t[t.length / 2] / 1e6, t[t.length - 1] / 1e6);
  }

  interface F {
    Object f(String q) throws Exception;
  }

  static void time(String name, List<String> qs, F f) throws Exception {
    for (int i = 0; i < 3; i++) for (String q : qs) f.f(q);
    long[] t = new long[qs.size() * 20];
    int n = 0;
    for (int r = 0; r < 20; r++)
      for (String q : qs) {
        long t0 = System.nanoTime();
        f.f(q);
        t[n++] = System.nanoTime() - t0;
      }
    Arrays.sort(t);
    System.out.printf("%-40s p50 %.3f ms%n", name, t[n / 2] / 1e6);
  }
}
