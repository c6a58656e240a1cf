package org.paperboy.store;

import java.nio.file.Path;
import org.paperboy.testing.PostgresServer;

/** The store contract on PostgreSQL (a throwaway server the test starts itself). */
class PostgresStoreIT extends StoreContract {
  @Override
  String newStore(Path tmp) {
    return PostgresServer.shared().newDatabase();
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
