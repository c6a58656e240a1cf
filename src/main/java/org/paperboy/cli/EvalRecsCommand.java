package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.paperboy.app.Services;
import org.paperboy.app.Workspace;
import org.paperboy.community.CommunityStore;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingStage;
import org.paperboy.eval.KaggleListings;
import org.paperboy.eval.Metrics;
import org.paperboy.eval.RecsSimulation;
import org.paperboy.eval.RecsSimulation.Reader;
import org.paperboy.eval.VectorCache;
import org.paperboy.feed.Period;
import org.paperboy.foryou.ForYou;
import org.paperboy.foryou.Recommender;
import org.paperboy.index.Reindexer;
import org.paperboy.paper.Paper;
import org.paperboy.store.Jdbc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval-recs",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Evaluate the \"for you\" ranking offline on arXiv listings in Kaggle-snapshot format:"
            + " simulated readers upvote papers of their categories from the 30 days before a"
            + " Monday; the week's papers are ranked; precision@10 and nDCG@10 against \"in the"
            + " reader's categories\", beside recency and random baselines.")
final class EvalRecsCommand implements Callable<Integer> {
  private static final int K = 10;

  @ParentCommand Main main;

  @Parameters(paramLabel = "PATH", description = "A .jsonl(.gz) file or a directory of them.")
  Path input;

  @Option(names = "--days", defaultValue = "4", description = "Mondays to evaluate.")
  int days;

  @Option(names = "--readers", defaultValue = "6", description = "One-category readers per day.")
  int singles;

  @Option(names = "--pairs", defaultValue = "2", description = "Two-category readers per day.")
  int pairs;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulation.")
  long seed;

  @Option(names = "--cache", paramLabel = "DIR", description = "Keep paper embeddings here.")
  Path cache;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (days < 1 || singles < 0 || pairs < 0 || singles + pairs < 1) {
      main.err.println("paperboy: error: --days must be >= 1 and --readers + --pairs >= 1");
      return ExitCodes.USAGE;
    }
    List<Paper> all = parse(input);
    List<Reader> readers = RecsSimulation.readers(all, days, singles, pairs, seed);
    if (readers.isEmpty()) {
      main.err.println("paperboy: error: no category qualifies as a reader's interest here");
      return ExitCodes.FAILED;
    }
    Set<String> needed = new java.util.TreeSet<>();
    for (Reader r : readers) {
      needed.addAll(r.week());
      needed.addAll(r.upvoted());
    }
    List<Paper> papers = all.stream().filter(p -> needed.contains(p.id())).toList();
    Path work = Files.createTempDirectory("paperboy-eval-recs");
    try {
      return run(readers, papers, work);
    } finally {
      Workspace.deleteTree(work);
    }
  }

  private int run(List<Reader> readers, List<Paper> papers, Path work) {
    var config = main.config(Map.of("data", work.toString()));
    String model = config.embeddingModel().key();
    try (Workspace w = Workspace.open(config, main.err);
        Embedder embedder = new Embedder(config.embeddingModel())) {
      w.store.inTransaction(
          tx -> {
            tx.upsert(papers, Set.of());
            return null;
          });
      Optional<Path> cacheFile =
          Optional.ofNullable(cache).map(c -> c.resolve(model + "-recs-" + seed + ".vectors"));
      if (cacheFile.isPresent() && Files.exists(cacheFile.get())) {
        w.store.embeddings().save(model, VectorCache.read(cacheFile.get()));
      }
      long missing = w.store.countLive() - w.store.embeddings().count(model);
      if (missing > 0) {
        main.err.printf(Locale.ROOT, "paperboy: embedding %d papers…%n", missing);
        EmbeddingStage.run(w.store, embedder, w.index, n -> {});
      }
      if (cacheFile.isPresent()) {
        VectorCache.write(cacheFile.get(), w.store.embeddings().find(model, ids(papers)));
      }
      Reindexer.rebuild(w.store, w.index, model, n -> {});
      Clock clock = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
      Recommender recommender =
          Services.build(w, Optional.empty(), clock, () -> "", false).recommender();
      Recommender embeddingsOnly = recommender.embeddingsOnly();
      CommunityStore community = new CommunityStore(w.jdbc);
      Map<String, Paper> byId = new HashMap<>();
      papers.forEach(p -> byId.put(p.id(), p));
      Map<String, List<double[]>> scores = new LinkedHashMap<>();
      List<Long> nanos = new ArrayList<>();
      List<Double> base = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(seed);
      for (Reader r : readers) {
        String user = addReader(w.jdbc, community, r);
        base.add(r.baseRate());
        Period week = new Period(Period.Kind.WEEK, r.monday(), r.monday().plusDays(6));
        long t0 = System.nanoTime();
        ForYou f = recommender.rank(user, week, K);
        nanos.add(System.nanoTime() - t0);
        List<String> model10 = f.papers().stream().map(x -> x.entry().paper().id()).toList();
        score(scores, "for-you", model10, r);
        // The honest row: relevance here is "in the reader's categories", which the shipped
        // ranking's category feature reads; the embeddings model alone does not.
        List<String> embedding10 =
            embeddingsOnly.rank(user, week, K).papers().stream()
                .map(x -> x.entry().paper().id())
                .toList();
        score(scores, "embeddings-only", embedding10, r);
        score(scores, "recency", recency(r, byId), r);
        List<String> shuffled = new ArrayList<>(r.week());
        RecsSimulation.shuffle(shuffled, random);
        score(scores, "random", shuffled.subList(0, Math.min(K, shuffled.size())), r);
      }
      print(readers, scores, base, nanos);
      return ExitCodes.OK;
    }
  }

  private static List<String> ids(List<Paper> papers) {
    return papers.stream().map(Paper::id).toList();
  }

  /** Newest first, then smaller id: what trending gives when no paper has votes. */
  private static List<String> recency(Reader r, Map<String, Paper> byId) {
    return r.week().stream()
        .sorted(
            Comparator.comparing((String id) -> byId.get(id).published())
                .reversed()
                .thenComparing(id -> id))
        .limit(K)
        .toList();
  }

  private static String addReader(Jdbc jdbc, CommunityStore community, Reader r) {
    String id = "eval-" + r.name();
    jdbc.update(
        "INSERT INTO users (id, username, username_key, email, password_hash, role, created_at)"
            + " VALUES (?, ?, ?, NULL, '!', 'READER', 0)",
        id,
        id,
        id);
    long t = 0;
    for (String paper : r.upvoted()) {
      community.vote(id, paper, Instant.ofEpochMilli(++t));
    }
    return id;
  }

  private static void score(
      Map<String, List<double[]>> scores, String method, List<String> top, Reader r) {
    Map<String, Integer> judged = new HashMap<>();
    r.relevant().forEach(id -> judged.put(id, 1));
    long hits = top.stream().limit(K).filter(r.relevant()::contains).count();
    scores
        .computeIfAbsent(method, m -> new ArrayList<>())
        .add(new double[] {(double) hits / K, Metrics.ndcg(top, judged, K)});
  }

  private void print(
      List<Reader> readers,
      Map<String, List<double[]>> scores,
      List<Double> base,
      List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    double p50 = sorted.get(sorted.size() / 2) / 1e6;
    double weekSize = readers.stream().mapToInt(r -> r.week().size()).average().orElse(0);
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode root = m.createObjectNode();
      root.put("readers", readers.size());
      root.put("mondays", readers.stream().map(Reader::monday).distinct().count());
      root.put("baseRate", mean(base));
      root.put("weekPapers", weekSize);
      root.put("rankMsP50", p50);
      scores.forEach(
          (method, list) -> {
            ObjectNode n = root.putObject(method);
            n.put("precision@10", mean(list, 0));
            n.put("precision@10.sd", sd(list, 0));
            n.put("ndcg@10", mean(list, 1));
            n.put("ndcg@10.sd", sd(list, 1));
          });
      main.out.println(root.toString());
      return;
    }
    main.out.printf(
        Locale.ROOT,
        "%d readers over %d Mondays; %.0f papers per week on average; base rate %.3f (max %.3f)%n",
        readers.size(),
        readers.stream().map(Reader::monday).distinct().count(),
        weekSize,
        mean(base),
        base.stream().mapToDouble(d -> d).max().orElse(0));
    main.out.printf(Locale.ROOT, "%-16s %18s %18s%n", "method", "precision@10", "nDCG@10");
    scores.forEach(
        (method, list) ->
            main.out.printf(
                Locale.ROOT,
                "%-16s %10.3f ± %.3f %10.3f ± %.3f%n",
                method,
                mean(list, 0),
                sd(list, 0),
                mean(list, 1),
                sd(list, 1)));
    main.out.printf(Locale.ROOT, "ranking one reader's week: p50 %.1f ms%n", p50);
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(d -> d).average().orElse(0);
  }

  private static double mean(List<double[]> xs, int i) {
    return xs.stream().mapToDouble(d -> d[i]).average().orElse(0);
  }

  private static double sd(List<double[]> xs, int i) {
    double m = mean(xs, i);
    return Math.sqrt(xs.stream().mapToDouble(d -> (d[i] - m) * (d[i] - m)).sum() / xs.size());
  }

  private List<Paper> parse(Path path) throws IOException {
    KaggleListings.Read read = KaggleListings.read(path);
    if (read.rejected() > 0) {
      main.err.printf(
          Locale.ROOT, "paperboy: skipped %d records that could not be read%n", read.rejected());
    }
    return read.papers();
  }
}
