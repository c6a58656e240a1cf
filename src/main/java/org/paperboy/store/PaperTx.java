package org.paperboy.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.paper.Paper;

/** What a write transaction can do: look papers up in bulk and write them back. */
public interface PaperTx {

  /** Papers (live or deleted) with the given ids, keyed by id. */
  Map<String, Paper> findByIds(Collection<String> ids);

  /**
   * Papers whose normalised title key is one of {@code keys}, grouped by key and ordered by id;
   * when {@code provisionalOnly}, only papers known by title alone.
   */
  Map<String, List<Paper>> findByTitleKeys(Collection<String> keys, boolean provisionalOnly);

  /** Whether any paper is known by title alone (cheap; lets arXiv imports skip title lookups). */
  boolean hasProvisional();

  /**
   * Inserts or replaces papers.
   *
   * @param created the ids among them that are new to the store (published with the change)
   */
  void upsert(Collection<Paper> papers, Set<String> created);

  void delete(Collection<String> ids);

  /** Forgets the embeddings of these papers (their text changed), for every model. */
  void deleteEmbeddings(Collection<String> ids);
}
