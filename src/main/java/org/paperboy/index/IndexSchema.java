package org.paperboy.index;

import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.paperboy.paper.Paper;

/**
 * The one schema of the Lucene index, used by the indexer and the searcher. Bump {@link #VERSION}
 * whenever a field changes: an index with another version is rebuilt from the store.
 */
public final class IndexSchema {
  public static final int VERSION = 3;

  /** Paper id: exact match, stored. */
  public static final String ID = "id";

  /**
   * Title: stored for display. Not indexed on its own: ranking uses {@link #CONTENTS}, and
   * analysing title and abstract twice made the index follow imports at half the speed (measured).
   */
  public static final String TITLE = "title";

  /** Abstract: stored; snippets re-analyse it at query time. */
  public static final String ABSTRACT = "abstract";

  /** Title and abstract in one field: what BM25 ranks (Anserini's best BEIR setting). */
  public static final String CONTENTS = "contents";

  /** Author names, analysed. */
  public static final String AUTHORS = "authors";

  /** arXiv categories, exact, multi-valued. */
  public static final String CATEGORY = "category";

  /** First publication day as epoch day: range filter and sort. */
  public static final String PUBLISHED = "published";

  /** Daily Papers day as epoch day, when the paper is on one: the "for you" candidates. */
  public static final String DAILY = "daily";

  /** Upvotes: sort. */
  public static final String UPVOTES = "upvotes";

  /** Stored copies of the sort keys, read when re-sorting fused results. */
  public static final String PUBLISHED_STORED = "published_stored";

  public static final String UPVOTES_STORED = "upvotes_stored";

  /** Sentence embedding of title + abstract (unit length, so dot product = cosine). */
  public static final String VECTOR = "vector";

  private IndexSchema() {}

  /** The document for a paper; {@code vector} may be null until the paper is embedded. */
  public static Document document(Paper p, float[] vector) {
    Document d = new Document();
    d.add(new KeywordField(ID, p.id(), Field.Store.YES));
    d.add(new StoredField(TITLE, p.title()));
    d.add(new StoredField(ABSTRACT, p.abstractText()));
    d.add(new TextField(CONTENTS, p.title() + " " + p.abstractText(), Field.Store.NO));
    d.add(new TextField(AUTHORS, String.join("; ", p.authors()), Field.Store.NO));
    for (String c : p.categories()) {
      d.add(new KeywordField(CATEGORY, c, Field.Store.NO));
    }
    LocalDate published = p.published();
    long day = published == null ? Long.MIN_VALUE : published.toEpochDay();
    d.add(new LongField(PUBLISHED, day, Field.Store.NO));
    if (p.dailyDate() != null) {
      d.add(new LongField(DAILY, p.dailyDate().toEpochDay(), Field.Store.NO));
    }
    int upvotes = p.upvotes() == null ? 0 : p.upvotes();
    d.add(new IntField(UPVOTES, upvotes, Field.Store.NO));
    d.add(new StoredField(PUBLISHED_STORED, day));
    d.add(new StoredField(UPVOTES_STORED, upvotes));
    if (vector != null) {
      d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return d;
  }
}
