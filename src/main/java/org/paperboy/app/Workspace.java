package org.paperboy.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.paperboy.config.HnswSettings;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.embed.Embedder;
import org.paperboy.index.IndexFollower;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.index.Reindexer;
import org.paperboy.index.SearchIndex;
import org.paperboy.index.TeeIndex;
import org.paperboy.opensearch.OpenSearchClient;
import org.paperboy.opensearch.OpenSearchEngine;
import org.paperboy.opensearch.OpenSearchIndex;
import org.paperboy.search.LuceneSearchEngine;
import org.paperboy.search.PaperSearcher;
import org.paperboy.search.SearchEngine;
import org.paperboy.store.Jdbc;
import org.paperboy.store.PaperStore;

/**
 * The store and the search index of one data directory, opened together; the index follows every
 * change committed to the store from then on. An index that is missing or was built with another
 * schema, analyzer or model is rebuilt from the store on open.
 */
public final class Workspace implements AutoCloseable {
  /** The OpenSearch index that the scaled mode searches. */
  public static final String OPENSEARCH_INDEX = "paperboy";

  public final PaperboyConfig config;
  public final PaperStore store;
  public final Jdbc jdbc;

  /** Where index writes go: the Lucene index, or OpenSearch and the Lucene index together. */
  public final SearchIndex index;

  /** This data directory's Lucene index: all search when embedded; "for you" in either mode. */
  public final PaperIndex lucene;

  /** The backend searches run on. */
  public final SearchEngine engine;

  /** Applies every change committed to the store to {@link #index}; subscribed once, on open. */
  public final IndexFollower follower;

  private Workspace(
      PaperboyConfig config,
      PaperStore store,
      Jdbc jdbc,
      SearchIndex index,
      PaperIndex lucene,
      SearchEngine engine) {
    this.config = config;
    this.store = store;
    this.jdbc = jdbc;
    this.index = index;
    this.lucene = lucene;
    this.engine = engine;
    this.follower = new IndexFollower(store, index, config.embeddingModel().key());
    store.onCommit(follower);
  }

  public static Workspace open(PaperboyConfig config, PrintStream err) {
    return open(config, err, true);
  }

  /**
   * @param rebuildStale whether to rebuild a missing or outdated index now ({@code reindex} says
   *     no: it rebuilds anyway)
   */
  public static Workspace open(PaperboyConfig config, PrintStream err, boolean rebuildStale) {
    Stores.Opened opened = Stores.openAll(config);
    PaperStore store = opened.papers();
    PaperIndex lucene;
    try {
      lucene = PaperIndex.open(config.dataDir().resolve("index"), settings(config));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    SearchIndex index = lucene;
    SearchEngine engine = new LuceneSearchEngine(lucene);
    java.util.List<SearchIndex> stale = new java.util.ArrayList<>();
    // On a shared store the local index follows the store's change log from a mark taken before
    // it is filled (ChangeFollower); one built without a mark is rebuilt so that it has one.
    boolean follows = !config.embeddedStore();
    long mark = follows ? store.changes().last() : -1;
    if (follows && !lucene.rebuildNeeded() && lucene.followedChange() < 0) {
      lucene.deleteAll();
      stale.add(lucene);
    } else if (lucene.rebuildNeeded()) {
      stale.add(lucene);
    }
    if (follows && stale.contains(lucene)) {
      lucene.followedChange(mark);
    }
    if (!config.embeddedSearch()) {
      try {
        OpenSearchIndex os =
            OpenSearchIndex.open(
                new OpenSearchClient(URI.create(config.search())),
                OPENSEARCH_INDEX,
                settings(config));
        if (os.rebuildNeeded()) {
          stale.add(os);
        }
        index = new TeeIndex(os, lucene);
        engine = new OpenSearchEngine(os);
      } catch (RuntimeException e) {
        lucene.close();
        store.close();
        throw e;
      }
    }
    Workspace w = new Workspace(config, store, opened.jdbc(), index, lucene, engine);
    // Each index that is missing or outdated is rebuilt on its own: a new app node builds its
    // local index without rebuilding the shared OpenSearch one.
    if (rebuildStale && !stale.isEmpty() && store.countLive() > 0) {
      for (SearchIndex s : stale) {
        err.println(
            "paperboy: building the "
                + (s == lucene ? "search index" : "OpenSearch index")
                + " from the store ("
                + settings(config).describe()
                + ")");
        Reindexer.fill(store, s, config.embeddingModel().key(), n -> {});
      }
    }
    return w;
  }

  /** Deletes the index directory; the next {@link #open} rebuilds it from the store. */
  public static void dropIndex(PaperboyConfig config) {
    Path dir = config.dataDir().resolve("index");
    try {
      deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the search index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a directory and everything under it; nothing happens when it does not exist. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  public static IndexSettings settings(PaperboyConfig config) {
    HnswSettings h = config.hnsw();
    return new IndexSettings(config.embeddingModel().key(), h.m(), h.efConstruction(), h.int8());
  }

  public PaperSearcher searcher(Optional<Embedder> embedder) {
    String model = config.embeddingModel().key();
    return new PaperSearcher(
        engine,
        embedder,
        config.fusion(),
        id -> Optional.ofNullable(store.embeddings().find(model, java.util.List.of(id)).get(id)));
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      store.close();
    }
  }
}
