package org.paperboy.index;

import java.io.Closeable;
import org.paperboy.paper.Paper;

/**
 * The write side of a search backend, derived from the store: {@link PaperIndex} (embedded Lucene)
 * or the OpenSearch index of the scaled mode. Writes become searchable after {@link #refresh} and
 * durable after {@link #commit}.
 */
public interface SearchIndex extends Closeable {
  /** True when the index was missing or built differently, and has been emptied. */
  boolean rebuildNeeded();

  /** Adds or replaces a paper (a deleted paper is removed); {@code vector} may be null. */
  void upsert(Paper paper, float[] vector);

  /** Adds a paper known not to be in the index yet. */
  void add(Paper paper, float[] vector);

  void delete(String id);

  void deleteAll();

  /** Makes everything written so far durable and visible to new searches. */
  void commit();

  /**
   * After a bulk load: merges what was written into the few segments searches are fastest on, and
   * commits. A no-op where the backend merges by itself.
   */
  default void compact() {}

  /** Makes recent writes visible to searches. */
  void refresh();

  /** Papers in the index. */
  int count();

  @Override
  void close();
}
