package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Cli;
import org.paperboy.testing.SharedData;

/** kill -9 in the middle of an import: the store stays consistent and the next run finishes. */
class KilledImportIT {
  @TempDir Path tmp;

  @Test
  void aKilledImportLeavesAConsistentStoreAndTheNextRunFinishesTheJob() throws Exception {
    Path data = tmp.resolve("data");
    String kaggle = SharedData.path("arxiv-kaggle-format").toString();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.paperboy.cli.Main",
                    "import",
                    "--quiet",
                    "--data",
                    data.toString(),
                    kaggle))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    Path db = data.resolve("paperboy.db");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Files.exists(db) && count(db) >= 10_000);
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the process itself
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

    long partial = count(db);
    assertThat(partial).isBetween(10_000L, 74_727L);
    assertThat(partial % 1000).as("only whole batches are committed").isZero();
    assertThat(integrity(db)).isEqualTo("ok");

    Cli.Result rerun = Cli.run("import", "--quiet", "--data", data.toString(), kaggle);
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.out())
        .startsWith(String.format("%,d new, 0 updated, %,d unchanged", 74_728 - partial, partial));
    assertThat(count(db)).isEqualTo(74_728);
  }

  private static long count(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM papers")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      if (e.getMessage().contains("no such table")) {
        return 0; // migrations not run yet
      }
      throw e;
    }
  }

  private static String integrity(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
