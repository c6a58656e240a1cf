package org.paperboy.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.paperboy.index.Analyzers;
import org.paperboy.index.IndexSchema;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.index.SearchIndex;
import org.paperboy.paper.Paper;

/**
 * The scaled search backend's index: one OpenSearch index holding the same fields as the embedded
 * {@link IndexSchema} — title and abstract copied into one {@code contents} field that BM25 ranks
 * (English analyzer, k1 0.9, b 0.4 as in {@link PaperIndex}), authors, categories, dates, upvotes
 * and a 384-d {@code knn_vector} in an HNSW graph of the {@code lucene} engine (the default faiss
 * engine has no native library in the distribution). Writes are buffered and sent with the bulk
 * API. The schema, analyzer and vector settings are kept in the mapping's {@code _meta}: an index
 * built differently is deleted and rebuilt from the store, like the embedded one.
 */
public final class OpenSearchIndex implements SearchIndex {
  /** Bulk requests carry at most this many papers. */
  static final int BULK = 500;

  private final OpenSearchClient client;
  private final String name;
  private final IndexSettings settings;
  private final Map<String, String> identity;
  private final StringBuilder pending = new StringBuilder();
  private int pendingOps;
  private final boolean rebuildNeeded;

  private OpenSearchIndex(
      OpenSearchClient client, String name, IndexSettings settings, boolean rebuildNeeded) {
    this.client = client;
    this.name = name;
    this.settings = settings;
    this.identity = identity(settings);
    this.rebuildNeeded = rebuildNeeded;
  }

  /** Opens (creating or rebuilding when it is missing or different) the index {@code name}. */
  public static OpenSearchIndex open(OpenSearchClient client, String name, IndexSettings settings) {
    Map<String, String> identity = identity(settings);
    boolean matches = false;
    if (client.exists(name)) {
      JsonNode meta =
          client.send("GET", name + "/_mapping", null).path(name).path("mappings").path("_meta");
      Map<String, String> found = new TreeMap<>();
      meta.properties().forEach(e -> found.put(e.getKey(), e.getValue().asText()));
      matches = identity.equals(found);
      if (!matches) {
        client.send("DELETE", name, null);
      }
    }
    OpenSearchIndex index = new OpenSearchIndex(client, name, settings, !matches);
    if (!matches) {
      index.create();
    }
    return index;
  }

  static Map<String, String> identity(IndexSettings settings) {
    Map<String, String> m = new TreeMap<>();
    m.put("schema", Integer.toString(IndexSchema.VERSION));
    m.put("analyzer", Analyzers.NAME);
    m.put("vectors", settings.describe());
    return m;
  }

  public String name() {
    return name;
  }

  OpenSearchClient client() {
    return client;
  }

  private void create() {
    ObjectNode body = OpenSearchClient.object();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", 1);
    index.put("number_of_replicas", 0);
    index.put("knn", true);
    index.put("refresh_interval", "1s");
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25");
    bm25.put("k1", PaperIndex.BM25_K1);
    bm25.put("b", PaperIndex.BM25_B);
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode meta = mappings.putObject("_meta");
    identity.forEach(meta::put);
    // The vector and the copied contents are not kept in _source: the store has both.
    mappings.putObject("_source").putArray("excludes").add(IndexSchema.VECTOR);
    ObjectNode p = mappings.putObject("properties");
    p.putObject(IndexSchema.ID).put("type", "keyword");
    ObjectNode title = p.putObject(IndexSchema.TITLE);
    title.put("type", "text");
    title.put("index", false);
    title.put("copy_to", IndexSchema.CONTENTS);
    ObjectNode abs = p.putObject(IndexSchema.ABSTRACT);
    abs.put("type", "text");
    abs.put("analyzer", "english");
    abs.put("index_options", "offsets");
    abs.put("copy_to", IndexSchema.CONTENTS);
    ObjectNode contents = p.putObject(IndexSchema.CONTENTS);
    contents.put("type", "text");
    contents.put("analyzer", "english");
    p.putObject(IndexSchema.AUTHORS).put("type", "text").put("analyzer", "english");
    p.putObject(IndexSchema.CATEGORY).put("type", "keyword");
    p.putObject(IndexSchema.PUBLISHED).put("type", "long");
    p.putObject(IndexSchema.DAILY).put("type", "long");
    p.putObject(IndexSchema.UPVOTES).put("type", "integer");
    ObjectNode vector = p.putObject(IndexSchema.VECTOR);
    vector.put("type", "knn_vector");
    vector.put("dimension", org.paperboy.config.EmbeddingModelId.DIMENSIONS);
    ObjectNode method = vector.putObject("method");
    method.put("name", "hnsw");
    method.put("engine", "lucene");
    method.put("space_type", "cosinesimil");
    method
        .putObject("parameters")
        .put("m", settings.hnswM())
        .put("ef_construction", settings.efConstruction());
    try {
      client.send("PUT", name, body);
    } catch (OpenSearchException e) {
      // Another app node created it between our check and now: the same mapping, so use it.
      if (!e.getMessage().contains("resource_already_exists_exception")) {
        throw e;
      }
    }
  }

  @Override
  public boolean rebuildNeeded() {
    return rebuildNeeded;
  }

  @Override
  public synchronized void upsert(Paper paper, float[] vector) {
    if (paper.deleted()) {
      delete(paper.id());
      return;
    }
    ObjectNode action = OpenSearchClient.object();
    action.putObject("index").put("_id", paper.id());
    append(action, document(paper, vector));
  }

  @Override
  public void add(Paper paper, float[] vector) {
    upsert(paper, vector);
  }

  @Override
  public synchronized void delete(String id) {
    ObjectNode action = OpenSearchClient.object();
    action.putObject("delete").put("_id", id);
    append(action, null);
  }

  /** Drops the index and creates it empty (faster than deleting every document). */
  @Override
  public synchronized void deleteAll() {
    pending.setLength(0);
    pendingOps = 0;
    client.send("DELETE", name, null);
    create();
  }

  @Override
  public synchronized void commit() {
    flush();
    client.send("POST", name + "/_refresh", null);
  }

  @Override
  public synchronized void refresh() {
    commit();
  }

  /** Deletes the index from the cluster (temporary indexes, e.g. an evaluation's). */
  public void drop() {
    client.send("DELETE", name, null);
  }

  @Override
  public int count() {
    return client.send("GET", name + "/_count", null).path("count").asInt();
  }

  @Override
  public synchronized void close() {
    flush();
  }

  static ObjectNode document(Paper p, float[] vector) {
    ObjectNode d = OpenSearchClient.object();
    d.put(IndexSchema.ID, p.id());
    d.put(IndexSchema.TITLE, p.title());
    d.put(IndexSchema.ABSTRACT, p.abstractText());
    d.put(IndexSchema.AUTHORS, String.join("; ", p.authors()));
    ArrayNode cats = d.putArray(IndexSchema.CATEGORY);
    p.categories().forEach(cats::add);
    d.put(
        IndexSchema.PUBLISHED, p.published() == null ? Long.MIN_VALUE : p.published().toEpochDay());
    if (p.dailyDate() != null) {
      d.put(IndexSchema.DAILY, p.dailyDate().toEpochDay());
    }
    d.put(IndexSchema.UPVOTES, p.upvotes() == null ? 0 : p.upvotes());
    if (vector != null) {
      ArrayNode v = d.putArray(IndexSchema.VECTOR);
      for (float x : vector) {
        v.add(x);
      }
    }
    return d;
  }

  /** Buffers one bulk operation (an action line and, for index actions, the document). */
  private void append(ObjectNode action, ObjectNode document) {
    try {
      pending.append(OpenSearchClient.JSON.writeValueAsString(action)).append('\n');
      if (document != null) {
        pending.append(OpenSearchClient.JSON.writeValueAsString(document)).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new OpenSearchException("cannot write bulk request: " + e.getMessage(), e);
    }
    if (++pendingOps >= BULK) {
      flush();
    }
  }

  /** Sends the buffered writes as one bulk request; a failed item fails the whole call. */
  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    String body = pending.toString();
    pending.setLength(0);
    pendingOps = 0;
    JsonNode r = client.sendRaw("POST", name + "/_bulk", body, "application/x-ndjson");
    if (r.path("errors").asBoolean(false)) {
      for (JsonNode item : r.path("items")) {
        JsonNode result = item.elements().next();
        JsonNode error = result.path("error");
        if (!error.isMissingNode() && !(result.path("status").asInt() == 404)) {
          throw new OpenSearchException(
              "OpenSearch refused paper "
                  + result.path("_id").asText()
                  + ": "
                  + error.path("type").asText()
                  + ": "
                  + error.path("reason").asText());
        }
      }
    }
  }
}
