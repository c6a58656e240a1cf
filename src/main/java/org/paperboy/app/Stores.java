package org.paperboy.app;

import com.zaxxer.hikari.HikariDataSource;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.store.PaperStore;
import org.paperboy.store.SqlPaperStore;

/** Opens the store a configuration names. */
public final class Stores {
  private Stores() {}

  public static PaperStore open(PaperboyConfig config) {
    return openAll(config).papers();
  }

  /** The paper store and a JDBC helper over the same database (accounts, votes, …). */
  public record Opened(PaperStore papers, Jdbc jdbc) {}

  public static Opened openAll(PaperboyConfig config) {
    Database.Opened db = Database.open(config.store(), config.dataDir());
    HikariDataSource ds = db.dataSource();
    return new Opened(new SqlPaperStore(ds, db.dialect(), ds), new Jdbc(ds));
  }
}
