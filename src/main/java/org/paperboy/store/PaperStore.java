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

  /** Papers (live or deleted) with the given ids, keyed by id; a read, no write lock. */
  java.util.Map<String, Paper> findAll(java.util.Collection<String> ids);

  /** Every live (not deleted) paper in id order; streams, so memory stays flat. */
  void forEachLive(Consumer<Paper> action);

  long countLive();

  StoreStats stats();

  /** Live papers whose Daily Papers day lies in {@code [first, last]}, in id order. */
  java.util.List<Paper> dailyPapers(java.time.LocalDate first, java.time.LocalDate last);

  /** The newest Daily Papers day on or before {@code day} that has papers. */
  Optional<java.time.LocalDate> latestDailyDate(java.time.LocalDate day);

  /** The oldest Daily Papers day on or after {@code day} that has papers. */
  Optional<java.time.LocalDate> earliestDailyDate(java.time.LocalDate day);

  /**
   * Puts a paper on a Daily Papers day (a submission); false when it has no such live paper or it
   * already is on a day.
   */
  boolean putOnDay(String id, java.time.LocalDate day);

  /** The papers' embeddings, per model. */
  EmbeddingStore embeddings();

  /**
   * Runs {@code work}, a bulk load: into a store without papers, the index of authors by key is
   * dropped first and built once afterwards (one sort instead of ~6 inserts per paper at random
   * places of a B-tree; measured in BENCHMARKS). If the process dies in between, the next open of
   * the store builds it again.
   */
  <R> R bulkLoad(java.util.function.Supplier<R> work);

  /** Papers by author, co-authors and the like (author pages). */
  AuthorIndex authors();

  /**
   * Subscribes {@code listener} to the papers every later write transaction changes: it runs on the
   * writing thread right after the commit (a listener that throws fails that write call; the data
   * stays committed). The search index follows the store this way.
   */
  void onCommit(Consumer<PaperChanges> listener);

  /** The log of committed paper changes that app nodes follow. */
  ChangeLog changes();

  @Override
  void close();

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  interface TxWork<R> {
    R run(PaperTx tx);
  }
}
