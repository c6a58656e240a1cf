package org.paperboy.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paperboy.paper.Paper;

/**
 * The Lucene index: one writer, a {@link SearcherManager} for near-real-time readers. The schema
 * version, analyzer and embedding model are kept in the commit's user data; an index that does not
 * match is emptied on open and reported as needing a rebuild.
 */
public final class PaperIndex implements SearchIndex {
  /** BM25 parameters Anserini uses for BEIR (k1 0.9, b 0.4). */
  public static final float BM25_K1 = 0.9f;

  public static final float BM25_B = 0.4f;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  /** Commit-data key of {@link #followedChange()}; not part of the identity. */
  private static final String FOLLOWED_CHANGE = "followed-change";

  private volatile long followedChange;
  private final boolean rebuildNeeded;
  private final Map<String, String> identity;

  private PaperIndex(
      Directory directory,
      IndexWriter writer,
      boolean rebuildNeeded,
      Map<String, String> identity,
      long followedChange)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.rebuildNeeded = rebuildNeeded;
    this.identity = identity;
    this.followedChange = followedChange;
    this.searchers = new SearcherManager(writer, null);
  }

  public static PaperIndex open(Path dir, IndexSettings settings) {
    Map<String, String> identity =
        Map.of(
            "schema", Integer.toString(IndexSchema.VERSION),
            "analyzer", Analyzers.NAME,
            "vectors", settings.describe());
    try {
      Directory directory = FSDirectory.open(dir);
      boolean exists = DirectoryReader.indexExists(directory);
      Map<String, String> stored =
          exists
              ? new java.util.HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData())
              : Map.of();
      String followed = exists ? stored.remove(FOLLOWED_CHANGE) : null;
      boolean matches = exists && identity.equals(stored);
      IndexWriterConfig config = new IndexWriterConfig(Analyzers.english());
      config.setSimilarity(new BM25Similarity(BM25_K1, BM25_B));
      config.setCodec(codec(settings));
      config.setRAMBufferSizeMB(128);
      config.setOpenMode(
          matches ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
      IndexWriter writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(identity.entrySet());
      return new PaperIndex(
          directory,
          writer,
          !matches,
          identity,
          matches && followed != null ? Long.parseLong(followed) : -1);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open search index in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Lucene104Codec codec(IndexSettings s) {
    KnnVectorsFormat format =
        s.int8()
            ? new Lucene104HnswScalarQuantizedVectorsFormat(s.hnswM(), s.efConstruction())
            : new Lucene99HnswVectorsFormat(s.hnswM(), s.efConstruction());
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  /** True when the index was missing or built differently, and has been emptied. */
  @Override
  public boolean rebuildNeeded() {
    return rebuildNeeded;
  }

  @Override
  public void upsert(Paper paper, float[] vector) {
    try {
      if (paper.deleted()) {
        writer.deleteDocuments(new Term(IndexSchema.ID, paper.id()));
      } else {
        writer.updateDocument(
            new Term(IndexSchema.ID, paper.id()), IndexSchema.document(paper, vector));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("index write failed: " + e.getMessage(), e);
    }
  }

  /**
   * Adds a paper known not to be in the index yet: cheaper than {@link #upsert}, which must first
   * delete any older copy by id.
   */
  @Override
  public void add(Paper paper, float[] vector) {
    if (paper.deleted()) {
      return;
    }
    try {
      writer.addDocument(IndexSchema.document(paper, vector));
    } catch (IOException e) {
      throw new UncheckedIOException("index write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String id) {
    try {
      writer.deleteDocuments(new Term(IndexSchema.ID, id));
    } catch (IOException e) {
      throw new UncheckedIOException("index write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException("index write failed: " + e.getMessage(), e);
    }
  }

  /**
   * The last entry of the shared store's change log that this index has applied (kept in the
   * commit); -1 when unknown: the index was built without following one.
   */
  public long followedChange() {
    return followedChange;
  }

  /** Records that changes up to {@code seq} are applied; durable with the next {@link #commit}. */
  public void followedChange(long seq) {
    this.followedChange = seq;
  }

  /** Makes everything written so far durable and visible to new searches. */
  @Override
  public void commit() {
    try {
      Map<String, String> data = new java.util.HashMap<>(identity);
      long followed = followedChange;
      if (followed >= 0) {
        data.put(FOLLOWED_CHANGE, Long.toString(followed));
      }
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("index commit failed: " + e.getMessage(), e);
    }
  }

  /** Makes recent writes visible to searches without the cost of a commit. */
  @Override
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("index refresh failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a current searcher, released afterwards. */
  public <R> R withSearcher(SearchWork<R> work) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        s.setSimilarity(new BM25Similarity(BM25_K1, BM25_B));
        return work.run(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int count() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** A read against one searcher. */
  @FunctionalInterface
  public interface SearchWork<R> {
    R run(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed: " + e.getMessage(), e);
    }
  }
}
