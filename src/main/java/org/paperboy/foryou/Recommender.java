package org.paperboy.foryou;

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
import org.apache.lucene.search.Query;
import org.paperboy.community.CommunityStore;
import org.paperboy.feed.FeedEntry;
import org.paperboy.feed.FeedService;
import org.paperboy.feed.Period;
import org.paperboy.feed.TrendingScore;
import org.paperboy.foryou.CandidateQueries.Scored;
import org.paperboy.index.PaperIndex;
import org.paperboy.paper.Paper;
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
  private final CandidateQueries queries;
  private final String model;
  private final Clock clock;
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
    this.index = index;
    this.papers = papers;
    this.community = community;
    this.interests = interests;
    this.feed = feed;
    this.queries = new CandidateQueries(index, categoryWeight);
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
    Set<String> seeds = new TreeSet<>(interests.seeds(userId)); // from an imported library
    List<String> upvoted = new ArrayList<>(interests.upvoted(userId));
    seeds.stream().filter(id -> !upvoted.contains(id)).forEach(upvoted::add);
    Set<String> dismissed = interests.dismissed(userId);
    List<Topic> topics = interests.topicsAndAuthors(userId);
    Map<String, float[]> positives = papers.embeddings().find(model, upvoted);
    Set<String> excluded = new TreeSet<>(upvoted);
    excluded.addAll(dismissed);
    excluded.addAll(alsoExcluded);
    excluded.addAll(community.allHidden());
    if (positives.isEmpty()) {
      return new ForYou(period, false, COLD_HINT, trending(period, topics, excluded, limit));
    }
    Interest interest = modelFor(userId, upvoted, positives, dismissed);
    LinearModel m = interest.model();
    Query query = queries.candidates(period, topics, excluded, false, interest.categories());
    Candidates.Base base = (v, up, day) -> v == null ? 0 : m.probability(v);
    List<Scored> top = queries.top(query, new Candidates(base, TOPIC_BOOST), limit);
    return new ForYou(
        period, true, null, explain(top, positives, topics, interest.categories(), period, seeds));
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
    Query query = queries.candidates(period, topics, excluded, true, Map.of());
    Instant reference = min(clock.instant(), endOf(period.last()));
    Candidates.Base base = (v, up, day) -> day == Long.MIN_VALUE ? 0 : trending(up, day, reference);
    List<Scored> top = queries.top(query, new Candidates(base, 0), limit + COLD_MARGIN);
    return explain(top, Map.of(), topics, null, period, Set.of()).stream()
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
    List<float[]> negatives = new ArrayList<>(papers.embeddings().find(model, dismissed).values());
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

  /**
   * @param categories the reader's upvoted categories (personal lists), or null (trending lists)
   */
  private List<Recommendation> explain(
      List<Scored> top,
      Map<String, float[]> positives,
      List<Topic> topics,
      Map<String, Double> categories,
      Period period,
      Set<String> seeds) {
    boolean personal = categories != null;
    List<String> ids = top.stream().map(Scored::id).toList();
    Map<String, Paper> found = papers.findAll(ids);
    Map<String, float[]> vectors = personal ? papers.embeddings().find(model, ids) : Map.of();
    Map<String, List<Topic>> matched = queries.matchedTopics(ids, topics);
    Map<String, String> nearestTitle = new HashMap<>();
    Map<String, String> nearest = Reasons.nearestUpvoted(ids, vectors, positives);
    papers
        .findAll(new TreeSet<>(nearest.values()))
        .forEach((id, p) -> nearestTitle.put(id, Reasons.liked(p.title(), seeds.contains(id))));
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
              Reasons.reason(
                  s.id(),
                  matched,
                  nearest,
                  nearestTitle,
                  personal ? Reasons.inYourCategory(e.paper(), categories) : null,
                  personal,
                  period)));
    }
    return out;
  }

  private static double trending(int upvotes, long day, Instant reference) {
    return TrendingScore.score(upvotes, LocalDate.ofEpochDay(day), reference);
  }

  private static Instant endOf(LocalDate d) {
    return d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
