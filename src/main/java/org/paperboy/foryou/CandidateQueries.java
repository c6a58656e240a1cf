package org.paperboy.foryou;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.paperboy.feed.Period;
import org.paperboy.index.IndexSchema;
import org.paperboy.index.PaperIndex;
import org.paperboy.search.LuceneQueries;
import org.paperboy.search.UserQuery;

/**
 * The Lucene queries behind "for you": the candidate papers of a period (topics boost or exclude,
 * upvoted categories boost) and which topics each pick matches, for its reason line.
 */
final class CandidateQueries {
  private final PaperIndex index;
  private final double categoryWeight;

  CandidateQueries(PaperIndex index, double categoryWeight) {
    this.index = index;
    this.categoryWeight = categoryWeight;
  }

  /**
   * @param categories upvoted categories with their share: each adds {@link
   *     Recommender#CATEGORY_WEIGHT} × share to a paper in it (through the Lucene score, which the
   *     collector weighs by {@link Recommender#TOPIC_BOOST})
   */
  Query candidates(
      Period period,
      List<Topic> topics,
      Set<String> excluded,
      boolean topicsRequired,
      Map<String, Double> categories) {
    long first = period.first().toEpochDay();
    long last = period.last().toEpochDay();
    Query inPeriod =
        new BooleanQuery.Builder()
            .add(LongField.newRangeQuery(IndexSchema.PUBLISHED, first, last), Occur.SHOULD)
            .add(LongField.newRangeQuery(IndexSchema.DAILY, first, last), Occur.SHOULD)
            .build();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(inPeriod, Occur.FILTER);
    int boosts = 0;
    for (Topic t : topics) {
      Query q = topicQuery(t);
      if (q == null) {
        continue;
      }
      if (t.kind() == Topic.Kind.EXCLUDE) {
        b.add(q, Occur.MUST_NOT);
      } else {
        b.add(q, Occur.SHOULD);
        boosts++;
      }
    }
    for (var c :
        categoryWeight == 0 ? Map.<String, Double>of().entrySet() : categories.entrySet()) {
      Query q =
          new org.apache.lucene.search.ConstantScoreQuery(
              new org.apache.lucene.search.TermQuery(new Term(IndexSchema.CATEGORY, c.getKey())));
      b.add(
          new org.apache.lucene.search.BoostQuery(
              q, (float) (categoryWeight / Recommender.TOPIC_BOOST * c.getValue())),
          Occur.SHOULD);
    }
    if (topicsRequired && boosts > 0) {
      b.setMinimumNumberShouldMatch(1);
    }
    if (!excluded.isEmpty()) {
      b.add(
          new TermInSetQuery(IndexSchema.ID, excluded.stream().map(BytesRef::new).toList()),
          Occur.MUST_NOT);
    }
    return b.build();
  }

  /** The query a topic matches with a constant score of 1; null when it matches nothing. */
  private Query topicQuery(Topic t) {
    return switch (t.kind()) {
      case CATEGORY ->
          new org.apache.lucene.search.ConstantScoreQuery(
              new org.apache.lucene.search.TermQuery(new Term(IndexSchema.CATEGORY, t.value())));
      case KEYWORD, EXCLUDE -> LuceneQueries.match(UserQuery.parse(phrase(t.value())));
      case SEARCH -> LuceneQueries.match(UserQuery.parse(t.value()));
      case AUTHOR -> LuceneQueries.match(UserQuery.parse("author:" + phrase(t.value())));
    };
  }

  private static String phrase(String value) {
    return "\"" + value.replace("\"", " ") + "\"";
  }

  /** Which boosting topics each of {@code ids} matches, in the reader's topic order. */
  Map<String, List<Topic>> matchedTopics(List<String> ids, List<Topic> topics) {
    Map<String, List<Topic>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Query only = new TermInSetQuery(IndexSchema.ID, ids.stream().map(BytesRef::new).toList());
    index.withSearcher(
        s -> {
          for (Topic t : topics) {
            Query q = t.kind() == Topic.Kind.EXCLUDE ? null : topicQuery(t);
            if (q == null) {
              continue;
            }
            Query both =
                new BooleanQuery.Builder().add(q, Occur.FILTER).add(only, Occur.FILTER).build();
            for (String id : idsOf(s, both, ids.size())) {
              out.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
            }
          }
          return null;
        });
    return out;
  }

  private static Collection<String> idsOf(IndexSearcher s, Query q, int n) throws IOException {
    List<String> out = new ArrayList<>();
    org.apache.lucene.index.StoredFields stored = s.storedFields();
    for (var sd : s.search(q, Math.max(1, n)).scoreDocs) {
      out.add(stored.document(sd.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID));
    }
    return out;
  }

  /** A candidate paper and its score. */
  record Scored(String id, double score) {}

  /** The best {@code limit} candidates by score, ties (also at the cut) broken by smaller id. */
  List<Scored> top(Query query, Candidates collector, int limit) {
    return index.withSearcher(
        s -> {
          Candidates.Scored all = s.search(query, collector);
          Integer[] order = new Integer[all.size()];
          for (int i = 0; i < order.length; i++) {
            order[i] = i;
          }
          java.util.Arrays.sort(order, (a, b) -> Double.compare(all.scores()[b], all.scores()[a]));
          int cut = Math.min(limit, order.length);
          double boundary = cut == 0 ? 0 : all.scores()[order[cut - 1]];
          int end = cut;
          while (end < order.length && all.scores()[order[end]] == boundary) {
            end++;
          }
          List<Scored> out = new ArrayList<>(end);
          org.apache.lucene.index.StoredFields stored = s.storedFields();
          for (int i = 0; i < end; i++) {
            int doc = all.docs()[order[i]];
            String id = stored.document(doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID);
            out.add(new Scored(id, all.scores()[order[i]]));
          }
          out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
          return List.copyOf(out.subList(0, cut));
        });
  }
}
