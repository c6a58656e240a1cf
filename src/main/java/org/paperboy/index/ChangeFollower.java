package org.paperboy.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperStore;

/**
 * Keeps an app node's local Lucene index in step with a shared PostgreSQL store by following the
 * store's change log: papers and embeddings written by other nodes or by the CLI reach this node's
 * "for you" ranking, which reads the local index. Each change is applied from the store's current
 * state (the newest version wins; a deleted paper is removed), so applying one twice is harmless.
 * The last applied entry is kept in the index's commit, so a restarted node resumes where it was.
 */
public final class ChangeFollower {
  /** Change-log entries read per round trip. */
  static final int BATCH = 1_000;

  private final PaperStore store;
  private final PaperIndex index;
  private final String model;

  public ChangeFollower(PaperStore store, PaperIndex index, String model) {
    this.store = store;
    this.index = index;
    this.model = model;
  }

  /**
   * Applies every change committed after the index's mark and commits the index; returns the number
   * of papers rewritten (0: nothing new).
   */
  public synchronized int catchUp() {
    long mark = Math.max(0, index.followedChange());
    int applied = 0;
    while (true) {
      List<PaperStore.PaperChange> changes = store.changesAfter(mark, BATCH);
      if (changes.isEmpty()) {
        break;
      }
      Set<String> ids = new LinkedHashSet<>();
      for (PaperStore.PaperChange c : changes) {
        ids.add(c.paperId());
      }
      Map<String, Paper> papers = store.findAll(ids);
      Map<String, float[]> vectors = store.findEmbeddings(model, ids);
      for (String id : ids) {
        Paper p = papers.get(id);
        if (p == null) {
          index.delete(id);
        } else {
          index.upsert(p, vectors.get(id));
        }
      }
      mark = changes.getLast().seq();
      index.followedChange(mark);
      applied += ids.size();
    }
    if (applied > 0) {
      index.commit();
    }
    return applied;
  }
}
