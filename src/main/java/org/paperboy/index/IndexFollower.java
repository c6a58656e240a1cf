package org.paperboy.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperChanges;
import org.paperboy.store.PaperStore;

/**
 * Keeps the index in step with the store: subscribed once to the store's commits, it applies each
 * committed change to the index (with any stored embeddings). A small change (a submission, a
 * trickle of harvested papers) is searchable at once. A bulk write is only queued: refreshing on
 * the writer's thread flushed a tiny segment each time (5x slower imports when it ran after every
 * batch) and, once the index wrote on its own threads, made the writer wait for them (imports ~20 %
 * slower when it ran once a second; measured). {@link #refreshIfBehind} publishes bulk writes: the
 * server runs it every second; commands commit the index when they finish.
 */
public final class IndexFollower implements Consumer<PaperChanges> {
  private final PaperStore store;
  private final SearchIndex index;
  private final String model;

  /** Changes up to this many papers are searchable as soon as they are committed. */
  static final int SMALL_CHANGE = 50;

  /** Set after a bulk write was queued; cleared before the refresh that publishes it. */
  private volatile boolean behind;

  public IndexFollower(PaperStore store, SearchIndex index, String model) {
    this.store = store;
    this.index = index;
    this.model = model;
  }

  @Override
  public void accept(PaperChanges c) {
    List<String> ids = new ArrayList<>(c.written().size());
    for (Paper p : c.written()) {
      ids.add(p.id());
    }
    Map<String, float[]> vectors = store.embeddings().find(model, ids);
    for (Paper p : c.written()) {
      if (c.created().contains(p.id())) {
        index.add(p, vectors.get(p.id()));
      } else {
        index.upsert(p, vectors.get(p.id()));
      }
    }
    for (String id : c.removed()) {
      index.delete(id);
    }
    applied(c.written().size() + c.removed().size() <= SMALL_CHANGE);
  }

  private void applied(boolean small) {
    if (small) {
      behind = false;
      index.refresh();
    } else {
      behind = true;
    }
  }

  /**
   * Makes changes applied since the last refresh searchable; nothing when there are none. Runs
   * beside the writer: bulk writes queued meanwhile set {@code behind} again for the next call.
   */
  public void refreshIfBehind() {
    if (behind) {
      behind = false;
      index.refresh();
    }
  }
}
