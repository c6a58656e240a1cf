package org.paperboy.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.index.IndexSchema;
import org.paperboy.search.Like;
import org.paperboy.search.MoreLikeThisTerms;
import org.paperboy.search.QueryText;
import org.paperboy.search.ScoredId;
import org.paperboy.search.SearchEngine;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchSort;
import org.paperboy.search.UserQuery;

/**
 * The scaled search backend: the queries of {@link org.paperboy.search.LuceneSearchEngine}, sent to
 * OpenSearch as JSON. Query words are analysed here with the same English analyzer the index uses
 * and sent as exact terms (phrases as whitespace-separated analysed terms), so both backends score
 * the same terms with the same BM25; ties are broken by paper id on both.
 */
public final class OpenSearchEngine implements SearchEngine {
  private static final long VECTORS_CHECK_NANOS = 10_000_000_000L;

  private final OpenSearchClient client;
  private final String index;
  private volatile long vectorsSeenAt = Long.MIN_VALUE;

  public OpenSearchEngine(OpenSearchIndex index) {
    this.client = index.client();
    this.index = index.name();
  }

  @Override
  public boolean hasText(UserQuery q) {
    return OpenSearchQueries.textQuery(q, IndexSchema.CONTENTS) != null;
  }

  @Override
  public boolean hasFilter(UserQuery q) {
    return !OpenSearchQueries.filters(q).isEmpty();
  }

  @Override
  public List<ScoredId> keyword(UserQuery q, int n) {
    ObjectNode text = OpenSearchQueries.textQuery(q, IndexSchema.CONTENTS);
    ArrayNode filters = OpenSearchQueries.filters(q);
    ObjectNode bool = OpenSearchClient.object();
    ObjectNode b = bool.putObject("bool");
    if (text != null) {
      b.putArray("must").add(text);
    }
    if (!filters.isEmpty()) {
      b.set("filter", filters);
    }
    return ranked(text == null ? OpenSearchQueries.constantScore(filters) : bool, n);
  }

  /** The top {@code n} papers for {@code query}, by score, ties by paper id. */
  private List<ScoredId> ranked(ObjectNode query, int n) {
    ObjectNode body = OpenSearchClient.object();
    body.put("size", Math.max(n, 1));
    body.put("_source", false);
    body.put("track_total_hits", false);
    body.set("query", query);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().put("_score", "desc");
    sort.addObject().put(IndexSchema.ID, "asc");
    body.put("track_scores", true);
    return OpenSearchQueries.ids(client.send("POST", index + "/_search", body));
  }

  /**
   * OpenSearch's own {@code more_like_this} over the paper's title and abstract, with the terms
   * chosen as {@link MoreLikeThisTerms} says (its term statistics are the cluster's, so the terms
   * can differ from the embedded index's at the margin).
   */
  @Override
  public java.util.Optional<Like> like(String id) {
    ObjectNode like = likeQuery(id);
    if (like == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Like() {
          @Override
          public List<ScoredId> top(int n) {
            return ranked(like, n);
          }

          @Override
          public Map<String, Float> scores(Collection<String> ids) {
            return ids.isEmpty() ? Map.of() : scoresOf(like, ids);
          }
        });
  }

  private ObjectNode likeQuery(String id) {
    List<JsonNode> self =
        fetch(List.of(id), List.of(IndexSchema.TITLE, IndexSchema.ABSTRACT), null);
    if (self.isEmpty()) {
      return null;
    }
    JsonNode src = self.get(0).path("_source");
    return OpenSearchQueries.moreLikeThis(
        src.path(IndexSchema.TITLE).asText("") + " " + src.path(IndexSchema.ABSTRACT).asText(""));
  }

  /** The scores {@code query} gives the papers {@code ids} that it matches. */
  private Map<String, Float> scoresOf(ObjectNode query, Collection<String> ids) {
    ObjectNode body = OpenSearchClient.object();
    body.put("size", ids.size());
    body.put("_source", false);
    ObjectNode b = body.putObject("query").putObject("bool");
    b.putArray("must").add(query);
    ArrayNode values = b.putArray("filter").addObject().putObject("ids").putArray("values");
    ids.forEach(values::add);
    Map<String, Float> out = new HashMap<>();
    OpenSearchQueries.ids(client.send("POST", index + "/_search", body))
        .forEach(h -> out.put(h.id(), (float) h.score()));
    return out;
  }

  @Override
  public Map<String, Float> keywordScores(UserQuery q, Collection<String> ids) {
    ObjectNode text = OpenSearchQueries.textQuery(q, IndexSchema.CONTENTS);
    return text == null || ids.isEmpty() ? Map.of() : scoresOf(text, ids);
  }

  /**
   * Exact scores by the k-NN plugin's {@code knn_score} script: an increasing affine function of
   * the cosine whose scale has changed between plugin versions, so not comparable with the {@code
   * knn} query's scores; callers rescore whole lists with it (min-max normalisation then gives the
   * same fused ranking as the embedded index).
   */
  @Override
  public Map<String, Float> vectorScores(float[] vector, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    ObjectNode body = OpenSearchClient.object();
    body.put("size", ids.size());
    body.put("_source", false);
    ObjectNode ss = body.putObject("query").putObject("script_score");
    // Only papers that have a vector: the script scores the others too.
    ArrayNode filter = ss.putObject("query").putObject("bool").putArray("filter");
    ArrayNode values = filter.addObject().putObject("ids").putArray("values");
    ids.forEach(values::add);
    filter.addObject().putObject("exists").put("field", IndexSchema.VECTOR);
    ObjectNode script = ss.putObject("script");
    script.put("source", "knn_score");
    script.put("lang", "knn");
    ObjectNode params = script.putObject("params");
    params.put("field", IndexSchema.VECTOR);
    ArrayNode v = params.putArray("query_value");
    for (float x : vector) {
      v.add(x);
    }
    params.put("space_type", "cosinesimil");
    Map<String, Float> out = new HashMap<>();
    OpenSearchQueries.ids(client.send("POST", index + "/_search", body))
        .forEach(h -> out.put(h.id(), (float) h.score()));
    return out;
  }

  @Override
  public List<ScoredId> nearest(float[] vector, int n, UserQuery filters) {
    ObjectNode body = OpenSearchClient.object();
    body.put("size", n);
    body.put("_source", false);
    ObjectNode knn = body.putObject("query").putObject("knn").putObject(IndexSchema.VECTOR);
    ArrayNode v = knn.putArray("vector");
    for (float x : vector) {
      v.add(x);
    }
    knn.put("k", n);
    ArrayNode f = OpenSearchQueries.filters(filters);
    if (!f.isEmpty()) {
      knn.putObject("filter").putObject("bool").set("filter", f);
    }
    List<ScoredId> out = OpenSearchQueries.ids(client.send("POST", index + "/_search", body));
    out.sort(ScoredId.RANKING);
    return out;
  }

  @Override
  public boolean hasVectors() {
    if (System.nanoTime() - vectorsSeenAt < VECTORS_CHECK_NANOS) {
      return true;
    }
    ObjectNode body = OpenSearchClient.object();
    body.put("size", 0);
    body.put("track_total_hits", 1);
    body.putObject("query").putObject("exists").put("field", IndexSchema.VECTOR);
    boolean any =
        client
                .send("POST", index + "/_search", body)
                .path("hits")
                .path("total")
                .path("value")
                .asLong()
            > 0;
    if (any) {
      vectorsSeenAt = System.nanoTime();
    }
    return any;
  }

  @Override
  public Map<String, Long> sortKeys(Collection<String> ids, SearchSort sort) {
    String field = sort == SearchSort.DATE ? IndexSchema.PUBLISHED : IndexSchema.UPVOTES;
    Map<String, Long> out = new HashMap<>();
    for (JsonNode hit : fetch(ids, List.of(field), null)) {
      JsonNode value = hit.path("_source").path(field);
      out.put(hit.path("_id").asText(), value.isNumber() ? value.asLong() : Long.MIN_VALUE);
    }
    for (String id : ids) {
      out.putIfAbsent(id, Long.MIN_VALUE);
    }
    return out;
  }

  @Override
  public List<SearchHit> hits(List<ScoredId> page, UserQuery q, boolean snippets) {
    if (page.isEmpty()) {
      return List.of();
    }
    ObjectNode highlight = null;
    ObjectNode hq = snippets ? OpenSearchQueries.textQuery(q, IndexSchema.ABSTRACT) : null;
    if (hq != null) {
      highlight = OpenSearchClient.object();
      highlight.putArray("pre_tags").add("<mark>");
      highlight.putArray("post_tags").add("</mark>");
      highlight.put("encoder", "html");
      ObjectNode field = highlight.putObject("fields").putObject(IndexSchema.ABSTRACT);
      field.put("type", "unified");
      field.put("number_of_fragments", 2);
      field.set("highlight_query", hq);
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode hit :
        fetch(
            page.stream().map(ScoredId::id).toList(),
            List.of(IndexSchema.TITLE, IndexSchema.ABSTRACT),
            highlight)) {
      byId.put(hit.path("_id").asText(), hit);
    }
    List<SearchHit> out = new ArrayList<>(page.size());
    for (ScoredId s : page) {
      JsonNode hit = byId.get(s.id());
      String title = hit == null ? "" : hit.path("_source").path(IndexSchema.TITLE).asText("");
      String snippet = null;
      if (snippets && hit != null) {
        JsonNode fragments = hit.path("highlight").path(IndexSchema.ABSTRACT);
        if (fragments.isArray() && !fragments.isEmpty()) {
          List<String> parts = new ArrayList<>();
          fragments.forEach(f -> parts.add(f.asText()));
          snippet = String.join(" … ", parts);
        } else {
          snippet =
              QueryText.plainSnippet(hit.path("_source").path(IndexSchema.ABSTRACT).asText(""));
        }
      }
      out.add(new SearchHit(s.id(), s.score(), title, snippet));
    }
    return out;
  }

  private List<JsonNode> fetch(Collection<String> ids, List<String> fields, ObjectNode highlight) {
    ObjectNode body = OpenSearchClient.object();
    body.put("size", ids.size());
    ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
    ids.forEach(values::add);
    ArrayNode source = body.putArray("_source");
    fields.forEach(source::add);
    if (highlight != null) {
      body.set("highlight", highlight);
    }
    List<JsonNode> out = new ArrayList<>();
    client.send("POST", index + "/_search", body).path("hits").path("hits").forEach(out::add);
    return out;
  }
}
