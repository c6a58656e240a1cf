package org.paperboy.store;

import java.util.Optional;
import java.util.function.Consumer;
import org.paperboy.paper.Paper;

/**
 * The source of truth for papers. Implementations: {@link SqlPaperStore} over SQLite (embedded
 * default) and, later, PostgreSQL. Everything that reads and then writes goes through {@link
 * #inTransaction(TxWork)} so that a batch is all-or-nothing.
 */
public interface PaperStore extends AutoCloseable {

  /** Runs {@code work} in one write transaction; rolls back when it throws. */
  <R> R inTransaction(TxWork<R> work);

  Optional<Paper> find(String id);

  /** Every live (not deleted) paper in id order; streams, so memory stays flat. */
  void forEachLive(Consumer<Paper> action);

  long countLive();

  StoreStats stats();

  @Override
  void close();

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  interface TxWork<R> {
    R run(PaperTx tx);
  }
}
