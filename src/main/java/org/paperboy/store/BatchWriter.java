package org.paperboy.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperMerger;

/**
 * Folds a batch of parsed records into the store in one transaction: a crash leaves either the
 * whole batch or none of it. Records with an arXiv id merge by id; records known only by title
 * merge by normalised title (into an arXiv paper if one has that title), and an arXiv record
 * absorbs a provisional paper with its title.
 */
public final class BatchWriter {
  private final PaperStore store;

  public BatchWriter(PaperStore store) {
    this.store = store;
  }

  /**
   * Folds {@code batch} into the store; what it changed reaches the store's commit listeners (the
   * search index).
   */
  public BatchOutcome write(List<Paper> batch) {
    return store.inTransaction(tx -> new Fold(tx).apply(batch));
  }

  /** The state of one batch while it is folded. */
  private static final class Fold {
    private final PaperTx tx;

    /** Papers as they were in the store before this batch (absent: did not exist). */
    private final Map<String, Paper> before = new HashMap<>();

    /** Papers as they are after the records folded so far. */
    private final Map<String, Paper> after = new LinkedHashMap<>();

    /** Title key → id of a paper in {@code after}, for title-only matching within the batch. */
    private final Map<String, String> byTitle = new HashMap<>();

    private final Set<String> absorbed = new HashSet<>();
    private Map<String, List<Paper>> storedByTitle = Map.of();
    private boolean trackTitles;

    Fold(PaperTx tx) {
      this.tx = tx;
    }

    BatchOutcome apply(List<Paper> batch) {
      Set<String> ids = new HashSet<>();
      Set<String> titleOnlyKeys = new HashSet<>();
      for (Paper p : batch) {
        if (p.provisional()) {
          titleOnlyKeys.add(p.titleKey());
        } else {
          ids.add(p.id());
        }
      }
      Map<String, Paper> stored = tx.findByIds(ids);
      before.putAll(stored);
      after.putAll(stored);
      // Title keys of arXiv records matter only if a provisional paper could match them: one in
      // this batch, or one already stored (checked only when the batch brings new ids).
      trackTitles = !titleOnlyKeys.isEmpty() || (stored.size() < ids.size() && tx.hasProvisional());
      if (trackTitles) {
        lookUpTitles(batch, titleOnlyKeys);
      }
      for (Paper record : batch) {
        if (record.provisional()) {
          foldTitleOnly(record);
        } else {
          foldArxiv(record);
        }
      }
      return writeBack();
    }

    private void lookUpTitles(List<Paper> batch, Set<String> titleOnlyKeys) {
      Set<String> arxivKeys = new HashSet<>();
      for (Paper p : batch) {
        if (!p.provisional() && !p.deleted() && !before.containsKey(p.id())) {
          arxivKeys.add(p.titleKey());
        }
      }
      Map<String, List<Paper>> found = new HashMap<>();
      if (!titleOnlyKeys.isEmpty()) {
        found.putAll(tx.findByTitleKeys(titleOnlyKeys, false));
      }
      arxivKeys.removeAll(titleOnlyKeys);
      if (!arxivKeys.isEmpty()) {
        found.putAll(tx.findByTitleKeys(arxivKeys, true));
      }
      storedByTitle = found;
    }

    private void foldArxiv(Paper record) {
      Paper current = after.get(record.id());
      if (current == null && !record.deleted() && trackTitles) {
        Paper provisional = findProvisional(record.titleKey());
        if (provisional != null) {
          absorbed.add(provisional.id());
          after.remove(provisional.id());
          before.putIfAbsent(record.id(), before.get(provisional.id()));
          current = provisional;
        }
      }
      Paper merged = current == null ? record : PaperMerger.merge(current, record);
      after.put(merged.id(), merged);
      if (trackTitles && !merged.deleted()) {
        byTitle.put(merged.titleKey(), merged.id());
      }
    }

    private void foldTitleOnly(Paper record) {
      String key = record.titleKey();
      Paper target = null;
      String inBatch = byTitle.get(key);
      if (inBatch != null) {
        target = after.get(inBatch);
      } else {
        for (Paper candidate : storedByTitle.getOrDefault(key, List.of())) {
          if (candidate.deleted() || absorbed.contains(candidate.id())) {
            continue;
          }
          Paper live = after.getOrDefault(candidate.id(), candidate);
          before.putIfAbsent(candidate.id(), candidate);
          // Prefer an arXiv paper (the list is ordered by id, so the choice is deterministic).
          if (target == null || (target.provisional() && !live.provisional())) {
            target = live;
          }
        }
      }
      Paper merged = target == null ? record : PaperMerger.merge(target, record);
      after.put(merged.id(), merged);
      byTitle.put(key, merged.id());
    }

    private Paper findProvisional(String key) {
      String inBatch = byTitle.get(key);
      if (inBatch != null) {
        Paper p = after.get(inBatch);
        return p != null && p.provisional() ? p : null;
      }
      for (Paper candidate : storedByTitle.getOrDefault(key, List.of())) {
        if (candidate.provisional() && !absorbed.contains(candidate.id())) {
          before.putIfAbsent(candidate.id(), candidate);
          return after.getOrDefault(candidate.id(), candidate);
        }
      }
      return null;
    }

    private BatchOutcome writeBack() {
      long created = 0;
      long updated = 0;
      long unchanged = 0;
      long deleted = 0;
      List<Paper> changed = new ArrayList<>();
      List<String> textChanged = new ArrayList<>();
      Set<String> createdIds = new HashSet<>();
      for (Paper p : after.values()) {
        Paper old = before.get(p.id());
        if (Objects.equals(old, p)) {
          unchanged++;
          continue;
        }
        changed.add(p);
        if (old != null
            && (!old.title().equals(p.title()) || !old.abstractText().equals(p.abstractText()))) {
          textChanged.add(p.id());
        }
        if (p.deleted() && (old == null || !old.deleted())) {
          deleted++;
        } else if (old == null) {
          created++;
          createdIds.add(p.id());
        } else {
          updated++;
        }
      }
      List<String> gone = new ArrayList<>();
      for (String id : absorbed) {
        if (before.containsKey(id) && before.get(id) != null && !after.containsKey(id)) {
          gone.add(id);
        }
      }
      tx.delete(gone);
      tx.deleteEmbeddings(gone);
      tx.deleteEmbeddings(textChanged);
      tx.upsert(changed, createdIds);
      return new BatchOutcome(created, updated, unchanged, deleted);
    }
  }
}
