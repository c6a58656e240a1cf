package org.paperboy.store;

/** The SQL engines the store runs on; the SQL is shared, a few behaviours differ. */
public enum Dialect {
  /** Embedded default: one file in the data directory, one writer at a time. */
  SQLITE,
  /** The scaled store, shared by several app nodes. */
  POSTGRESQL;

  /**
   * Whether a long read must run inside a transaction to stream: PostgreSQL's driver honours the
   * fetch size only then (otherwise it loads the whole result), while SQLite streams anyway and a
   * transaction there would take the write lock.
   */
  boolean streamsInTransaction() {
    return this == POSTGRESQL;
  }

  /**
   * Whether writes are appended to {@code paper_changes} for app nodes to follow: only a shared
   * PostgreSQL store has other processes that need to see them.
   */
  boolean recordsChanges() {
    return this == POSTGRESQL;
  }
}
