package org.paperboy.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.paperboy.app.Workspace;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.search.Like;
import org.paperboy.search.PaperSearcher;
import org.paperboy.search.ScoredId;
import org.paperboy.search.SearchMode;
import org.paperboy.search.UserQuery;

/**
 * Similar papers in-process, per way (keyword = more-like-this, semantic = embedding neighbours,
 * hybrid = both fused), on a data directory: median and p99 over papers spread over the collection,
 * after a warm-up, and a checksum of the ids so two builds can be compared for identical results;
 * then the steps of a fused request one after the other. Usage: SimilarTiming DATA_DIR [PAPERS]
 * [ROUNDS].
 */
public final class SimilarTiming {
  private SimilarTiming() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int papers = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    PaperboyConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", data.toString()));
    try (Workspace w = Workspace.open(config, new PrintStream(System.err), false)) {
      List<String> ids = new ArrayList<>();
      w.store.forEachLive(p -> ids.add(p.id()));
      Collections.sort(ids);
      Collections.shuffle(ids, new Random(7));
      List<String> sample = ids.subList(0, Math.min(papers, ids.size()));
      PaperSearcher searcher = w.searcher(Optional.empty());
      List<Long> build = new ArrayList<>();
      for (int r = 0; r < 2; r++) { // the first pass warms up
        for (String id : sample) {
          long t0 = System.nanoTime();
          w.engine.like(id);
          if (r == 1) {
            build.add(System.nanoTime() - t0);
          }
        }
      }
      Collections.sort(build);
      System.out.printf(
          "more-like-this query built, not run: p50 %.2f ms%n", build.get(build.size() / 2) / 1e6);
      for (SearchMode mode : List.of(SearchMode.KEYWORD, SearchMode.SEMANTIC, SearchMode.HYBRID)) {
        for (String id : sample.subList(0, Math.min(100, sample.size()))) {
          searcher.similarIds(id, mode, 10); // warm-up
        }
        List<Long> times = new ArrayList<>();
        long checksum = 0;
        for (int r = 0; r < rounds; r++) {
          for (String id : sample) {
            long t0 = System.nanoTime();
            List<ScoredId> got = searcher.similarIds(id, mode, 10).orElse(List.of());
            times.add(System.nanoTime() - t0);
            if (r == 0) {
              for (ScoredId s : got) {
                checksum = checksum * 31 + s.id().hashCode();
              }
            }
          }
        }
        Collections.sort(times);
        System.out.printf(
            "%-8s p50 %.2f ms  p99 %.2f ms  (%d calls)  ids checksum %016x%n",
            mode.name().toLowerCase(java.util.Locale.ROOT),
            times.get(times.size() / 2) / 1e6,
            times.get(times.size() * 99 / 100) / 1e6,
            times.size(),
            checksum);
      }
      steps(w, sample, rounds);
    }
  }

  /**
   * The steps of a fused similar-papers request timed one after the other on the calling thread
   * (the request overlaps the kNN branch with the more-like-this search; here each runs alone):
   * where the time of the fused list goes.
   */
  private static void steps(Workspace w, List<String> sample, int rounds) {
    String model = w.config.embeddingModel().key();
    String[] names = {
      "stored vector", "more-like-this built", "more-like-this top 101",
      "kNN depth 101", "cosines of the candidates", "words of the neighbours"
    };
    List<List<Long>> nanos = new ArrayList<>();
    for (String ignored : names) {
      nanos.add(new ArrayList<>());
    }
    int k = PaperSearcher.CANDIDATES + 1;
    for (int r = -1; r < rounds; r++) { // the first pass warms up
      for (String id : sample) {
        long[] t = new long[names.length + 1];
        t[0] = System.nanoTime();
        float[] v = w.store.embeddings().find(model, List.of(id)).get(id);
        t[1] = System.nanoTime();
        Like like = w.engine.like(id).orElseThrow();
        t[2] = System.nanoTime();
        Set<String> lexical = ids(like.top(k)); // collects k + a tie margin, as a request does
        t[3] = System.nanoTime();
        Set<String> near = ids(w.engine.nearest(v, k, UserQuery.parse("")));
        t[4] = System.nanoTime();
        w.engine.vectorScores(v, near); // exact cosines of both sides' papers, in two calls
        lexical.removeAll(near);
        w.engine.vectorScores(v, lexical);
        t[5] = System.nanoTime();
        like.scores(near);
        t[6] = System.nanoTime();
        for (int i = 0; r >= 0 && i < names.length; i++) {
          nanos.get(i).add(t[i + 1] - t[i]);
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      List<Long> n = nanos.get(i);
      Collections.sort(n);
      System.out.printf("in sequence: %-26s p50 %6.2f ms%n", names[i], n.get(n.size() / 2) / 1e6);
    }
  }

  private static Set<String> ids(List<ScoredId> list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(s -> out.add(s.id()));
    return out;
  }
}
