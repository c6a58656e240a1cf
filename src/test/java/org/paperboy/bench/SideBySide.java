package org.paperboy.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.account.AccountStore;
import org.paperboy.account.Accounts;
import org.paperboy.account.User;
import org.paperboy.cli.Main;
import org.paperboy.config.HnswSettings;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.index.Reindexer;
import org.paperboy.opensearch.OpenSearchClient;
import org.paperboy.opensearch.OpenSearchIndex;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.store.SqlPaperStore;
import org.paperboy.testing.OpenSearchServer;
import org.paperboy.testing.PostgresServer;
import org.paperboy.testing.ServeProcess;

/**
 * Benchmark only: the embedded mode against the scaled one on the same machine, in one run.
 * Indexing a benchmark collection into Lucene and into OpenSearch; search latency through
 * Paperboy's API on each backend (1 and 8 clients, per mode); a Kaggle import into SQLite and into
 * PostgreSQL; upvotes from 50 concurrent API clients on each store. Servers are separate {@code
 * paperboy serve} JVMs; the load comes from this JVM (closed loop, one HTTP connection per client).
 *
 * <p>Usage: {@code SideBySide DATA_DIR KAGGLE_FILE SECONDS [PARTS]} (bench/scaled.sh sets it up);
 * PARTS: {@code all} (default), {@code writes} (import and upvotes only), {@code search} (index
 * builds and search only) or {@code search-reuse} (search only, without building a second Lucene
 * index to time: for a collection whose own index build {@code bench/collection.sh} timed, e.g. at
 * 1M papers, where that build alone takes most of an hour).
 */
public final class SideBySide {
  private static final String MODEL = org.paperboy.config.PaperboyConfig.DEFAULT_MODEL.key();

  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path kaggle = Path.of(args[1]);
    int seconds = Integer.parseInt(args[2]);
    String parts = args.length > 3 ? args[3] : "all";
    Path work = Files.createTempDirectory("paperboy-sidebyside-");
    String cluster = OpenSearchServer.shared().uri().toString();
    String pg = PostgresServer.shared().newDatabase();
    HnswSettings hnsw = HnswSettings.defaults(); // both backends build the product's graph
    IndexSettings settings = new IndexSettings(MODEL, hnsw.m(), hnsw.efConstruction(), hnsw.int8());

    if (!parts.equals("writes")) {
      searchSideBySide(data, seconds, work, cluster, settings, !parts.equals("search-reuse"));
    }
    if (parts.equals("all") || parts.equals("writes")) {
      writesSideBySide(kaggle, seconds, work, pg);
    }
    System.exit(0);
  }

  /** 1. Index build in each backend; 2. search latency through the API on each. */
  private static void searchSideBySide(
      Path data,
      int seconds,
      Path work,
      String cluster,
      IndexSettings settings,
      boolean timeLuceneBuild)
      throws Exception {
    HikariDataSource sqlite = Database.openSqlite(data);
    SqlPaperStore store = new SqlPaperStore(sqlite, sqlite);
    long papers = store.countLive();
    System.out.printf("collection: %,d papers in %s%n", papers, data);
    OpenSearchClient client = new OpenSearchClient(URI.create(cluster));
    try (OpenSearchIndex os = OpenSearchIndex.open(client, "paperboy", settings)) {
      long t = System.nanoTime();
      Reindexer.rebuild(store, os, MODEL, n -> {});
      System.out.printf("index build, OpenSearch: %.1f s%n", (System.nanoTime() - t) / 1e9);
    }
    awaitMerges(client);
    if (timeLuceneBuild) {
      try (PaperIndex lucene = PaperIndex.open(work.resolve("index"), settings)) {
        long t = System.nanoTime();
        Reindexer.rebuild(store, lucene, MODEL, n -> {});
        System.out.printf("index build, embedded Lucene: %.1f s%n", (System.nanoTime() - t) / 1e9);
      }
    }
    List<String> ids = new ArrayList<>();
    store.forEachLive(p -> ids.add(p.id()));
    sqlite.close();

    // 2. Search latency through the API, per backend.
    List<String> queries =
        Files.readAllLines(Path.of("bench/queries.txt")).stream()
            .filter(l -> !l.isBlank())
            .toList();
    SplittableRandom random = new SplittableRandom(7);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sample.add(ids.get(random.nextInt(ids.size())));
    }
    for (String backend : List.of("lucene", cluster)) {
      ServeProcess s = serve(data, "sqlite", backend, work);
      try {
        String name = backend.equals("lucene") ? "embedded" : "opensearch";
        load(s, mixed(queries, sample), 2, 30, null); // warm-up
        for (int clients : new int[] {1, 8}) {
          for (String mode : List.of("keyword", "semantic", "hybrid")) {
            List<String> paths =
                queries.stream()
                    .map(q -> "/api/papers/search?mode=" + mode + "&limit=10&q=" + enc(q))
                    .toList();
            report(name + " " + mode, clients, load(s, paths, clients, seconds, null));
          }
          List<String> similar =
              sample.stream().map(id -> "/api/papers/" + id + "/similar?limit=10").toList();
          report(name + " similar", clients, load(s, similar, clients, seconds, null));
        }
      } finally {
        s.stop();
      }
    }
  }

  /**
   * Waits until OpenSearch has no merge running. Its build leaves merges behind (64 s of them at 1M
   * papers), and they took CPU from whatever was measured next (the embedded side, measured first);
   * prints the wait and the segments left, as its defaults leave them.
   */
  private static void awaitMerges(OpenSearchClient client) throws InterruptedException {
    long t = System.nanoTime();
    int quiet = 0;
    while (quiet < 3 && System.nanoTime() - t < TimeUnit.MINUTES.toNanos(30)) {
      quiet = stat(client, "merge", "merges", "current") == 0 ? quiet + 1 : 0;
      Thread.sleep(2_000);
    }
    System.out.printf(
        "OpenSearch merges settled after %.1f s more (%d segments)%n",
        (System.nanoTime() - t) / 1e9, stat(client, "segments", "segments", "count"));
  }

  /** One figure of the cluster's {@code _stats/METRIC}, totalled over all indices; -1 if absent. */
  private static long stat(OpenSearchClient client, String metric, String group, String figure) {
    return client
        .send("GET", "/_stats/" + metric, null)
        .path("_all")
        .path("total")
        .path(group)
        .path(figure)
        .asLong(-1);
  }

  /** 3. Import into each store; 4. upvotes from 50 clients on each. */
  private static void writesSideBySide(Path kaggle, int seconds, Path work, String pg)
      throws Exception {
    // 3. Import throughput into each store (Kaggle snapshot, store only).
    Path sqliteData = work.resolve("writes-sqlite");
    for (String target : List.of("sqlite", pg)) {
      Path dir = target.equals("sqlite") ? sqliteData : work.resolve("writes-pg");
      List<String> a =
          List.of(
              "--data",
              dir.toString(),
              "--store",
              target,
              "import",
              "--quiet",
              "--no-index",
              kaggle.toString());
      long t = System.nanoTime();
      int exit =
          Main.run(a.toArray(String[]::new), Map.of(), Clock.systemUTC(), System.out, System.err);
      System.out.printf(
          "import into %s: exit %d, %.1f s%n",
          target.equals("sqlite") ? "SQLite" : "PostgreSQL", exit, (System.nanoTime() - t) / 1e9);
    }

    // 4. Upvotes from 50 concurrent API clients (each its own reader and token).
    for (String target : List.of("sqlite", pg)) {
      Path dir = target.equals("sqlite") ? sqliteData : work.resolve("writes-pg");
      Database.Opened db = Database.open(target, dir);
      List<String> tokens = new ArrayList<>();
      List<String> voteIds = new ArrayList<>();
      try (HikariDataSource ds = db.dataSource()) {
        Accounts accounts = new Accounts(new AccountStore(new Jdbc(ds)), Clock.systemUTC());
        for (int i = 0; i < 50; i++) {
          User u =
              accounts.signUp(
                  "voter" + i + "x" + System.nanoTime() % 100000,
                  "a long enough password " + i,
                  null);
          tokens.add(accounts.createApiToken(u, "bench"));
        }
        new SqlPaperStore(ds, db.dialect(), () -> {})
            .forEachLive(
                p -> {
                  if (voteIds.size() < 5000) {
                    voteIds.add(p.id());
                  }
                });
      }
      ServeProcess s = serve(dir, target, "lucene", work);
      try {
        List<String> paths = voteIds.stream().map(id -> "/api/papers/" + id + "/upvote").toList();
        load(s, paths, 50, 5, tokens); // warm-up
        report(
            "upvotes " + (target.equals("sqlite") ? "SQLite" : "PostgreSQL"),
            50,
            load(s, paths, 50, seconds, tokens));
      } finally {
        s.stop();
      }
    }
  }

  private static List<String> mixed(List<String> queries, List<String> sample) {
    List<String> out = new ArrayList<>();
    for (String q : queries) {
      for (String mode : List.of("keyword", "semantic", "hybrid")) {
        out.add("/api/papers/search?mode=" + mode + "&limit=10&q=" + enc(q));
      }
    }
    sample.forEach(id -> out.add("/api/papers/" + id + "/similar?limit=10"));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  record Result(long requests, long errors, double seconds, long[] nanos) {}

  /**
   * {@code clients} threads, each with its own HTTP connection, request the paths in turn for
   * {@code seconds}; with tokens, each client POSTs as its own reader (upvote) and DELETEs the vote
   * again every other time, so every request writes.
   */
  private static Result load(
      ServeProcess s, List<String> paths, int clients, int seconds, List<String> tokens)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<long[]> perClient = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[][] box = {new long[1 << 16]};
      int[] count = {0};
      perClient.add(null);
      Thread t =
          Thread.ofPlatform()
              .start(
                  () -> {
                    HttpClient http =
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    int i = client * 7919;
                    while (System.nanoTime() < end) {
                      String path = paths.get(Math.floorMod(i++, paths.size()));
                      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path));
                      if (tokens != null) {
                        b.header("Authorization", "Bearer " + tokens.get(client));
                        if ((i / paths.size()) % 2 == 0) {
                          b.POST(HttpRequest.BodyPublishers.noBody());
                        } else {
                          b.DELETE();
                        }
                      }
                      long t0 = System.nanoTime();
                      try {
                        HttpResponse<byte[]> r =
                            http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                          errors.incrementAndGet();
                        }
                      } catch (Exception e) {
                        errors.incrementAndGet();
                      }
                      long dt = System.nanoTime() - t0;
                      if (count[0] == box[0].length) {
                        box[0] = Arrays.copyOf(box[0], box[0].length * 2);
                      }
                      box[0][count[0]++] = dt;
                    }
                    synchronized (perClient) {
                      perClient.set(client, Arrays.copyOf(box[0], count[0]));
                    }
                  });
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(all.length, errors.get(), elapsed, all);
  }

  private static void report(String name, int clients, Result r) {
    long[] n = r.nanos();
    double p50 = n.length == 0 ? 0 : n[(int) (n.length * 0.50)] / 1e6;
    double p99 = n.length == 0 ? 0 : n[Math.min(n.length - 1, (int) (n.length * 0.99))] / 1e6;
    System.out.printf(
        "%-22s clients %2d  p50 %7.2f ms  p99 %7.2f ms  %8.1f req/s  errors %d%n",
        name, clients, p50, p99, r.requests() / r.seconds(), r.errors());
  }

  /** A {@code paperboy serve} JVM (digests off) with a 2 GiB heap, up and answering. */
  private static ServeProcess serve(Path data, String store, String search, Path logs)
      throws Exception {
    ServeProcess s =
        ServeProcess.start(
            "org.paperboy.cli.Main",
            List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx2g"),
            List.of("--data", data.toString(), "--store", store, "--search", search),
            Map.of("PAPERBOY_DIGEST_SCHEDULE", "false"),
            logs,
            "serve");
    s.awaitUp(java.time.Duration.ofMinutes(20));
    return s;
  }
}
