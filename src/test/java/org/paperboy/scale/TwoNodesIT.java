package org.paperboy.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.digest.Preferences;
import org.paperboy.digest.Subscription;
import org.paperboy.digest.SubscriptionStore;
import org.paperboy.jobs.JobLease;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.testing.Cli;
import org.paperboy.testing.OpenSearchServer;
import org.paperboy.testing.PostgresServer;
import org.paperboy.testing.ServeProcess;
import org.paperboy.testing.SharedData;
import org.paperboy.testing.WebClient;

/**
 * Two app nodes (separate JVMs running {@code paperboy serve}) on one PostgreSQL store and one
 * OpenSearch cluster: papers imported while they run are searchable on both and reach each node's
 * local index ("for you") through the store's change log; a reader signed in on one node is signed
 * in on the other, votes and comments made on one are seen on the other at once, and the digest job
 * runs on exactly one node under the lease; when that node is killed ({@code kill -9}) mid-edition
 * the other takes the job over and every reader still gets exactly one mail.
 */
class TwoNodesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");
  private static final String PASSWORD = "correct horse battery staple";

  /** The nodes' clock (and the test's): the recorded day at noon when the test starts. */
  private static final Duration OFFSET = Duration.between(Instant.now(), NOW);

  private final java.time.Clock nodesClock =
      java.time.Clock.offset(java.time.Clock.systemUTC(), OFFSET);

  @Test
  void nodesShareSessionsVotesAndOneDigestJobThatSurvivesAKill(@TempDir Path tmp) throws Exception {
    String store = PostgresServer.shared().newDatabase();
    String cluster = OpenSearchServer.shared().uri().toString();
    List<String> files =
        new ArrayList<>(
            List.of(
                "--store",
                store,
                "--data",
                tmp.resolve("a").toString(),
                "import",
                "--quiet",
                "--no-index",
                "--as-of",
                "2026-08-21"));
    for (String day : List.of("2026-08-19", "2026-08-20")) {
      files.add(SharedData.path("hf-daily/" + day + ".json").toString());
    }
    Cli.Result imported = Cli.run(files.toArray(String[]::new));
    assertThat(imported.exit()).as(imported.err()).isZero();

    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    ServeProcess a = null;
    ServeProcess b = null;
    try (HikariDataSource ds = Database.openPostgres(store)) {
      Jdbc jdbc = new Jdbc(ds);
      a = node(tmp.resolve("a"), store, cluster, smtp.getSmtp().getPort());
      b = node(tmp.resolve("b"), store, cluster, smtp.getSmtp().getPort());
      a.awaitUp(Duration.ofSeconds(120));
      b.awaitUp(Duration.ofSeconds(120));

      // A reader signs up on node A; the session cookie works on node B (sessions live in the
      // store).
      // Each node is ready: PostgreSQL, its local index and OpenSearch answer (/readyz).
      for (ServeProcess n : List.of(a, b)) {
        HttpResponse<String> ready = new WebClient(n.base()).get("/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = JSON.readTree(ready.body()).get("checks");
        assertThat(checks.get("store").get("ok").asBoolean()).isTrue();
        assertThat(checks.get("index").get("ok").asBoolean()).isTrue();
        assertThat(checks.get("search").get("detail").asText()).endsWith("documents in OpenSearch");
      }
      WebClient onA = new WebClient(a.base()).signUp("ada", PASSWORD);
      WebClient onB = onA.rebased(b.base());
      long end;
      assertThat(onB.get("/settings").body()).contains("ada");

      // Papers imported while both nodes run are searchable on both (one OpenSearch index).
      Cli.Result later =
          Cli.run(
              "--store",
              store,
              "--search",
              cluster,
              "--data",
              tmp.resolve("importer").toString(),
              "import",
              "--quiet",
              "--as-of",
              "2026-08-21",
              SharedData.path("hf-daily/2026-08-21.json").toString(),
              SharedData.path("arxiv-api").toString());
      assertThat(later.exit()).as(later.err()).isZero();
      for (ServeProcess n : List.of(a, b)) {
        JsonNode found =
            JSON.readTree(
                new WebClient(n.base())
                    .get("/api/papers/search?mode=keyword&q=Einstein-Weyl+cosymplectic")
                    .body());
        assertThat(found.toString()).as("search on node " + n.port()).contains("1801.05533");
      }

      // They reach each node's local index too ("for you" ranks from it) by the change log.
      List<String> ofTheDay = new ArrayList<>();
      JSON.readTree(new WebClient(b.base()).get("/api/daily_papers?date=2026-08-21").body())
          .forEach(e -> ofTheDay.add(e.get("paper").get("id").asText()));
      assertThat(ofTheDay).isNotEmpty();
      for (WebClient reader : List.of(onA, onB)) {
        end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String forYou = "";
        while (ofTheDay.stream().noneMatch(forYou::contains) && System.nanoTime() < end) {
          Thread.sleep(200);
          forYou = reader.get("/for-you?period=day&date=2026-08-21").body();
        }
        assertThat(ofTheDay).anyMatch(forYou::contains);
      }

      // A vote and a comment on node A are seen on node B at once.
      String paper =
          JSON.readTree(new WebClient(b.base()).get("/api/daily_papers?date=2026-08-21").body())
              .get(0)
              .get("paper")
              .get("id")
              .asText();
      int before = upvotes(b, paper);
      String csrf = onA.csrf("/papers/" + paper);
      assertThat(
              onA.postForm("/actions/upvote", Map.of("paper", paper, "vote", "1", "csrf", csrf))
                  .statusCode())
          .isIn(200, 303);
      assertThat(upvotes(b, paper)).isEqualTo(before + 1);
      onA.submit(
          "/papers/" + paper,
          "/actions/comment",
          Map.of("paper", paper, "text", "seen from node B"));
      assertThat(onB.get("/papers/" + paper).body()).contains("seen from node B");

      // Forty confirmed readers: the node holding the digest lease composes and sends the edition.
      SubscriptionStore subs = new SubscriptionStore(jdbc);
      List<String> readers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String email = "reader" + i + "@example.org";
        Subscription s = subs.request(email, null, Preferences.defaults(), NOW);
        subs.confirm(s.id(), NOW);
        readers.add(email);
      }
      end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (smtp.getReceivedMessages().length < 10 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      // Kill -9 the holder between two mails (5 a second: 40 ms after one, 160 ms before the next).
      Thread.sleep(40);
      JobLease probe = new JobLease(jdbc, "digest", "probe", Duration.ofSeconds(4), nodesClock);
      String holder = probe.holder().orElseThrow();
      ServeProcess killed = holder.contains(":" + a.process().pid() + ":") ? a : b;
      ServeProcess survivor = killed == a ? b : a;
      assertThat(holder).contains(":" + killed.process().pid() + ":");
      killed.process().destroyForcibly().waitFor();
      int beforeTakeOver = smtp.getReceivedMessages().length;
      assertThat(beforeTakeOver).as("killed mid-edition").isBetween(10, readers.size() - 10);

      // The survivor takes the lease once it expires and sends the rest (mails the killed node had
      // claimed wait for their claim to lapse): every reader gets the edition exactly once.
      end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (smtp.getReceivedMessages().length < readers.size() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      Thread.sleep(2_000); // a duplicate, if any, would arrive now
      Map<String, Integer> perReader = new TreeMap<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        perReader.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
        assertThat(m.getSubject())
            .startsWith("Your Paperboy daily digest — Thursday 20 August 2026");
      }
      assertThat(perReader.keySet()).containsExactlyInAnyOrderElementsOf(readers);
      assertThat(perReader.values()).containsOnly(1);
      assertThat(probe.holder().orElseThrow()).contains(":" + survivor.process().pid() + ":");
      // The survivor still serves the reader.
      assertThat(new WebClient(survivor.base()).get("/api/papers/" + paper).statusCode())
          .isEqualTo(200);
    } finally {
      for (ServeProcess n : new ServeProcess[] {a, b}) {
        if (n != null) {
          n.process().destroyForcibly().waitFor();
        }
      }
      smtp.stop();
    }
  }

  private static int upvotes(ServeProcess n, String id) throws Exception {
    return JSON.readTree(new WebClient(n.base()).get("/api/papers/" + id).body())
        .get("upvotes")
        .asInt();
  }

  /** {@code paperboy serve} on the shifted clock, on its own data directory (its local index). */
  private static ServeProcess node(Path data, String store, String search, int smtpPort)
      throws Exception {
    return ServeProcess.start(
        "org.paperboy.testing.NodeMain",
        List.of(),
        List.of("--store", store, "--search", search, "--data", data.toString()),
        Map.of(
            "PAPERBOY_TEST_CLOCK_OFFSET", OFFSET.toString(),
            "PAPERBOY_MAIL_SMTP_HOST", "127.0.0.1",
            "PAPERBOY_MAIL_SMTP_PORT", Integer.toString(smtpPort),
            "PAPERBOY_MAIL_RATE_PER_SECOND", "5",
            "PAPERBOY_DIGEST_SCHEDULE", "true",
            "PAPERBOY_JOBS_LEASE_SECONDS", "4",
            "PAPERBOY_JOBS_TICK_SECONDS", "1"),
        Path.of("target", "node-logs"),
        data.getFileName().toString());
  }
}
