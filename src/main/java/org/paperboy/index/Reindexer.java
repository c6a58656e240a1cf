package org.paperboy.index;

import java.util.function.LongConsumer;
import org.paperboy.store.PaperStore;

/** Rebuilds the index from the store: papers plus their stored embeddings (never re-embeds). */
public final class Reindexer {
  private Reindexer() {}

  /** Returns the number of papers indexed. */
  public static long rebuild(
      PaperStore store, SearchIndex index, String model, LongConsumer progress) {
    index.deleteAll();
    long[] n = {0};
    store.forEachLiveWithEmbedding(
        model,
        (paper, vector) -> {
          index.upsert(paper, vector);
          if (++n[0] % 10_000 == 0) {
            progress.accept(n[0]);
          }
        });
    index.commit();
    progress.accept(n[0]);
    return n[0];
  }
}
