package org.paperboy.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.paperboy.paper.Paper;

/**
 * The papers' sentence embeddings, kept per model beside the papers ({@link
 * PaperStore#embeddings}), so that a rebuilt index never embeds again. Saving one marks the paper
 * changed for app nodes that follow the change log.
 */
public interface EmbeddingStore {
  /** Up to {@code limit} live papers after {@code afterId} (in id order) with no embedding yet. */
  List<Paper> papersWithout(String model, String afterId, int limit);

  void save(String model, Map<String, float[]> vectors);

  /** The embeddings of those of {@code ids} that have one, by id. */
  Map<String, float[]> find(String model, Collection<String> ids);

  /** Live papers with an embedding of {@code model}. */
  long count(String model);

  /** Every live paper in id order with its embedding, or null when it has none yet. */
  void forEachLivePaper(String model, BiConsumer<Paper, float[]> action);
}
