package org.paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.testing.Cli;
import org.paperboy.testing.OaiReplay;
import org.paperboy.testing.PostgresServer;
import org.paperboy.testing.RecordedServer;

/**
 * The complete 103-page 2016 harvest replayed from a local server: kill -9 in the middle, run
 * again, and every one of the 102,538 papers is there once; the second run resumes at the page
 * after the last checkpoint instead of starting over.
 */
class HarvestResumeIT {
  @TempDir Path tmp;

  /**
   * On PostgreSQL the second run stands for another app node: it finds the killed harvest's lease
   * in the shared store, sees the holder is dead and takes the harvest over.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aKilledHarvestResumesWithoutDuplicatesOrGaps(String engine) throws Exception {
    String store =
        engine.equals("sqlite") ? Database.EMBEDDED : PostgresServer.shared().newDatabase();
    OaiReplay replay = new OaiReplay();
    assertThat(replay.pages()).isEqualTo(103);
    try (RecordedServer server = new RecordedServer(replay::answer)) {
      Path data = tmp.resolve("data");
      List<String> args =
          List.of(
              "harvest",
              "arxiv",
              "--set",
              "cs",
              "--delay",
              "0",
              "--endpoint",
              server.uri("/oai").toString(),
              "--data",
              data.toString(),
              "--store",
              store);
      Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  javaBin.toString(),
                  "--enable-native-access=ALL-UNNAMED",
                  "--add-modules",
                  "jdk.incubator.vector",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.paperboy.cli.Main"));
      command.addAll(args);
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("child.log").toFile())
              .start();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> server.requests().size() >= 30);
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      int firstRun = server.requests().size();
      assertThat(firstRun).isLessThan(103);

      Cli.Result rerun = Cli.run(args.toArray(String[]::new));
      assertThat(rerun.exit()).as(rerun.err()).isZero();
      assertThat(rerun.out()).contains("resumed from a checkpoint");
      // The second run starts with a token (not a fresh ListRecords) and fetches only what the
      // first had not checkpointed: at most the page in flight again.
      assertThat(server.requests().get(firstRun).getRawQuery())
          .startsWith("verb=ListRecords&resumptionToken=");
      assertThat(server.requests().size()).isBetween(103, 103 + 2);

      Cli.Result stats = Cli.run("stats", "--json", "--data", data.toString(), "--store", store);
      assertThat(stats.exit()).isZero();
      try (HikariDataSource ds = Database.open(store, data).dataSource()) {
        Jdbc jdbc = new Jdbc(ds);
        assertThat(jdbc.count("SELECT COUNT(*) FROM papers")).isEqualTo(102_538);
        assertThat(jdbc.count("SELECT COUNT(DISTINCT id) FROM papers")).isEqualTo(102_538);
        var state =
            jdbc.one(
                    "SELECT cursor, incremental_from FROM harvest_state",
                    rs -> new String[] {rs.getString(1), rs.getString(2)})
                .orElseThrow();
        assertThat(state[0]).isNull();
        assertThat(state[1]).isEqualTo("2016-03-09");
      }
      // The next harvest is incremental: it asks only for records changed since then.
      Cli.Result again = Cli.run(args.toArray(String[]::new));
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(server.requests().get(server.requests().size() - 1).getRawQuery())
          .contains("from=2016-03-09");
    }
  }
}
