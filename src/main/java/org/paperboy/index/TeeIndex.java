package org.paperboy.index;

import org.paperboy.paper.Paper;

/**
 * Writes to two indexes at once: in the scaled mode, the shared OpenSearch index (which serves
 * search) and the node's own Lucene index (which the "for you" recommender reads).
 */
public final class TeeIndex implements SearchIndex {
  private final SearchIndex first;
  private final SearchIndex second;

  public TeeIndex(SearchIndex first, SearchIndex second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public boolean rebuildNeeded() {
    return first.rebuildNeeded() || second.rebuildNeeded();
  }

  @Override
  public void upsert(Paper paper, float[] vector) {
    first.upsert(paper, vector);
    second.upsert(paper, vector);
  }

  @Override
  public void add(Paper paper, float[] vector) {
    first.add(paper, vector);
    second.add(paper, vector);
  }

  @Override
  public void delete(String id) {
    first.delete(id);
    second.delete(id);
  }

  @Override
  public void deleteAll() {
    first.deleteAll();
    second.deleteAll();
  }

  @Override
  public void commit() {
    first.commit();
    second.commit();
  }

  @Override
  public void compact() {
    first.compact();
    second.compact();
  }

  @Override
  public void refresh() {
    first.refresh();
    second.refresh();
  }

  @Override
  public int count() {
    return first.count();
  }

  @Override
  public void close() {
    try {
      first.close();
    } finally {
      second.close();
    }
  }
}
