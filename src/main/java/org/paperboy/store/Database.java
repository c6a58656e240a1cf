package org.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the store's database — the embedded SQLite file in the data directory, or a PostgreSQL
 * database named by a JDBC URL — and brings its schema up to date.
 */
public final class Database {
  public static final String FILE_NAME = "paperboy.db";

  /** The configuration value that selects the embedded store. */
  public static final String EMBEDDED = org.paperboy.config.PaperboyConfig.EMBEDDED_STORE;

  private Database() {}

  /** A migrated, pooled data source and the engine behind it. */
  public record Opened(HikariDataSource dataSource, Dialect dialect) {}

  /**
   * @param store {@link #EMBEDDED} or a {@code jdbc:postgresql://} URL (with {@code user} and
   *     {@code password} parameters where the server needs them)
   */
  public static Opened open(String store, Path dataDir) {
    if (store == null || store.isBlank() || EMBEDDED.equals(store)) {
      return new Opened(openSqlite(dataDir), Dialect.SQLITE);
    }
    return new Opened(openPostgres(store), Dialect.POSTGRESQL);
  }

  /** A pooled data source over a PostgreSQL database, migrated to the newest schema. */
  public static HikariDataSource openPostgres(String jdbcUrl) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setMaximumPoolSize(16);
    pool.setPoolName("paperboy-postgresql");
    // Fail fast with the server's own message when it cannot be reached at start-up.
    pool.setInitializationFailTimeout(10_000);
    pool.setConnectionTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(pool);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to PostgreSQL at " + redacted(jdbcUrl) + ": " + rootMessage(e), e);
    }
    migrate(ds, Dialect.POSTGRESQL);
    return ds;
  }

  /** The URL without its query (which may carry a password). */
  public static String redacted(String jdbcUrl) {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

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
    migrate(ds, Dialect.SQLITE);
    return ds;
  }

  /**
   * Migrates to the newest schema: the migrations both engines share ({@code db/common}) and this
   * engine's own ({@code db/sqlite} or {@code db/postgresql}), with the placeholders shared
   * migrations use where a type differs (see {@code db/README.md}).
   */
  private static void migrate(HikariDataSource ds, Dialect dialect) {
    boolean pg = dialect == Dialect.POSTGRESQL;
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations(
              "classpath:db/common",
              pg ? "classpath:db/postgresql" : "classpath:db/sqlite",
              "classpath:org/paperboy/store/migration")
          .placeholders(
              Map.of(
                  "id", pg ? "TEXT COLLATE \"C\"" : "TEXT",
                  "bigint", pg ? "BIGINT" : "INTEGER",
                  "bytes", pg ? "BYTEA" : "BLOB",
                  "serial", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"))
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException("cannot migrate the database schema: " + e.getMessage(), e);
    }
  }
}
