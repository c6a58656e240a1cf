package org.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the embedded SQLite database in a data directory and brings its schema up to date. */
public final class Database {
  public static final String FILE_NAME = "paperboy.db";

  private Database() {}

  /** A pooled data source over {@code dataDir/paperboy.db}, migrated to the newest schema. */
  public static HikariDataSource openSqlite(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(30_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setCacheSize(-65_536); // 64 MiB page cache per connection
    // Rows carry whole abstracts (~1–2 KiB); 8 KiB pages keep most of a row on one page.
    config.setPageSize(8192);
    // Fewer, larger WAL checkpoints: bulk imports write each page once instead of several times.
    config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "8192");
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.enforceForeignKeys(true);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath());

    HikariConfig pool = new HikariConfig();
    pool.setDataSource(sqlite);
    // WAL lets readers run side by side; web requests each hold a connection briefly. Writers
    // still go one at a time (IMMEDIATE transactions, busy timeout).
    pool.setMaximumPoolSize(12);
    pool.setPoolName("paperboy-sqlite");
    HikariDataSource ds = new HikariDataSource(pool);
    migrate(ds);
    return ds;
  }

  private static void migrate(HikariDataSource ds) {
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException("cannot migrate the database schema: " + e.getMessage(), e);
    }
  }
}
