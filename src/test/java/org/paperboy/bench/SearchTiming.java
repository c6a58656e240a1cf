package org.paperboy.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.paperboy.app.Workspace;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.embed.Embedder;
import org.paperboy.search.PaperSearcher;
import org.paperboy.search.ScoredId;
import org.paperboy.search.SearchEngine;
import org.paperboy.search.SearchFilters;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchSort;
import org.paperboy.search.UserQuery;

/**
 * Benchmark only: where a search's time goes, in-process, on a data directory with the default
 * model: the query embedding, kNN and BM25 at the depths search asks for, scoring the fusion
 * candidates on the other side, the page's hits with and without snippets, and whole rankings and
 * searches per mode. Each line is the median and p90 over the queries of bench/queries.txt, ROUNDS
 * times after one warm-up pass. Usage: SearchTiming DATA_DIR [ROUNDS].
 */
public final class SearchTiming {
  private SearchTiming() {}

  public static void main(String[] args) throws Exception {
    PaperboyConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<String> queries =
        Files.readAllLines(Path.of("bench/queries.txt")).stream()
            .filter(s -> !s.isBlank())
            .toList();
    try (Workspace w = Workspace.open(config, new PrintStream(System.err), false);
        Embedder embedder = new Embedder(config.embeddingModel())) {
      PaperSearcher searcher = w.searcher(Optional.of(embedder));
      SearchEngine engine = w.engine;
      Map<String, float[]> vectors = new HashMap<>();
      Map<String, Set<String>> candidates = new HashMap<>();
      Map<String, List<ScoredId>> pages = new HashMap<>();
      for (String q : queries) {
        UserQuery uq = UserQuery.parse(q);
        float[] v = embedder.encodeQuery(uq.freeText());
        vectors.put(q, v);
        Set<String> both = new LinkedHashSet<>();
        engine.nearest(v, PaperSearcher.CANDIDATES, uq).forEach(s -> both.add(s.id()));
        engine.keyword(uq, PaperSearcher.CANDIDATES).forEach(s -> both.add(s.id()));
        candidates.put(q, both);
        pages.put(q, engine.keyword(uq, 11));
      }
      Timer t = new Timer(queries, rounds);
      t.time("query embedding", q -> embedder.encodeQuery(UserQuery.parse(q).freeText()));
      t.time("kNN, depth 100", q -> engine.nearest(vectors.get(q), 100, UserQuery.parse(q)));
      t.time(
          "kNN, depth " + PaperSearcher.SEMANTIC_DEPTH,
          q -> engine.nearest(vectors.get(q), PaperSearcher.SEMANTIC_DEPTH, UserQuery.parse(q)));
      t.time("kNN, depth 11", q -> engine.nearest(vectors.get(q), 11, UserQuery.parse(q)));
      t.time("BM25, depth 100", q -> engine.keyword(UserQuery.parse(q), 100));
      t.time("BM25, depth 11", q -> engine.keyword(UserQuery.parse(q), 11));
      t.time(
          "BM25 scores of candidates",
          q -> engine.keywordScores(UserQuery.parse(q), candidates.get(q)));
      t.time("cosines of candidates", q -> engine.vectorScores(vectors.get(q), candidates.get(q)));
      t.time("11 hits, no snippets", q -> engine.hits(pages.get(q), UserQuery.parse(q), false));
      t.time("11 hits with snippets", q -> engine.hits(pages.get(q), UserQuery.parse(q), true));
      for (SearchMode m : SearchMode.values()) {
        t.time("rank " + m.key() + ", 11", q -> searcher.rank(UserQuery.parse(q), m, 11));
      }
      for (SearchMode m : SearchMode.values()) {
        t.time(
            "search " + m.key() + ", 11 with hits",
            q ->
                searcher.search(
                    new SearchRequest(q, SearchFilters.NONE, m, SearchSort.RELEVANCE, 0, 11)));
      }
      inSequence(queries, rounds, embedder, engine);
    }
    System.exit(0);
  }

  /**
   * A semantic search's steps timed one after the other for each query, as a search runs them (each
   * step above runs alone, with its caches warm): query embedding, kNN, the page's hits.
   */
  private static void inSequence(
      List<String> queries, int rounds, Embedder embedder, SearchEngine engine) {
    String[] names = {"in sequence: query embedding", "in sequence: kNN", "in sequence: hits"};
    List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int r = -1; r < rounds; r++) { // the first pass warms up
      for (String q : queries) {
        UserQuery uq = UserQuery.parse(q);
        long t0 = System.nanoTime();
        float[] v = embedder.encodeQuery(uq.freeText());
        long t1 = System.nanoTime();
        List<ScoredId> near = engine.nearest(v, PaperSearcher.SEMANTIC_DEPTH, uq);
        long t2 = System.nanoTime();
        engine.hits(near.subList(0, Math.min(11, near.size())), uq, true);
        long t3 = System.nanoTime();
        if (r >= 0) {
          nanos.get(0).add(t1 - t0);
          nanos.get(1).add(t2 - t1);
          nanos.get(2).add(t3 - t2);
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      List<Long> n = nanos.get(i);
      Collections.sort(n);
      System.out.printf(
          "%-34s p50 %6.2f ms  p90 %6.2f ms%n",
          names[i], n.get(n.size() / 2) / 1e6, n.get(n.size() * 9 / 10) / 1e6);
    }
  }

  private record Timer(List<String> queries, int rounds) {
    void time(String name, Consumer<String> step) {
      queries.forEach(step);
      List<Long> nanos = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (String q : queries) {
          long t0 = System.nanoTime();
          step.accept(q);
          nanos.add(System.nanoTime() - t0);
        }
      }
      Collections.sort(nanos);
      System.out.printf(
          "%-34s p50 %6.2f ms  p90 %6.2f ms%n",
          name, nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 9 / 10) / 1e6);
    }
  }
}
