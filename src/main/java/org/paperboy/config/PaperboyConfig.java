package org.paperboy.config;

import java.nio.file.Path;

/**
 * Paperboy's whole configuration, typed and validated when it is built. Values come from the
 * defaults below, then a properties file, then {@code PAPERBOY_*} environment variables, then
 * command-line flags (see {@link ConfigLoader}); README.md lists every key.
 *
 * @param dataDir where the database (and later the index) lives; key {@code data}, env {@code
 *     PAPERBOY_DATA}, flag {@code --data}; default {@code ./data}
 * @param importBatchSize records per import transaction; key {@code import.batch-size}, env {@code
 *     PAPERBOY_IMPORT_BATCH_SIZE}; default 1000, 1 to 100,000
 * @param embeddingModel sentence-embedding model; key {@code embedding.model}
 * @param fusion how hybrid search fuses keyword and semantic results; keys {@code search.fusion}
 *     ({@code rrf} or {@code convex}) and {@code search.lexical-weight}
 * @param server where the web server listens and the address readers reach it at
 * @param arxivApi the arXiv API endpoint for submissions and harvests; key {@code arxiv.api-url}
 * @param harvest harvest endpoints, politeness and schedule
 * @param hnsw how the embedded index builds its vector graph (keys {@code search.hnsw-*}); changing
 *     it rebuilds the index
 * @param mail outgoing mail for digests
 * @param store where the store lives: {@code sqlite} (the embedded default, a file in the data
 *     directory) or a {@code jdbc:postgresql://host:port/db?user=…&password=…} URL; key {@code
 *     store}, env {@code PAPERBOY_STORE}, flag {@code --store}
 * @param jobs leases and ticks of background jobs shared by app nodes
 * @param search the search backend: {@code lucene} (the default, an index in the data directory) or
 *     the {@code http(s)://} address of an OpenSearch cluster; key {@code search}, env {@code
 *     PAPERBOY_SEARCH}, flag {@code --search}
 */
public record PaperboyConfig(
    Path dataDir,
    int importBatchSize,
    EmbeddingModelId embeddingModel,
    HybridFusion fusion,
    ServerSettings server,
    java.net.URI arxivApi,
    HarvestSettings harvest,
    HnswSettings hnsw,
    MailSettings mail,
    String store,
    JobSettings jobs,
    String search) {
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final int DEFAULT_IMPORT_BATCH_SIZE = 1000;

  public PaperboyConfig {
    if (dataDir == null || dataDir.toString().isBlank()) {
      throw new ConfigException("data: a data directory is required");
    }
    if (importBatchSize < 1 || importBatchSize > 100_000) {
      throw new ConfigException(
          "import.batch-size: must be between 1 and 100000, was " + importBatchSize);
    }
    if (arxivApi == null
        || !("http".equals(arxivApi.getScheme()) || "https".equals(arxivApi.getScheme()))) {
      throw new ConfigException("arxiv.api-url: must be an http(s) URL, was " + arxivApi);
    }
    if (!isValidStore(store)) {
      throw new ConfigException(
          "store: expected 'sqlite' or a jdbc:postgresql:// URL, was '" + store + "'");
    }
    if (!(isEmbeddedSearch(search)
        || search.startsWith("http://")
        || search.startsWith("https://"))) {
      throw new ConfigException(
          "search: expected 'lucene' or an http(s):// OpenSearch address, was '" + search + "'");
    }
  }

  /** The value of {@code search} that selects the embedded Lucene index. */
  public static final String EMBEDDED_SEARCH = "lucene";

  /** Whether search runs on the embedded Lucene index (not a shared OpenSearch cluster). */
  public boolean embeddedSearch() {
    return isEmbeddedSearch(search);
  }

  private static boolean isEmbeddedSearch(String search) {
    return search == null || search.isBlank() || EMBEDDED_SEARCH.equals(search);
  }

  /** The {@code store} value of the embedded SQLite file in the data directory. */
  public static final String EMBEDDED_STORE = "sqlite";

  /** Whether {@code store} names a store Paperboy can open: SQLite or a PostgreSQL URL. */
  public static boolean isValidStore(String store) {
    return store == null
        || store.isBlank()
        || EMBEDDED_STORE.equals(store)
        || store.startsWith("jdbc:postgresql://");
  }

  /** Whether the store is the embedded SQLite file (not a shared PostgreSQL database). */
  public boolean embeddedStore() {
    return store == null || store.isBlank() || EMBEDDED_STORE.equals(store);
  }

  public static final java.net.URI DEFAULT_ARXIV_API =
      java.net.URI.create("https://export.arxiv.org/api/query");

  /** bge-small: the better model on every evaluation here; BENCHMARKS.md has why and its cost. */
  public static final EmbeddingModelId DEFAULT_MODEL = EmbeddingModelId.BGE_SMALL;

  public static final HybridFusion DEFAULT_FUSION = HybridFusion.DEFAULT;

  public static PaperboyConfig defaults() {
    return new PaperboyConfig(
        DEFAULT_DATA_DIR,
        DEFAULT_IMPORT_BATCH_SIZE,
        DEFAULT_MODEL,
        DEFAULT_FUSION,
        ServerSettings.defaults(),
        DEFAULT_ARXIV_API,
        HarvestSettings.defaults(),
        HnswSettings.defaults(),
        MailSettings.defaults(),
        EMBEDDED_STORE,
        JobSettings.defaults(),
        EMBEDDED_SEARCH);
  }
}
