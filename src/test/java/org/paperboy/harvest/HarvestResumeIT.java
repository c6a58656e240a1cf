package org.paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Cli;
import org.paperboy.testing.OaiReplay;
import org.paperboy.testing.RecordedServer;

/**
 * The complete 103-page 2016 harvest replayed from a local server: kill -9 in the middle, run
 * again, and every one of the 102,538 papers is there once; the second run resumes at the page
 * after the last checkpoint instead of starting over.
 */
class HarvestResumeIT {
  @TempDir Path tmp;

  @Test
  void aKilledHarvestResumesWithoutDuplicatesOrGaps() throws Exception {
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
              data.toString());
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

      Cli.Result stats = Cli.run("stats", "--json", "--data", data.toString());
      assertThat(stats.exit()).isZero();
      try (var conn =
              java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("paperboy.db"));
          var st = conn.createStatement()) {
        var rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM papers");
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(102_538);
        assertThat(rs.getLong(2)).isEqualTo(102_538);
        var state =
            st.executeQuery("SELECT cursor, incremental_from, error_count FROM harvest_state");
        assertThat(state.next()).isTrue();
        assertThat(state.getString(1)).isNull();
        assertThat(state.getString(2)).isEqualTo("2016-03-09");
      }
      // The next harvest is incremental: it asks only for records changed since then.
      Cli.Result again = Cli.run(args.toArray(String[]::new));
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(server.requests().get(server.requests().size() - 1).getRawQuery())
          .contains("from=2016-03-09");
    }
  }
}
