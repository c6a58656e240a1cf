package org.paperboy.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;
import org.paperboy.paper.Paper;

/**
 * The Lucene index: one writer, a {@link SearcherManager} for near-real-time readers. The schema
 * version, analyzer and embedding model are kept in the commit's user data; an index that does not
 * match is emptied on open and reported as needing a rebuild.
 *
 * <p>Writes return once queued ({@link WriteLanes}): the paper and vector given are read later, on
 * an indexing thread, so callers pass values they no longer change (every caller hands over a
 * freshly read or freshly embedded vector).
 */
public final class PaperIndex implements SearchIndex {
  /** BM25 parameters Anserini uses for BEIR (k1 0.9, b 0.4). */
  public static final float BM25_K1 = 0.9f;

  public static final float BM25_B = 0.4f;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  /** Where writes run: one lane per core, so a bulk import or rebuild analyses on every core. */
  private final WriteLanes lanes;

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
      long followedChange,
      int writeThreads)
      throws IOException {
    this.lanes = new WriteLanes(writeThreads, "paperboy-index");
    this.directory = directory;
    this.writer = writer;
    this.rebuildNeeded = rebuildNeeded;
    this.identity = identity;
    this.followedChange = followedChange;
    this.searchers = new SearcherManager(writer, null);
  }

  /** An index written on every core. */
  public static PaperIndex open(Path dir, IndexSettings settings) {
    return open(dir, settings, Runtime.getRuntime().availableProcessors());
  }

  /**
   * An index written on {@code writeThreads} threads. With one, its segments and HNSW graphs are a
   * function of the papers and their order alone, so an evaluation repeats to the last digit; with
   * more, which papers share a segment depends on thread timing (kNN results of two builds then
   * differ slightly, as approximate search does between any two graphs).
   */
  public static PaperIndex open(Path dir, IndexSettings settings, int writeThreads) {
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
      config.setRAMBufferSizeMB(ramBufferMb(Runtime.getRuntime().maxMemory()));
      config.setOpenMode(
          matches ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
      IndexWriter writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(identity.entrySet());
      return new PaperIndex(
          directory,
          writer,
          !matches,
          identity,
          matches && followed != null ? Long.parseLong(followed) : -1,
          writeThreads);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open search index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * How much the writer buffers before it writes a segment: a sixth of the heap, 128 MiB to 1 GiB.
   * Each flushed segment has its own HNSW graph built as papers arrive, and small segments are
   * merged later by inserting their vectors again into the largest graph; with the default heap a
   * 1M rebuild flushes a handful of large segments that need no merging instead of ~40 that do.
   */
  static double ramBufferMb(long maxHeapBytes) {
    long sixth = maxHeapBytes / 6 / (1024 * 1024);
    return Math.clamp(sixth, 128, 1024);
  }

  /**
   * Threads that merge HNSW graphs: a merge of large segments otherwise inserts every vector on one
   * core while the other waits.
   */
  private static final int MERGE_WORKERS = Runtime.getRuntime().availableProcessors();

  private static final ExecutorService MERGE_EXECUTOR =
      Executors.newFixedThreadPool(
          MERGE_WORKERS, Thread.ofPlatform().daemon().name("paperboy-hnsw-merge-", 0).factory());

  private static Lucene104Codec codec(IndexSettings s) {
    int m = s.hnswM();
    int ef = s.efConstruction();
    KnnVectorsFormat format =
        s.int8()
            ? new Lucene104HnswScalarQuantizedVectorsFormat(
                QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE,
                m,
                ef,
                MERGE_WORKERS,
                MERGE_EXECUTOR)
            : new Lucene99HnswVectorsFormat(m, ef, MERGE_WORKERS, MERGE_EXECUTOR);
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
    Term id = new Term(IndexSchema.ID, paper.id());
    if (paper.deleted()) {
      lanes.submit(paper.id(), () -> writer.deleteDocuments(id));
    } else {
      lanes.submit(
          paper.id(), () -> writer.updateDocument(id, IndexSchema.document(paper, vector)));
    }
  }

  /**
   * Adds a paper known not to be in the index yet: cheaper than {@link #upsert}, which must first
   * delete any older copy by id.
   */
  @Override
  public void add(Paper paper, float[] vector) {
    if (!paper.deleted()) {
      lanes.submit(paper.id(), () -> writer.addDocument(IndexSchema.document(paper, vector)));
    }
  }

  @Override
  public void delete(String id) {
    lanes.submit(id, () -> writer.deleteDocuments(new Term(IndexSchema.ID, id)));
  }

  @Override
  public void deleteAll() {
    lanes.drain();
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

  /**
   * Makes everything written so far durable and visible to new searches. The lanes first flush the
   * writer's in-memory segments side by side; {@code commit} alone would write them one after the
   * other on this thread while the other cores wait.
   */
  @Override
  public void commit() {
    lanes.drain(
        () -> {
          while (writer.flushNextBuffer()) {
            // until no buffered documents are left for this lane to flush
          }
        });
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

  /**
   * The most segments a bulk load leaves ({@link #compact}). Every query searches each segment's
   * HNSW graph and term dictionary on its own; at 1M papers merging 7 segments into 4 took 37 s and
   * made kNN at depth 100 on one thread 3.03 -> 2.15 ms and similar papers 9.9 -> 8.2 ms
   * (BENCHMARKS.md). Four also leaves the server's two search threads two segments each.
   */
  static final int COMPACT_SEGMENTS = 4;

  @Override
  public void compact() {
    forceMerge(COMPACT_SEGMENTS);
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments (waiting for the merges) and
   * commits.
   */
  public void forceMerge(int maxSegments) {
    commit();
    try {
      writer.forceMerge(maxSegments);
    } catch (IOException e) {
      throw new UncheckedIOException("index merge failed: " + e.getMessage(), e);
    }
    commit();
  }

  /** Makes writes given so far visible to searches without the cost of a commit. */
  @Override
  public void refresh() {
    lanes.drain();
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
    lanes.close();
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed: " + e.getMessage(), e);
    }
  }
}
