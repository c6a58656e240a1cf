package org.paperboy.store;

import java.nio.file.Path;

/** The store contract on the embedded SQLite file. */
class SqliteStoreIT extends StoreContract {
  @Override
  String newStore(Path tmp) {
    return Database.EMBEDDED;
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
