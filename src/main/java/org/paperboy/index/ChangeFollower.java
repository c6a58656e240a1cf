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
 *
 * <p>The log is pruned to its newest {@link #RETAINED} entries (any node may prune; deleting is
 * idempotent). A node whose mark falls below what is left (it was down while more than that many
 * papers were written) rebuilds its local index from the store instead.
 */
public final class ChangeFollower {
  /** Change-log entries read per round trip. */
  static final int BATCH = 1_000;

  /** Change-log entries kept (about 40 bytes each); pruning starts 10% above. */
  public static final long RETAINED = 2_000_000;

  private final PaperStore store;
  private final PaperIndex index;
  private final String model;
  private final long retained;

  public ChangeFollower(PaperStore store, PaperIndex index, String model) {
    this(store, index, model, RETAINED);
  }

  /**
   * @param retained change-log entries to keep when pruning
   */
  public ChangeFollower(PaperStore store, PaperIndex index, String model, long retained) {
    this.store = store;
    this.index = index;
    this.model = model;
    this.retained = retained;
  }

  /**
   * Applies every change committed after the index's mark and commits the index; returns the number
   * of papers rewritten (0: nothing new).
   */
  public synchronized int catchUp() {
    long mark = Math.max(0, index.followedChange());
    long first = store.changes().first();
    if (first > mark + 1) {
      return rebuild();
    }
    int applied = 0;
    while (true) {
      List<org.paperboy.store.ChangeLog.Change> changes = store.changes().after(mark, BATCH);
      if (changes.isEmpty()) {
        break;
      }
      Set<String> ids = new LinkedHashSet<>();
      for (org.paperboy.store.ChangeLog.Change c : changes) {
        ids.add(c.paperId());
      }
      Map<String, Paper> papers = store.findAll(ids);
      Map<String, float[]> vectors = store.embeddings().find(model, ids);
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
    if (mark - first >= retained + retained / 10) {
      store.changes().prune(retained);
    }
    return applied;
  }

  /** Entries this index still needed were pruned: build it again from the store. */
  private int rebuild() {
    long mark = store.changes().last();
    index.deleteAll();
    index.followedChange(mark);
    return (int) Reindexer.fill(store, index, model, n -> {});
  }
}
