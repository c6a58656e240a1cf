package org.paperboy.store;

import java.util.List;
import java.util.Set;
import org.paperboy.paper.Paper;

/**
 * The papers one committed write transaction changed, as the store publishes them to its {@link
 * PaperStore#onCommit listeners} (the search index follows the store this way).
 *
 * @param written papers inserted or updated, as stored now (deleted ones included, flagged)
 * @param created ids among {@code written} that did not exist before (the index may add them
 *     without looking for an old copy)
 * @param removed ids of papers removed from the store (a provisional paper absorbed by its arXiv
 *     version)
 */
public record PaperChanges(List<Paper> written, Set<String> created, List<String> removed) {
  public PaperChanges {
    written = List.copyOf(written);
    created = Set.copyOf(created);
    removed = List.copyOf(removed);
  }

  public boolean isEmpty() {
    return written.isEmpty() && removed.isEmpty();
  }
}
