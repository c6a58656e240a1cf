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

  /** Up to {@code limit} live papers after {@code afterId} (in id order) with no embedding yet. */
  java.util.List<Paper> papersWithoutEmbedding(String model, String afterId, int limit);

  void saveEmbeddings(String model, java.util.Map<String, float[]> vectors);

  java.util.Map<String, float[]> findEmbeddings(String model, java.util.Collection<String> ids);

  long countEmbedded(String model);

  /** Every live paper in id order with its embedding, or null when it has none yet. */
  void forEachLiveWithEmbedding(String model, java.util.function.BiConsumer<Paper, float[]> action);

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

  /**
   * The newest entry of the change log ({@code paper_changes}): 0 when empty. Only the PostgreSQL
   * store writes the log (see {@code Dialect}); on SQLite it stays empty.
   */
  long lastChange();

  /** Up to {@code limit} change-log entries after {@code seq}, oldest first. */
  java.util.List<PaperChange> changesAfter(long seq, int limit);

  /** The oldest entry still in the change log: 0 when empty. */
  long firstChange();

  /** Deletes all but the newest {@code keep} change-log entries; returns how many went. */
  int pruneChanges(long keep);

  /** One change-log entry: the paper with this id was written (or deleted) in that commit. */
  record PaperChange(long seq, String paperId) {}

  @Override
  void close();

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  interface TxWork<R> {
    R run(PaperTx tx);
  }
}
