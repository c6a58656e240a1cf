package org.paperboy.store;

import java.util.List;

/**
 * The log of committed paper changes ({@code paper_changes}) that app nodes follow to keep their
 * own index in step ({@link PaperStore#changes}). Only the PostgreSQL store writes it (see {@code
 * Dialect}); on SQLite it stays empty.
 */
public interface ChangeLog {
  /** The newest entry: 0 when empty. */
  long last();

  /** Up to {@code limit} entries after {@code seq}, oldest first. */
  List<Change> after(long seq, int limit);

  /** The oldest entry still in the log: 0 when empty. */
  long first();

  /** Deletes all but the newest {@code keep} entries; returns how many went. */
  int prune(long keep);

  /** One entry: the paper with this id was written (or deleted) in that commit. */
  record Change(long seq, String paperId) {}
}
