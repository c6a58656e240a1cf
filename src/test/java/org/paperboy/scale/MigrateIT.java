package org.paperboy.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.account.AccountStore;
import org.paperboy.account.Accounts;
import org.paperboy.account.User;
import org.paperboy.community.CommunityStore;
import org.paperboy.digest.Preferences;
import org.paperboy.digest.Subscription;
import org.paperboy.digest.SubscriptionStore;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.testing.Cli;
import org.paperboy.testing.OpenSearchServer;
import org.paperboy.testing.PostgresServer;
import org.paperboy.testing.SharedData;

/**
 * {@code paperboy migrate}: an embedded data directory (papers, embeddings, accounts, sessions,
 * votes, comments, subscriptions) moved into PostgreSQL and OpenSearch loses nothing — the same
 * rows everywhere, the same searches, the reader still signed in.
 */
class MigrateIT {
  private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anEmbeddedDataDirectoryMovesToPostgresAndOpenSearchWithNothingLost(@TempDir Path tmp)
      throws Exception {
    String data = tmp.resolve("data").toString();
    Cli.Result imported =
        Cli.run(
            "import",
            "--data",
            data,
            "--quiet",
            SharedData.path("arxiv-api").toString(),
            SharedData.path("hf-daily/2026-08-20.json").toString(),
            SharedData.path("hf-daily/2026-08-21.json").toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(Cli.run("embed", "--data", data, "--quiet").exit()).isZero();

    String session;
    try (HikariDataSource ds = Database.openSqlite(Path.of(data))) {
      Jdbc jdbc = new Jdbc(ds);
      Accounts accounts = new Accounts(new AccountStore(jdbc), Clock.fixed(NOW, ZoneOffset.UTC));
      User ada = accounts.signUp("ada", "correct horse battery staple", "ada@example.org");
      session = accounts.startSession(ada);
      CommunityStore community = new CommunityStore(jdbc);
      String paper =
          json.readTree(
                  Cli.run("--data", data, "search", "--json", "--mode", "keyword", "agent").out())
              .get(0)
              .get("id")
              .asText();
      community.vote(ada.id(), paper, NOW);
      community.addComment(paper, ada.id(), "kept across the move", NOW);
      SubscriptionStore subs = new SubscriptionStore(jdbc);
      Subscription s = subs.request("ada@example.org", ada.id(), Preferences.defaults(), NOW);
      subs.confirm(s.id(), NOW);
    }

    String store = PostgresServer.shared().newDatabase();
    String cluster = OpenSearchServer.shared().uri().toString();
    Cli.Result moved = Cli.run("--data", data, "migrate", "--to", store, "--to-search", cluster);
    assertThat(moved.exit()).as(moved.err()).isZero();
    assertThat(moved.out())
        .containsPattern("papers +[0-9,]+ rows copied")
        .containsPattern("embeddings +[0-9,]+ rows copied")
        .containsPattern("sessions +1 rows copied")
        .containsPattern("votes +1 rows copied")
        .containsPattern("subscriptions +1 rows copied")
        .contains("indexed ");

    // The same answers from the scaled backends as from the embedded ones.
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      List<String> before =
          ids(Cli.run("--data", data, "search", "--json", "--mode", mode, "video generation"));
      List<String> after =
          ids(
              Cli.run(
                  "--data",
                  tmp.resolve("node").toString(),
                  "--store",
                  store,
                  "--search",
                  cluster,
                  "search",
                  "--json",
                  "--mode",
                  mode,
                  "video generation"));
      assertThat(after).as(mode).isNotEmpty().isEqualTo(before);
    }
    String embeddedStats = Cli.run("--data", data, "stats").out();
    String scaledStats =
        Cli.run("--data", tmp.resolve("node").toString(), "--store", store, "stats").out();
    assertThat(firstLine(scaledStats)).isEqualTo(firstLine(embeddedStats));
    try (HikariDataSource pg = Database.openPostgres(store)) {
      Accounts accounts =
          new Accounts(new AccountStore(new Jdbc(pg)), Clock.fixed(NOW, ZoneOffset.UTC));
      assertThat(accounts.session(session)).as("still signed in").isPresent();
    }

    // Migrating into a database that has data is refused, and changes nothing there.
    Cli.Result again = Cli.run("--data", data, "migrate", "--to", store);
    assertThat(again.exit()).isNotZero();
    assertThat(again.err()).contains("the target store is not empty");
    Cli.Result bad = Cli.run("--data", data, "migrate", "--to", "postgres://x");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("--to: expected a jdbc:postgresql:// URL");
  }

  private List<String> ids(Cli.Result r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> out = new ArrayList<>();
    for (JsonNode h : json.readTree(r.out())) {
      out.add(h.get("id").asText());
    }
    return out;
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("");
  }
}
