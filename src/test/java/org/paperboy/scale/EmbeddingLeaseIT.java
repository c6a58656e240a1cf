package org.paperboy.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.ServerRuntime;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.store.Database;
import org.paperboy.store.Dialect;
import org.paperboy.store.SqlPaperStore;
import org.paperboy.testing.Cli;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.PostgresServer;
import org.paperboy.testing.SharedData;

/**
 * Two app nodes on one PostgreSQL store, both embedding in the background: the "embed" job lease
 * lets one of them embed at a time, so every paper is embedded exactly once between them.
 */
class EmbeddingLeaseIT {
  @Test
  void twoNodesEmbedEachPaperOnce(@TempDir Path tmp) throws Exception {
    String store = PostgresServer.shared().newDatabase();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--store",
                store,
                "--data",
                tmp.resolve("importer").toString(),
                "import",
                "--quiet",
                "--no-index"));
    for (String day : List.of("2026-08-20", "2026-08-21")) {
      args.add(SharedData.path("hf-daily/" + day + ".json").toString());
    }
    Cli.Result imported = Cli.run(args.toArray(String[]::new));
    assertThat(imported.exit()).as(imported.err()).isZero();

    MutableClock clock = new MutableClock(Instant.parse("2026-08-21T12:00:00Z"));
    List<ServerRuntime> nodes = new ArrayList<>();
    try (HikariDataSource ds = Database.openPostgres(store)) {
      SqlPaperStore papers = new SqlPaperStore(ds, Dialect.POSTGRESQL, () -> {});
      long live = papers.countLive();
      assertThat(live).isGreaterThan(20);
      for (String name : List.of("a", "b")) {
        PaperboyConfig config =
            ConfigLoader.load(
                null,
                Map.of(),
                Map.of("store", store, "data", tmp.resolve(name).toString(), "server.port", "0"));
        nodes.add(ServerRuntime.open(config, new PrintStream(PrintStream.nullOutputStream())));
      }
      // Both embedding loops start together and both find every paper still to embed.
      for (ServerRuntime node : nodes) {
        node.start(clock, true);
      }
      String model = PaperboyConfig.DEFAULT_MODEL.key();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (papers.embeddings().count(model) < live && System.nanoTime() < end) {
        Thread.sleep(250);
      }
      assertThat(papers.embeddings().count(model)).isEqualTo(live);
      long byA = nodes.get(0).embeddedInBackground();
      long byB = nodes.get(1).embeddedInBackground();
      end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (byA + byB < live && System.nanoTime() < end) { // the last batch's count lands after
        Thread.sleep(50);
        byA = nodes.get(0).embeddedInBackground();
        byB = nodes.get(1).embeddedInBackground();
      }
      assertThat(byA + byB).as("papers embedded by a (%d) and b (%d)", byA, byB).isEqualTo(live);
    } finally {
      for (ServerRuntime n : nodes) {
        n.close();
      }
    }
  }
}
