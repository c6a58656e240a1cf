package org.paperboy.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.store.Database;
import org.paperboy.store.PaperStore;
import org.paperboy.store.SqlPaperStore;

/** Opens the store a configuration names. */
final class Stores {
  private Stores() {}

  static PaperStore open(PaperboyConfig config) {
    HikariDataSource ds = Database.openSqlite(config.dataDir());
    return new SqlPaperStore(ds, ds);
  }
}
