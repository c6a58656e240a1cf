package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.account.AccountStore;
import org.paperboy.account.Accounts;
import org.paperboy.account.User;
import org.paperboy.community.CommunityStore;
import org.paperboy.digest.Mail;
import org.paperboy.digest.Outbox;
import org.paperboy.digest.Preferences;
import org.paperboy.digest.Subscription;
import org.paperboy.digest.SubscriptionStore;
import org.paperboy.harvest.HarvestStore;
import org.paperboy.jobs.JobLease;
import org.paperboy.paper.Paper;
import org.paperboy.testing.Cli;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.SharedData;

/**
 * The store's behaviour, run against each engine ({@link SqliteStoreIT}, {@link PostgresStoreIT}):
 * imports through the real CLI, then papers, embeddings, daily lists, accounts, votes, comments,
 * the digest outbox and the leases read back through the store classes.
 */
abstract class StoreContract {
  static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");
  static final List<String> DAYS = List.of("2026-08-19", "2026-08-20", "2026-08-21");

  @TempDir Path tmp;
  String store;
  HikariDataSource ds;
  SqlPaperStore papers;
  Jdbc jdbc;

  /** The {@code store} configuration value for a fresh, empty store of this engine. */
  abstract String newStore(Path tmp);

  abstract Dialect dialect();

  @BeforeEach
  void open() {
    store = newStore(tmp);
    Database.Opened db = Database.open(store, tmp.resolve("data"));
    assertThat(db.dialect()).isEqualTo(dialect());
    ds = db.dataSource();
    papers = new SqlPaperStore(ds, db.dialect(), () -> {});
    jdbc = new Jdbc(ds);
  }

  @AfterEach
  void close() {
    ds.close();
  }

  Cli.Result cli(String... args) {
    List<String> all =
        new ArrayList<>(List.of("--store", store, "--data", tmp.resolve("data").toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  String[] importArgs() {
    List<String> args = new ArrayList<>(List.of("import", "--quiet", "--no-index"));
    for (String day : DAYS) {
      args.add(SharedData.path("hf-daily/" + day + ".json").toString());
    }
    args.add(SharedData.path("arxiv-oai-cs-2016/1.xml.gz").toString());
    return args.toArray(String[]::new);
  }

  @Test
  void importsAreLosslessIdempotentAndReadBackInIdOrder() {
    Cli.Result first = cli(importArgs());
    assertThat(first.exit()).as(first.err()).isZero();
    long live = papers.countLive();
    assertThat(live).isGreaterThan(1000);
    assertThat(first.out()).contains(String.format("%,d new", live));

    Cli.Result again = cli(importArgs());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 new, 0 updated");
    assertThat(papers.countLive()).isEqualTo(live);

    List<String> ids = new ArrayList<>();
    List<String> notOnADay = new ArrayList<>();
    papers.forEachLive(
        p -> {
          ids.add(p.id());
          if (p.dailyDate() == null) {
            notOnADay.add(p.id());
          }
        });
    assertThat(ids).hasSize((int) live).isSorted().doesNotHaveDuplicates();
    // Only a shared store keeps a change log for app nodes to follow (ChangeFollower).
    if (dialect() == Dialect.SQLITE) {
      assertThat(papers.changes().last()).isZero();
    } else {
      assertThat(papers.changes().last()).isGreaterThanOrEqualTo(live);
    }
    // Byte order on both engines (PostgreSQL's id column uses the C collation).
    List<String> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    assertThat(ids).isEqualTo(sorted);

    Map<String, Paper> some = papers.findAll(ids.subList(0, 50));
    assertThat(some).hasSize(50);
    for (Paper p : some.values()) {
      assertThat(papers.find(p.id())).contains(p);
    }
    StoreStats stats = papers.stats();
    assertThat(stats.papers()).isEqualTo(live);

    // Daily Papers days come back by range; a submission puts a paper on a day once.
    assertThat(papers.dailyPapers(LocalDate.parse("2026-08-20"), LocalDate.parse("2026-08-20")))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.dailyDate()).isEqualTo(LocalDate.parse("2026-08-20")));
    assertThat(papers.latestDailyDate(LocalDate.parse("2026-09-30")))
        .contains(LocalDate.parse("2026-08-21"));
    assertThat(papers.earliestDailyDate(LocalDate.parse("2026-01-01")))
        .contains(LocalDate.parse("2026-08-19"));
    String oai = notOnADay.get(0);
    assertThat(papers.putOnDay(oai, LocalDate.parse("2026-08-22"))).isTrue();
    assertThat(papers.putOnDay(oai, LocalDate.parse("2026-08-23"))).isFalse();
  }

  @Test
  void aMalformedFileIsRejectedWithoutHalfWritingAnything() throws Exception {
    Path bad = tmp.resolve("broken.json");
    Files.writeString(bad, "[{\"paper\": {\"id\": \"2508.00001\", \"title\": ");
    Cli.Result r = cli("import", "--quiet", "--no-index", bad.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("broken.json");
    assertThat(papers.countLive()).isZero();
  }

  @Test
  void papersAreFoundByAuthorWithCoauthorsAndOtherSpellings() {
    BatchWriter writer = new BatchWriter(papers);
    // Into an empty store, a bulk load drops the author index while it runs and rebuilds it.
    papers.bulkLoad(
        () -> {
          assertThat(authorIndexExists()).isFalse();
          return writer.write(
              List.of(byAuthors("2401.00001", "2024-01-05", "José García-López", "Ada Lovelace")));
        });
    assertThat(authorIndexExists()).isTrue();
    papers.bulkLoad( // a store with papers keeps its index
        () -> {
          assertThat(authorIndexExists()).isTrue();
          return null;
        });
    // A store opened without it (a bulk load that died) gets it back.
    jdbc.update("DROP INDEX paper_authors_key");
    new SqlPaperStore(ds, dialect(), () -> {});
    assertThat(authorIndexExists()).isTrue();
    writer.write(
        List.of(
            byAuthors("2401.00002", "2024-03-01", "Garcia Lopez, Jose", "Ada Lovelace"),
            byAuthors("2401.00003", null, "J. Garcia-Lopez"),
            byAuthors("2401.00004", "2023-12-01", "Jose Garcia Lopez", "Alan Turing")));
    AuthorIndex a = papers.authors();
    // Newest first, undated last, whatever the spelling.
    assertThat(a.papers("jose-garcia-lopez", 10))
        .containsExactly("2401.00002", "2401.00001", "2401.00004");
    assertThat(a.count("jose-garcia-lopez")).isEqualTo(3);
    assertThat(a.coauthors("jose-garcia-lopez", 5))
        .containsExactly(
            new AuthorIndex.Named("ada-lovelace", "Ada Lovelace", 2),
            new AuthorIndex.Named("alan-turing", "Alan Turing", 1));
    assertThat(a.maybeSame("jose-garcia-lopez", 5))
        .containsExactly(new AuthorIndex.Named("j-garcia-lopez", "J. Garcia-Lopez", 1));
    assertThat(a.categories("jose-garcia-lopez"))
        .containsExactly(new AuthorIndex.Named("cs.CL", "cs.CL", 3));
    // A rewrite replaces the paper's authors; a deleted paper no longer counts.
    writer.write( // a newer version whose author list wins the merge
        List.of(
            byAuthors("2401.00004", "2023-12-01", "Alan Turing").toBuilder()
                .updated(LocalDate.parse("2024-06-01"))
                .authority(null)
                .build()));
    assertThat(a.count("jose-garcia-lopez")).isEqualTo(2);
    assertThat(a.papers("alan-turing", 5)).containsExactly("2401.00004");
  }

  private boolean authorIndexExists() {
    String sql =
        dialect() == Dialect.SQLITE
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?"
            : "SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?";
    return jdbc.count(sql, "paper_authors_key") == 1;
  }

  private static Paper byAuthors(String id, String published, String... authors) {
    return Paper.builder(id)
        .title("Paper " + id)
        .abstractText("About " + id)
        .authors(List.of(authors))
        .categories(List.of("cs.CL"))
        .published(published == null ? null : LocalDate.parse(published))
        .updated(published == null ? LocalDate.parse("2099-01-01") : LocalDate.parse(published))
        .source(org.paperboy.paper.Source.API)
        .build();
  }

  @Test
  void committedWritesArePublishedToListenersAndRolledBackOnesAreNot() {
    List<PaperChanges> seen = new ArrayList<>();
    papers.onCommit(seen::add);
    BatchWriter writer = new BatchWriter(papers);
    Paper first = paper("2401.00001", "A first title");
    Paper provisional = paper(Paper.provisionalId("A second title"), "A second title");
    writer.write(List.of(first, provisional));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).written())
        .extracting(Paper::id)
        .containsExactlyInAnyOrder(first.id(), provisional.id());
    assertThat(seen.get(0).created()).containsExactlyInAnyOrder(first.id(), provisional.id());
    assertThat(seen.get(0).removed()).isEmpty();

    // The arXiv version absorbs the provisional paper: one paper written (new id), one removed.
    writer.write(List.of(paper("2401.00002", "A second title")));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).written()).extracting(Paper::id).containsExactly("2401.00002");
    // It continues the provisional paper (its votes, its day), so it is not counted as new.
    assertThat(seen.get(1).created()).isEmpty();
    assertThat(seen.get(1).removed()).containsExactly(provisional.id());

    // Writing the same record again changes nothing, and nothing is published.
    writer.write(List.of(first));
    assertThat(seen).hasSize(2);

    // A transaction that fails is rolled back and not published.
    try {
      papers.inTransaction(
          tx -> {
            tx.upsert(List.of(paper("2401.00003", "Never stored")), Set.of("2401.00003"));
            throw new IllegalStateException("fails on purpose");
          });
    } catch (IllegalStateException expected) {
      // expected
    }
    assertThat(seen).hasSize(2);
    assertThat(papers.find("2401.00003")).isEmpty();

    // Putting a paper on a day is a change to it, published with the stored paper.
    assertThat(papers.putOnDay(first.id(), LocalDate.parse("2026-08-21"))).isTrue();
    assertThat(seen).hasSize(3);
    assertThat(seen.get(2).written().get(0).dailyDate()).isEqualTo(LocalDate.parse("2026-08-21"));
    assertThat(seen.get(2).created()).isEmpty();
  }

  private static Paper paper(String id, String title) {
    return Paper.builder(id)
        .title(title)
        .abstractText("An abstract for " + title)
        .authors(List.of("Ada Lovelace"))
        .categories(List.of("cs.CL"))
        .source(org.paperboy.paper.Source.API)
        .build();
  }

  @Test
  void embeddingsRoundTripAndPageByPaper() {
    assertThat(cli(importArgs()).exit()).isZero();
    List<Paper> firstPage = papers.embeddings().papersWithout("m", "", 100);
    assertThat(firstPage).hasSize(100);
    Map<String, float[]> vectors = new LinkedHashMap<>();
    for (int i = 0; i < firstPage.size(); i++) {
      float[] v = new float[384];
      v[i % 384] = 1f;
      v[(i + 1) % 384] = -0.5f;
      vectors.put(firstPage.get(i).id(), v);
    }
    papers.embeddings().save("m", vectors);
    assertThat(papers.embeddings().count("m")).isEqualTo(100);
    Map<String, float[]> back = papers.embeddings().find("m", vectors.keySet());
    assertThat(back).hasSize(100);
    vectors.forEach((id, v) -> assertThat(back.get(id)).containsExactly(v));
    List<Paper> next = papers.embeddings().papersWithout("m", "", 100);
    assertThat(next).extracting(Paper::id).doesNotContainAnyElementsOf(vectors.keySet());
    int[] withVector = {0};
    papers.embeddings().forEachLivePaper("m", (p, v) -> withVector[0] += v == null ? 0 : 1);
    assertThat(withVector[0]).isEqualTo(100);
  }

  @Test
  void simultaneousFirstSignUpsMakeOneAdminAndParallelGuessesStayUnderTheLimit() throws Exception {
    Accounts accounts = new Accounts(new AccountStore(jdbc), new MutableClock(NOW));
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Callable<User>> signUps = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        signUps.add(() -> accounts.signUp("early" + n, "correct horse battery", null));
      }
      int admins = 0;
      for (Future<User> f : pool.invokeAll(signUps)) {
        admins += f.get().role() == org.paperboy.account.Role.ADMIN ? 1 : 0;
      }
      assertThat(admins).isEqualTo(1);

      // Twelve wrong passwords at once for one name: the limit (5) holds, the rest are throttled.
      List<Callable<String>> guesses = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        guesses.add(
            () -> {
              try {
                accounts.signIn("early0", "wrong " + n, "10.0.0." + n);
                return "signed in";
              } catch (org.paperboy.account.ThrottledException e) {
                return "throttled";
              } catch (org.paperboy.account.AccountException e) {
                return "checked";
              }
            });
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(guesses)) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn("checked"::equals).hasSize(5);
      assertThat(outcomes).filteredOn("throttled"::equals).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentVotesCountOnceEachAndCommentsReadBack() throws Exception {
    assertThat(cli(importArgs()).exit()).isZero();
    MutableClock clock = new MutableClock(NOW);
    Accounts accounts = new Accounts(new AccountStore(jdbc), clock);
    CommunityStore community = new CommunityStore(jdbc);
    String paper =
        papers
            .dailyPapers(LocalDate.parse("2026-08-21"), LocalDate.parse("2026-08-21"))
            .get(0)
            .id();
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      users.add(accounts.signUp("reader" + i, "correct horse battery " + i, null));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> votes = new ArrayList<>();
      for (User u : users) {
        for (int twice = 0; twice < 2; twice++) {
          votes.add(pool.submit(() -> community.vote(u.id(), paper, NOW)));
        }
      }
      int counted = 0;
      for (Future<Boolean> f : votes) {
        counted += f.get() ? 1 : 0;
      }
      assertThat(counted).isEqualTo(20);
    } finally {
      pool.shutdown();
    }
    assertThat(community.counts(List.of(paper)).get(paper).votes()).isEqualTo(20);
    assertThat(community.votedBy(users.get(3).id(), List.of(paper))).containsExactly(paper);
    community.addComment(paper, users.get(0).id(), "first <b>comment</b>", NOW);
    community.addComment(paper, users.get(1).id(), "second", NOW.plusSeconds(1));
    assertThat(community.comments(paper, false))
        .extracting(c -> c.body())
        .containsExactly("first <b>comment</b>", "second");
    // A session started here is found through the store (any app node can serve the reader).
    String token = accounts.startSession(users.get(0));
    assertThat(accounts.session(token)).isPresent();
    assertThat(new Accounts(new AccountStore(new Jdbc(ds)), clock).session(token)).isPresent();
  }

  @Test
  void twoSendersClaimDisjointMailsAndLeasesExpire() throws Exception {
    SubscriptionStore subs = new SubscriptionStore(jdbc);
    Outbox outbox = new Outbox(jdbc);
    List<Mail> mails = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Subscription s = subs.request("r" + i + "@example.org", null, Preferences.defaults(), NOW);
      subs.confirm(s.id(), NOW);
      mails.add(
          new Mail(
              s.id(),
              "daily/2026-08-21",
              "r" + i + "@example.org",
              "S",
              "<p>h</p>",
              "p",
              List.of("2508.0000" + (i % 7))));
    }
    assertThat(outbox.enqueue(mails, NOW)).isEqualTo(60);
    assertThat(outbox.enqueue(mails, NOW)).as("an edition is stored once").isZero();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    Set<String> seen = Collections.synchronizedSet(new HashSet<>());
    try {
      List<Future<Integer>> claims = new ArrayList<>();
      for (int sender = 0; sender < 2; sender++) {
        claims.add(
            pool.submit(
                () -> {
                  int n = 0;
                  List<Outbox.Pending> got;
                  while (!(got = outbox.claimDue(NOW, 7, Duration.ofMinutes(1))).isEmpty()) {
                    for (Outbox.Pending p : got) {
                      assertThat(seen.add(p.id())).as("claimed twice: " + p.id()).isTrue();
                      n++;
                    }
                  }
                  return n;
                }));
      }
      assertThat(claims.get(0).get() + claims.get(1).get()).isEqualTo(60);
    } finally {
      pool.shutdown();
    }
    // Claims lapse: after the lease, the unsent mails can be claimed again.
    assertThat(outbox.claimDue(NOW.plusSeconds(30), 100, Duration.ofMinutes(1))).isEmpty();
    assertThat(outbox.claimDue(NOW.plusSeconds(61), 100, Duration.ofMinutes(1))).hasSize(60);

    // The job lease: one holder at a time, taken over once it expires, given back on release.
    MutableClock clock = new MutableClock(NOW);
    JobLease a = new JobLease(jdbc, "digest", "node-a", Duration.ofSeconds(10), clock);
    JobLease b = new JobLease(jdbc, "digest", "node-b", Duration.ofSeconds(10), clock);
    assertThat(a.hold()).isTrue();
    assertThat(b.hold()).isFalse();
    clock.advance(Duration.ofSeconds(9));
    assertThat(a.hold()).as("renewed").isTrue();
    clock.advance(Duration.ofSeconds(9));
    assertThat(b.hold()).as("a renewed 9 s ago").isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(b.hold()).as("a's lease ran out").isTrue();
    assertThat(a.hold()).isFalse();
    assertThat(a.holder()).contains("node-b");
    b.release();
    assertThat(a.hold()).isTrue();

    // Harvest leases follow the same rules per source.
    HarvestStore harvest = new HarvestStore(jdbc);
    assertThat(harvest.acquire("arxiv-oai", "node-a", NOW, Duration.ofMinutes(30))).isTrue();
    assertThat(harvest.acquire("arxiv-oai", "node-b", NOW.plusSeconds(60), Duration.ofMinutes(30)))
        .isFalse();
    assertThat(
            harvest.acquire("arxiv-oai", "node-b", NOW.plusSeconds(1801), Duration.ofMinutes(30)))
        .isTrue();
  }

  @Test
  void openingAMigratedStoreAgainChangesNothing() {
    assertThat(cli(importArgs()).exit()).isZero();
    long live = papers.countLive();
    Database.Opened again = Database.open(store, tmp.resolve("data"));
    try {
      assertThat(new SqlPaperStore(again.dataSource(), again.dialect(), () -> {}).countLive())
          .isEqualTo(live);
    } finally {
      again.dataSource().close();
    }
    Cli.Result stats = cli("stats");
    assertThat(stats.exit()).as(stats.err()).isZero();
    assertThat(stats.out()).contains(String.format("%,d", live));
  }
}
