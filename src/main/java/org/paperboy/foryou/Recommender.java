package org.paperboy.foryou;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.paperboy.community.CommunityStore;
import org.paperboy.feed.FeedEntry;
import org.paperboy.feed.FeedService;
import org.paperboy.feed.Period;
import org.paperboy.feed.TrendingScore;
import org.paperboy.index.IndexSchema;
import org.paperboy.index.PaperIndex;
import org.paperboy.paper.Paper;
import org.paperboy.search.LuceneSearchEngine;
import org.paperboy.search.UserQuery;
import org.paperboy.store.PaperStore;

/**
 * Ranks the papers of a period for one reader. With upvotes: a {@link LinearModel} over the paper
 * embeddings (upvotes against dismissals and a background sample of the index), plus {@link
 * #CATEGORY_WEIGHT} × the share of upvotes in each arXiv category the paper is in, plus a boost per
 * matching topic; the background sample is seeded by the reader's signals, so the same upvotes and
 * dismissals over the same index give the same list. Without: trending, limited to the reader's
 * topics when they follow some. Papers the reader upvoted or dismissed, and hidden papers, never
 * appear. Ties go to the smaller id.
 */
public final class Recommender {
  /** Background papers sampled as negatives when training a reader's model. */
  static final int BACKGROUND = 300;

  /** Added to the predicted interest (0..1) for each matching topic. */
  static final double TOPIC_BOOST = 0.25;

  /** Extra candidates re-scored with local votes for a reader without a model. */
  static final int COLD_MARGIN = 200;

  private static final Comparator<Recommendation> BY_TRENDING =
      Comparator.comparingDouble(Recommendation::score)
          .reversed()
          .thenComparing(
              Comparator.comparingInt((Recommendation r) -> r.entry().upvotes()).reversed())
          .thenComparing(
              (Recommendation r) -> r.entry().paper().dailyDate(),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(r -> r.entry().paper().id());

  /** Cosine similarity above which a pick is explained by the closest upvoted paper. */
  static final double SIMILAR_ENOUGH = 0.45;

  static final String COLD_HINT =
      "Upvote papers you like, or follow categories and keywords in Settings, and this list learns"
          + " what matters to you.";

  private final PaperIndex index;
  private final PaperStore papers;
  private final CommunityStore community;
  private final InterestStore interests;
  private final FeedService feed;
  private final LuceneSearchEngine matches;
  private final String model;
  private final Clock clock;
  private final double categoryWeight;
  private final Map<String, Interest> models =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Interest> e) {
              return size() > 1000;
            }
          });

  public Recommender(
      PaperIndex index,
      PaperStore papers,
      CommunityStore community,
      InterestStore interests,
      FeedService feed,
      String model,
      Clock clock) {
    this(index, papers, community, interests, feed, model, clock, CATEGORY_WEIGHT);
  }

  private Recommender(
      PaperIndex index,
      PaperStore papers,
      CommunityStore community,
      InterestStore interests,
      FeedService feed,
      String model,
      Clock clock,
      double categoryWeight) {
    this.categoryWeight = categoryWeight;
    this.index = index;
    this.papers = papers;
    this.community = community;
    this.interests = interests;
    this.feed = feed;
    this.matches = new LuceneSearchEngine(index);
    this.model = model;
    this.clock = clock;
  }

  /**
   * The same ranking without the upvoted-category feature: the embeddings model (and topics) alone.
   * For evaluations whose relevance is defined by categories, which that feature would read.
   */
  public Recommender embeddingsOnly() {
    return new Recommender(index, papers, community, interests, feed, model, clock, 0);
  }

  public InterestStore interests() {
    return interests;
  }

  /** The reader's list for a period, best first, at most {@code limit} papers. */
  public ForYou rank(String userId, Period period, int limit) {
    return rank(userId, period, limit, Set.of());
  }

  /**
   * The reader's list for a period, leaving out {@code alsoExcluded} as well (a digest leaves out
   * the papers it already sent).
   */
  public ForYou rank(String userId, Period period, int limit, Set<String> alsoExcluded) {
    List<String> upvoted = interests.upvoted(userId);
    Set<String> dismissed = interests.dismissed(userId);
    List<Topic> topics = interests.topics(userId);
    Map<String, float[]> positives = papers.findEmbeddings(model, upvoted);
    Set<String> excluded = new TreeSet<>(upvoted);
    excluded.addAll(dismissed);
    excluded.addAll(alsoExcluded);
    excluded.addAll(community.allHidden());
    if (positives.isEmpty()) {
      return new ForYou(period, false, COLD_HINT, trending(period, topics, excluded, limit));
    }
    Interest interest = modelFor(userId, upvoted, positives, dismissed);
    LinearModel m = interest.model();
    Query query = candidates(period, topics, excluded, false, interest.categories());
    Candidates.Base base = (v, up, day) -> v == null ? 0 : m.probability(v);
    List<Scored> top = top(query, new Candidates(base, TOPIC_BOOST), limit);
    return new ForYou(
        period, true, null, explain(top, positives, topics, interest.categories(), period));
  }

  /**
   * The papers of a period that match at least one of {@code topics} (excludes remove), in trending
   * order, each explained by the topics it matches; empty when no topic selects papers.
   */
  public List<Recommendation> matching(
      List<Topic> topics, Period period, int limit, Set<String> alsoExcluded) {
    if (topics.stream().allMatch(t -> t.kind() == Topic.Kind.EXCLUDE)) {
      return List.of();
    }
    Set<String> excluded = new TreeSet<>(alsoExcluded);
    excluded.addAll(community.allHidden());
    return trending(period, topics, excluded, limit);
  }

  /**
   * Trending of the period, limited to topic matches when there are topics. The index's upvotes
   * (Hugging Face's) stand in for the exact trending score to find the candidates; votes cast here
   * are then added and the list re-sorted.
   */
  private List<Recommendation> trending(
      Period period, List<Topic> topics, Set<String> excluded, int limit) {
    Query query = candidates(period, topics, excluded, true);
    Instant reference = min(clock.instant(), endOf(period.last()));
    Candidates.Base base = (v, up, day) -> day == Long.MIN_VALUE ? 0 : trending(up, day, reference);
    List<Scored> top = top(query, new Candidates(base, 0), limit + COLD_MARGIN);
    return explain(top, Map.of(), topics, null, period).stream()
        .map(r -> new Recommendation(r.entry(), r.entry().score(), r.reason()))
        .sorted(BY_TRENDING)
        .limit(limit)
        .toList();
  }

  /**
   * What a reader's signals say: the model over embeddings, and the arXiv categories their upvotes
   * share (categories of at least {@value #MIN_CATEGORY_VOTES} upvoted papers, the {@value
   * #MAX_CATEGORIES} most common, with the share of upvotes in each).
   */
  record Interest(LinearModel model, Map<String, Double> categories) {}

  /** Added per matching upvoted category, times the share of upvotes in that category. */
  static final double CATEGORY_WEIGHT = 0.5;

  static final int MIN_CATEGORY_VOTES = 2;
  static final int MAX_CATEGORIES = 5;

  /** A reader's model, reused until their upvotes or dismissals change. */
  private Interest modelFor(
      String userId, List<String> upvoted, Map<String, float[]> pos, Set<String> dismissed) {
    String signals = String.join(",", upvoted) + "|" + String.join(",", dismissed);
    String key = userId + "|" + signals;
    Interest cached = models.get(key);
    if (cached != null) {
      return cached;
    }
    List<float[]> negatives = new ArrayList<>(papers.findEmbeddings(model, dismissed).values());
    Set<String> positiveIds = pos.keySet();
    negatives.addAll(index.withSearcher(s -> Candidates.sample(s, BACKGROUND, signals.hashCode())));
    if (negatives.isEmpty()) {
      negatives.add(new float[pos.values().iterator().next().length]);
    }
    List<float[]> positives = new ArrayList<>();
    upvoted.stream().filter(positiveIds::contains).forEach(id -> positives.add(pos.get(id)));
    Interest trained =
        new Interest(LinearModel.train(positives, negatives), categoryShares(upvoted));
    models.put(key, trained);
    return trained;
  }

  private Map<String, Double> categoryShares(List<String> upvoted) {
    Map<String, Integer> counts = new HashMap<>();
    Collection<Paper> voted = papers.findAll(upvoted).values();
    for (Paper p : voted) {
      for (String c : new TreeSet<>(p.categories())) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_CATEGORY_VOTES)
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_CATEGORIES)
        .forEach(e -> out.put(e.getKey(), e.getValue() / (double) voted.size()));
    return out;
  }

  private Query candidates(
      Period period, List<Topic> topics, Set<String> excluded, boolean topicsRequired) {
    return candidates(period, topics, excluded, topicsRequired, Map.of());
  }

  /**
   * @param categories upvoted categories with their share: each adds {@link #CATEGORY_WEIGHT} ×
   *     share to a paper in it (through the Lucene score, which the collector weighs by {@link
   *     #TOPIC_BOOST})
   */
  private Query candidates(
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
              q, (float) (categoryWeight / TOPIC_BOOST * c.getValue())),
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
      case KEYWORD, EXCLUDE -> matches.matchQuery(UserQuery.parse(phrase(t.value())));
      case SEARCH -> matches.matchQuery(UserQuery.parse(t.value()));
    };
  }

  private static String phrase(String value) {
    return "\"" + value.replace("\"", " ") + "\"";
  }

  private record Scored(String id, double score) {}

  /** The best {@code limit} candidates by score, ties (also at the cut) broken by smaller id. */
  private List<Scored> top(Query query, Candidates collector, int limit) {
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

  /**
   * @param categories the reader's upvoted categories (personal lists), or null (trending lists)
   */
  private List<Recommendation> explain(
      List<Scored> top,
      Map<String, float[]> positives,
      List<Topic> topics,
      Map<String, Double> categories,
      Period period) {
    boolean personal = categories != null;
    List<String> ids = top.stream().map(Scored::id).toList();
    Map<String, Paper> found = papers.findAll(ids);
    Map<String, float[]> vectors = personal ? papers.findEmbeddings(model, ids) : Map.of();
    Map<String, List<Topic>> matched = matchedTopics(ids, topics);
    Map<String, String> nearestTitle = new HashMap<>();
    Map<String, String> nearest = new HashMap<>();
    for (String id : ids) {
      float[] v = vectors.get(id);
      if (v == null) {
        continue;
      }
      String best = null;
      double bestSim = SIMILAR_ENOUGH;
      for (var p : positives.entrySet()) {
        double sim = dot(v, p.getValue());
        if (sim > bestSim || (sim == bestSim && best != null && p.getKey().compareTo(best) < 0)) {
          best = p.getKey();
          bestSim = sim;
        }
      }
      if (best != null) {
        nearest.put(id, best);
      }
    }
    papers
        .findAll(new TreeSet<>(nearest.values()))
        .forEach((id, p) -> nearestTitle.put(id, p.title()));
    List<Paper> list = new ArrayList<>();
    for (String id : ids) {
      Paper p = found.get(id);
      if (p != null) {
        list.add(p);
      }
    }
    Map<String, FeedEntry> entries = new HashMap<>();
    for (FeedEntry e : feed.entries(list, min(clock.instant(), endOf(period.last())))) {
      entries.put(e.paper().id(), e);
    }
    List<Recommendation> out = new ArrayList<>();
    for (Scored s : top) {
      FeedEntry e = entries.get(s.id());
      if (e == null) {
        continue;
      }
      out.add(
          new Recommendation(
              e,
              s.score(),
              reason(
                  s.id(),
                  matched,
                  nearest,
                  nearestTitle,
                  personal ? inYourCategory(e.paper(), categories) : null,
                  personal,
                  period)));
    }
    return out;
  }

  private static String reason(
      String id,
      Map<String, List<Topic>> matched,
      Map<String, String> nearest,
      Map<String, String> titles,
      String category,
      boolean personal,
      Period period) {
    List<String> parts = new ArrayList<>();
    String near = nearest.get(id);
    if (near != null && titles.containsKey(near)) {
      parts.add("Similar to “" + shorten(titles.get(near)) + "”, which you upvoted");
    }
    List<Topic> ts = matched.getOrDefault(id, List.of());
    if (!ts.isEmpty()) {
      String labels = String.join(", ", ts.stream().limit(3).map(Topic::label).toList());
      parts.add(
          (parts.isEmpty() ? "Matches" : "matches")
              + " your "
              + (ts.size() == 1 ? "topic " : "topics ")
              + labels);
    }
    if (parts.isEmpty() && category != null) {
      parts.add(category);
    }
    if (parts.isEmpty()) {
      parts.add(
          personal
              ? "Close to the papers you upvoted"
              : "Trending "
                  + (period.kind() == Period.Kind.DAY ? "today" : "this " + period.kind().key()));
    }
    return String.join("; ", parts);
  }

  /** "In cs.CL, like 40% of the papers you upvoted" for the reader's most shared category. */
  private static String inYourCategory(Paper p, Map<String, Double> categories) {
    for (var c : categories.entrySet()) {
      if (p.categories().contains(c.getKey())) {
        return "In "
            + c.getKey()
            + ", like "
            + Math.round(c.getValue() * 100)
            + "% of the papers you upvoted";
      }
    }
    return null;
  }

  /** Which boosting topics each of {@code ids} matches, in the reader's topic order. */
  private Map<String, List<Topic>> matchedTopics(List<String> ids, List<Topic> topics) {
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

  private static double trending(int upvotes, long day, Instant reference) {
    return TrendingScore.score(upvotes, LocalDate.ofEpochDay(day), reference);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static String shorten(String title) {
    return title.length() <= 80 ? title : title.substring(0, 77).strip() + "…";
  }

  private static Instant endOf(LocalDate d) {
    return d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
