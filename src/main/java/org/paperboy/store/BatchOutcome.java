package org.paperboy.store;

/** What one batch did to the store, counted per paper. */
public record BatchOutcome(long created, long updated, long unchanged, long deleted) {
  public static final BatchOutcome NONE = new BatchOutcome(0, 0, 0, 0);

  public BatchOutcome plus(BatchOutcome o) {
    return new BatchOutcome(
        created + o.created, updated + o.updated, unchanged + o.unchanged, deleted + o.deleted);
  }
}
