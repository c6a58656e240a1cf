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
 * trickle of harvested papers) is searchable at once; during bulk writes the index refreshes at
 * most once every {@link #REFRESH_NANOS} (refreshing after every batch flushed a tiny segment each
 * time and made bulk imports 5x slower, measured), and {@link #refreshIfBehind} publishes the rest
 * (the server runs it every second; commands commit the index when they finish).
 */
public final class IndexFollower implements Consumer<PaperChanges> {
  private final PaperStore store;
  private final SearchIndex index;
  private final String model;
  static final long REFRESH_NANOS = 1_000_000_000L;

  /** Changes up to this many papers are searchable as soon as they are committed. */
  static final int SMALL_CHANGE = 50;

  private long lastRefresh = System.nanoTime();
  private boolean behind;

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

  private synchronized void applied(boolean small) {
    if (small || System.nanoTime() - lastRefresh >= REFRESH_NANOS) {
      refresh();
    } else {
      behind = true;
    }
  }

  /** Makes changes applied since the last refresh searchable; nothing when there are none. */
  public synchronized void refreshIfBehind() {
    if (behind) {
      refresh();
    }
  }

  private synchronized void refresh() {
    index.refresh();
    lastRefresh = System.nanoTime();
    behind = false;
  }
}
