package org.paperboy.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.index.IndexSchema;
import org.paperboy.search.MoreLikeThisTerms;
import org.paperboy.search.QueryText;
import org.paperboy.search.ScoredId;
import org.paperboy.search.UserQuery;

/**
 * The scaled backend's query building, as OpenSearch JSON: the same terms, phrases and filters the
 * embedded backend builds in {@link org.paperboy.search.LuceneQueries}.
 */
final class OpenSearchQueries {
  private OpenSearchQueries() {}

  static ObjectNode constantScore(ArrayNode filters) {
    ObjectNode q = OpenSearchClient.object();
    ObjectNode bool = q.putObject("constant_score").putObject("filter").putObject("bool");
    if (filters.isEmpty()) {
      bool.putArray("must").addObject().putObject("match_all");
    } else {
      bool.set("filter", filters);
    }
    return q;
  }

  static List<ScoredId> ids(JsonNode response) {
    List<ScoredId> out = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      out.add(new ScoredId(hit.path("_id").asText(), (float) hit.path("_score").asDouble(0)));
    }
    return out;
  }

  /** Words as optional terms (BM25 disjunction), quoted phrases as required phrases. */
  static ObjectNode textQuery(UserQuery q, String field) {
    ArrayNode should = OpenSearchClient.JSON.createArrayNode();
    ArrayNode must = OpenSearchClient.JSON.createArrayNode();
    for (String w : q.words()) {
      for (String t : QueryText.analyze(IndexSchema.CONTENTS, w)) {
        should.addObject().putObject("term").putObject(field).put("value", t);
      }
    }
    for (String p : q.phrases()) {
      List<String> tokens = QueryText.analyze(IndexSchema.CONTENTS, p);
      if (!tokens.isEmpty()) {
        must.add(phrase(field, tokens, 0));
      }
    }
    if (should.isEmpty() && must.isEmpty()) {
      return null;
    }
    ObjectNode query = OpenSearchClient.object();
    ObjectNode bool = query.putObject("bool");
    if (!should.isEmpty()) {
      bool.set("should", should);
    }
    if (!must.isEmpty()) {
      bool.set("must", must);
    }
    return query;
  }

  /** Analysed terms at consecutive positions (as the embedded backend's phrase queries). */
  static ObjectNode phrase(String field, List<String> tokens, int slop) {
    ObjectNode q = OpenSearchClient.object();
    ObjectNode f = q.putObject("match_phrase").putObject(field);
    f.put("query", String.join(" ", tokens));
    f.put("analyzer", "whitespace");
    f.put("slop", slop);
    return q;
  }

  /** author:, cat: and year: as filters. */
  static ArrayNode filters(UserQuery q) {
    ArrayNode out = OpenSearchClient.JSON.createArrayNode();
    for (String a : q.authors()) {
      List<String> tokens = QueryText.analyze(IndexSchema.CONTENTS, a);
      if (!tokens.isEmpty()) {
        out.add(phrase(IndexSchema.AUTHORS, tokens, 2));
      }
    }
    if (!q.categories().isEmpty()) {
      ArrayNode cats = out.addObject().putObject("terms").putArray(IndexSchema.CATEGORY);
      q.categories().forEach(cats::add);
    }
    if (q.publishedFrom() != null || q.publishedTo() != null) {
      ObjectNode range = out.addObject().putObject("range").putObject(IndexSchema.PUBLISHED);
      range.put("gte", q.publishedFrom() == null ? Long.MIN_VALUE : q.publishedFrom().toEpochDay());
      range.put("lte", q.publishedTo() == null ? Long.MAX_VALUE : q.publishedTo().toEpochDay());
    }
    return out;
  }

  /**
   * OpenSearch's own {@code more_like_this} over {@code text}, with the terms chosen as {@link
   * MoreLikeThisTerms} says.
   */
  static ObjectNode moreLikeThis(String text) {
    ObjectNode q = OpenSearchClient.object();
    ObjectNode mlt = q.putObject("more_like_this");
    mlt.putArray("fields").add(IndexSchema.CONTENTS);
    mlt.putArray("like").add(text);
    mlt.put("min_term_freq", MoreLikeThisTerms.MIN_TERM_FREQ);
    mlt.put("min_doc_freq", MoreLikeThisTerms.MIN_DOC_FREQ);
    mlt.put("max_query_terms", MoreLikeThisTerms.MAX_QUERY_TERMS);
    mlt.put("minimum_should_match", "1");
    return q;
  }
}
