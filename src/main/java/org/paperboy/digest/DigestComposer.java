package org.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.paperboy.feed.FeedEntry;
import org.paperboy.feed.FeedService;
import org.paperboy.feed.FeedSort;
import org.paperboy.feed.Period;
import org.paperboy.foryou.ForYou;
import org.paperboy.foryou.InterestStore;
import org.paperboy.foryou.Recommendation;
import org.paperboy.foryou.Recommender;
import org.paperboy.foryou.Topic;
import org.paperboy.paper.Paper;

/**
 * Decides what goes into one reader's edition: trending of the period, their "for you" ranking
 * (account holders with upvotes), and papers matching their topics, each at most the reader's
 * maximum, never a paper this subscription was already sent, never the same paper twice in one
 * mail.
 */
public final class DigestComposer {
  private static final int BLURB_CHARS = 240;
  private static final int AUTHORS_SHOWN = 3;

  private final FeedService feed;
  private final Recommender recommender;
  private final InterestStore interests;
  private final SubscriptionStore subscriptions;
  private final MailLinks links;

  /** Trending lists by period, shared by the readers of one planning round. */
  private final Map<Period, List<FeedEntry>> trending = new ConcurrentHashMap<>();

  public DigestComposer(
      FeedService feed,
      Recommender recommender,
      InterestStore interests,
      SubscriptionStore subscriptions,
      MailLinks links) {
    this.feed = feed;
    this.recommender = recommender;
    this.interests = interests;
    this.subscriptions = subscriptions;
    this.links = links;
  }

  /** Forgets the shared trending lists (votes may have changed since the last round). */
  public void newRound() {
    trending.clear();
  }

  /** The edition's content for this reader; its sections are empty when there is nothing new. */
  public Digest compose(Subscription s, Edition e, Instant now) {
    Preferences p = s.preferences();
    Set<String> sent = subscriptions.sentPapers(s.id());
    Set<String> taken = new HashSet<>(sent);
    List<Digest.Part> parts = new ArrayList<>();
    for (Section section : p.sections().stream().sorted().toList()) {
      List<Digest.Item> items =
          switch (section) {
            case TRENDING -> trendingItems(e, p.maxPerSection(), taken);
            case FOR_YOU -> forYouItems(s, e, p.maxPerSection(), taken);
            case AUTHORS -> authorItems(s, e, p.maxPerSection(), taken);
            case TOPICS -> topicItems(s, e, p.maxPerSection(), taken);
          };
      if (!items.isEmpty()) {
        parts.add(new Digest.Part(section, heading(section, e), items));
        items.forEach(i -> taken.add(i.id()));
      }
    }
    String title =
        "Your Paperboy " + (e.weekly() ? "weekly" : "daily") + " digest — " + e.coverage();
    String intro =
        parts.isEmpty()
            ? "Nothing new for you this time."
            : "Papers from " + e.coverage() + ", picked for " + s.email() + ".";
    return new Digest(
        title,
        intro,
        parts,
        links.site(),
        links.preferences(s.id(), now),
        links.unsubscribe(s.id(), now));
  }

  private static String heading(Section s, Edition e) {
    return switch (s) {
      case TRENDING -> e.weekly() ? "Trending this week" : "Trending";
      case FOR_YOU -> "For you";
      case AUTHORS -> "From authors you follow";
      case TOPICS -> "Your topics";
    };
  }

  private List<Digest.Item> trendingItems(Edition e, int max, Set<String> taken) {
    List<FeedEntry> all =
        trending.computeIfAbsent(e.period(), p -> List.copyOf(feed.list(p, FeedSort.TRENDING)));
    List<Digest.Item> out = new ArrayList<>();
    for (FeedEntry f : all) {
      if (out.size() >= max) {
        break;
      }
      if (!taken.contains(f.paper().id())) {
        String why =
            f.upvotes() == 0
                ? "New " + (e.weekly() ? "this week" : "that day")
                : "Trending with " + f.upvotes() + (f.upvotes() == 1 ? " upvote" : " upvotes");
        out.add(item(f, why));
      }
    }
    return out;
  }

  private List<Digest.Item> forYouItems(Subscription s, Edition e, int max, Set<String> taken) {
    if (s.userId() == null) {
      return List.of();
    }
    ForYou list = recommender.rank(s.userId(), e.period(), max, taken);
    if (!list.personal()) {
      return List.of();
    }
    return items(list.papers());
  }

  private List<Digest.Item> authorItems(Subscription s, Edition e, int max, Set<String> taken) {
    if (s.userId() == null) {
      return List.of();
    }
    List<Topic> authors = interests.authorTopics(s.userId());
    return authors.isEmpty()
        ? List.of()
        : items(recommender.matching(authors, e.period(), max, taken));
  }

  private List<Digest.Item> topicItems(Subscription s, Edition e, int max, Set<String> taken) {
    Set<Topic> topics = new LinkedHashSet<>(s.preferences().topics());
    if (s.userId() != null) {
      topics.addAll(interests.topics(s.userId()));
    }
    if (topics.isEmpty()) {
      return List.of();
    }
    return items(recommender.matching(List.copyOf(topics), e.period(), max, taken));
  }

  private List<Digest.Item> items(List<Recommendation> recs) {
    return recs.stream().map(r -> item(r.entry(), r.reason())).toList();
  }

  private Digest.Item item(FeedEntry f, String reason) {
    Paper p = f.paper();
    return new Digest.Item(
        p.id(), p.title(), authors(p), blurb(p), reason, links.paper(p.id()), f.upvotes());
  }

  static String authors(Paper p) {
    List<String> names = p.authors();
    int total = Math.max(p.authorCount(), names.size());
    String shown = String.join(", ", names.subList(0, Math.min(AUTHORS_SHOWN, names.size())));
    return total > AUTHORS_SHOWN ? shown + " et al." : shown;
  }

  /** The AI summary when there is one, else the abstract, cut at a word near 240 characters. */
  static String blurb(Paper p) {
    String text =
        p.aiSummary() != null && !p.aiSummary().isBlank() ? p.aiSummary() : p.abstractText();
    text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (text.length() <= BLURB_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', BLURB_CHARS);
    return text.substring(0, cut > BLURB_CHARS / 2 ? cut : BLURB_CHARS).strip() + "…";
  }
}
