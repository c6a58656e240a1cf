package org.paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.testing.OaiReplay;
import org.paperboy.testing.PostgresServer;
import org.paperboy.testing.RecordedServer;
import org.paperboy.testing.ServeProcess;

/**
 * The daily arXiv harvest scheduled on two app nodes sharing PostgreSQL: it runs on one node only;
 * when that node is killed ({@code kill -9}) half-way, the other resumes it from the last stored
 * page at its next scheduler tick (not the next day), and every one of the 102,538 papers of the
 * replayed 2016 harvest is stored once.
 */
class ScheduledHarvestIT {
  /**
   * The nodes' clock, set when they start, reads 40 s before the harvest's scheduled time of day:
   * their first scheduler tick (at start-up) plans it for today.
   */
  private static final Instant START = Instant.parse("2026-08-21T05:59:20Z");

  @Test
  void oneNodeHarvestsAndTheOtherResumesWhenItIsKilled(@TempDir Path tmp) throws Exception {
    String store = PostgresServer.shared().newDatabase();
    OaiReplay replay = new OaiReplay();
    ServeProcess a = null;
    ServeProcess b = null;
    try (RecordedServer oai = new RecordedServer(replay::answer);
        HikariDataSource ds = Database.openPostgres(store)) {
      Jdbc jdbc = new Jdbc(ds);
      Duration offset = Duration.between(Instant.now(), START);
      a = node(tmp.resolve("a"), store, oai, offset);
      b = node(tmp.resolve("b"), store, oai, offset);
      a.awaitUp(Duration.ofSeconds(120));
      b.awaitUp(Duration.ofSeconds(120));

      // Both schedulers find 06:00 due at a tick after it; one takes the lease, the other skips.
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (oai.requests().size() < 30 && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      String holder = holder(jdbc);
      assertThat(holder).as("lease holder while harvesting").isNotNull();
      ServeProcess killed = holder.startsWith(a.process().pid() + "@") ? a : b;
      ServeProcess survivor = killed == a ? b : a;
      assertThat(holder).startsWith(killed.process().pid() + "@");
      killed.process().destroyForcibly().waitFor();
      int beforeTakeOver = oai.requests().size();
      assertThat(beforeTakeOver).as("killed half-way").isLessThan(replay.pages());
      assertThat(cursor(jdbc)).as("an unfinished harvest").isNotNull();

      // The survivor resumes at its next tick (every 30 s) with the stored resumption token.
      end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (cursor(jdbc) != null && System.nanoTime() < end) {
        Thread.sleep(200);
      }
      assertThat(cursor(jdbc)).as("harvest finished").isNull();
      assertThat(oai.requests().get(beforeTakeOver).getRawQuery())
          .startsWith("verb=ListRecords&resumptionToken=");
      assertThat(oai.requests().size()).isBetween(replay.pages(), replay.pages() + 2);
      assertThat(jdbc.count("SELECT COUNT(*) FROM papers")).isEqualTo(102_538);
      assertThat(jdbc.count("SELECT COUNT(DISTINCT id) FROM papers")).isEqualTo(102_538);
      assertThat(survivor.process().isAlive()).isTrue();
    } finally {
      for (ServeProcess n : new ServeProcess[] {a, b}) {
        if (n != null) {
          n.process().destroyForcibly().waitFor();
        }
      }
    }
  }

  /** The arXiv harvest's lease holder; null when none. */
  private static String holder(Jdbc jdbc) {
    return arxivState(jdbc, "lease_owner");
  }

  /** Where the unfinished arXiv harvest resumes; null when none. */
  private static String cursor(Jdbc jdbc) {
    return arxivState(jdbc, "cursor");
  }

  /** A column of the arXiv harvest's state row; null when NULL (read as '' by Jdbc.one). */
  private static String arxivState(Jdbc jdbc, String column) {
    return jdbc.one(
            "SELECT COALESCE(" + column + ", '') FROM harvest_state WHERE source LIKE 'arxiv:%'",
            rs -> rs.getString(1))
        .filter(v -> !v.isEmpty())
        .orElse(null);
  }

  private static ServeProcess node(Path data, String store, RecordedServer oai, Duration offset)
      throws Exception {
    return ServeProcess.start(
        "org.paperboy.testing.NodeMain",
        List.of(),
        List.of("--store", store, "--data", data.toString()),
        Map.of(
            "PAPERBOY_TEST_CLOCK_OFFSET", offset.toString(),
            "PAPERBOY_HARVEST_OAI_URL", oai.uri("/oai").toString(),
            "PAPERBOY_HARVEST_SET", "cs",
            "PAPERBOY_HARVEST_ARXIV_DELAY_SECONDS", "0",
            "PAPERBOY_HARVEST_SCHEDULE_ARXIV", "06:00"),
        Path.of("target", "node-logs"),
        "harvest-" + data.getFileName());
  }
}
