package org.paperboy.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.paperboy.index.SearchIndex;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperStore;

/**
 * Embeds every live paper that has no embedding for the model yet, in batches, saving each batch to
 * the store and the index before the next: interrupted at any point, the next run goes on where
 * this one stopped.
 */
public final class EmbeddingStage {
  public static final int BATCH = 128;

  private EmbeddingStage() {}

  /** Returns the number of papers embedded; {@code progress} gets the running count. */
  public static long run(
      PaperStore store, Embedder embedder, SearchIndex index, LongConsumer progress) {
    return run(store, embedder, index, progress, () -> true);
  }

  /**
   * As {@link #run(PaperStore, Embedder, SearchIndex, LongConsumer)}, asking {@code keepGoing}
   * before each batch (an app node checks that it still holds the embedding job's lease).
   */
  public static long run(
      PaperStore store,
      Embedder embedder,
      SearchIndex index,
      LongConsumer progress,
      java.util.function.BooleanSupplier keepGoing) {
    String model = embedder.id().key();
    String after = "";
    long done = 0;
    int sinceCommit = 0;
    while (!Thread.currentThread().isInterrupted() && keepGoing.getAsBoolean()) {
      List<Paper> batch = store.embeddings().papersWithout(model, after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      List<String> texts = new ArrayList<>(batch.size());
      for (Paper p : batch) {
        texts.add(Embedder.textOf(p));
      }
      List<float[]> vectors = embedder.embedAll(texts);
      Map<String, float[]> byId = new LinkedHashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        byId.put(batch.get(i).id(), vectors.get(i));
      }
      store.embeddings().save(model, byId);
      for (int i = 0; i < batch.size(); i++) {
        index.upsert(batch.get(i), vectors.get(i));
      }
      done += batch.size();
      after = batch.get(batch.size() - 1).id();
      if (++sinceCommit >= 20) {
        index.commit();
        sinceCommit = 0;
      } else {
        index.refresh();
      }
      progress.accept(done);
    }
    index.commit();
    return done;
  }
}
