package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by an earlier version (schema V8, migrations in the old one-directory-
 * per-engine layout, 15 papers from ../shared/data/hf-daily/2026-08-20.json) opens with today's
 * migrations: Flyway checksums each applied migration's text, so moving or rewriting one that was
 * applied would fail here.
 */
class OlderStoreTest {
  @TempDir Path tmp;

  @Test
  void aStoreFromTheEarlierMigrationLayoutOpensAndKeepsItsPapers() throws Exception {
    try (InputStream in =
        new GZIPInputStream(getClass().getResourceAsStream("/stores/sqlite-schema-v8.db.gz"))) {
      Files.copy(in, tmp.resolve(Database.FILE_NAME));
    }
    Database.Opened db = Database.open(Database.EMBEDDED, tmp);
    try (var ds = db.dataSource()) {
      SqlPaperStore papers = new SqlPaperStore(ds, db.dialect(), () -> {});
      assertThat(papers.countLive()).isEqualTo(15);
      Jdbc jdbc = new Jdbc(ds);
      // Its 8 applied migrations still validate, and the newer ones were applied on top.
      assertThat(
              jdbc.count(
                  "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND installed_rank <= 8"))
          .isEqualTo(8);
      assertThat(jdbc.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success"))
          .isGreaterThan(8);
      assertThat(jdbc.count("SELECT COUNT(*) FROM papers WHERE github_stars IS NULL"))
          .isEqualTo(15);
    }
  }
}
