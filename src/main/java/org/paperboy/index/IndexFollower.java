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
 * index (with any stored embeddings) and made searchable at once (near-real-time refresh).
 */
public final class IndexFollower implements Consumer<BatchWriter.Committed> {
  private final PaperStore store;
  private final PaperIndex index;
  private final String model;

  public IndexFollower(PaperStore store, PaperIndex index, String model) {
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
    Map<String, float[]> vectors = store.findEmbeddings(model, ids);
    for (Paper p : c.changed()) {
      index.upsert(p, vectors.get(p.id()));
    }
    for (String id : c.removed()) {
      index.delete(id);
    }
    index.refresh();
  }
}
