package org.paperboy.index;

import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperStore;

/** Rebuilds the index from the store: papers plus their stored embeddings (never re-embeds). */
public final class Reindexer {
  private Reindexer() {}

  /** Empties the index and fills it from the store; returns the number of papers indexed. */
  public static long rebuild(
      PaperStore store, SearchIndex index, String model, LongConsumer progress) {
    index.deleteAll();
    long n = write(store, index, model, progress, true);
    index.compact();
    return n;
  }

  /**
   * Adds every live paper to an index that was just created empty (no delete first: another app
   * node may be filling the same new OpenSearch index at the same time, and both write the same
   * documents).
   */
  public static long fill(
      PaperStore store, SearchIndex index, String model, LongConsumer progress) {
    return write(store, index, model, progress, false);
  }

  /** {@code emptied}: the index is known to be empty, so papers are added without a delete. */
  private static long write(
      PaperStore store, SearchIndex index, String model, LongConsumer progress, boolean emptied) {
    BiConsumer<Paper, float[]> put = emptied ? index::add : index::upsert;
    long[] n = {0};
    store
        .embeddings()
        .forEachLivePaper(
            model,
            (paper, vector) -> {
              put.accept(paper, vector);
              if (++n[0] % 10_000 == 0) {
                progress.accept(n[0]);
              }
            });
    index.commit();
    progress.accept(n[0]);
    return n[0];
  }
}
