package org.paperboy.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.community.CommunityStore;
import org.paperboy.community.Counts;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperStore;

/**
 * The daily, weekly and monthly lists and the trending list, over the store. Hidden papers never
 * appear; counts add Hugging Face's figures and local activity.
 */
public final class FeedService {
  /** Days the trending list looks back from its newest day. */
  public static final int TRENDING_DAYS = 7;

  private static final Comparator<FeedEntry> BY_TRENDING =
      Comparator.comparingDouble(FeedEntry::score)
          .reversed()
          .thenComparing(Comparator.comparingInt(FeedEntry::upvotes).reversed())
          .thenComparing(
              (FeedEntry e) -> e.paper().dailyDate(),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(e -> e.paper().id());

  private static final Comparator<FeedEntry> BY_PUBLISHED =
      Comparator.comparing(
              (FeedEntry e) -> e.paper().published(),
              Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
          .thenComparing(e -> e.paper().id());

  private static final Comparator<FeedEntry> BY_STARS =
      Comparator.comparing(
              (FeedEntry e) -> e.paper().githubStars(),
              Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
          .thenComparing(BY_TRENDING);

  private final PaperStore papers;
  private final CommunityStore community;
  private final Clock clock;

  public FeedService(PaperStore papers, CommunityStore community, Clock clock) {
    this.papers = papers;
    this.community = community;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The newest day with papers, up to today. */
  public Optional<LocalDate> latestDay() {
    return papers.latestDailyDate(today());
  }

  /** Every paper of a period, ordered. */
  public List<FeedEntry> list(Period period, FeedSort sort) {
    Instant reference = min(clock.instant(), endOf(period.last()));
    List<FeedEntry> entries = entries(papers.dailyPapers(period.first(), period.last()), reference);
    entries.sort(
        switch (sort) {
          case TRENDING -> BY_TRENDING;
          case PUBLISHED -> BY_PUBLISHED;
          case STARS -> BY_STARS;
        });
    return entries;
  }

  /**
   * The trending list: papers of the {@link #TRENDING_DAYS} days ending with the newest day that
   * has papers, by trending score measured at the end of that day (or now, if earlier).
   */
  public Trending trending() {
    Optional<LocalDate> newest = latestDay();
    if (newest.isEmpty()) {
      return new Trending(null, null, List.of());
    }
    LocalDate last = newest.get();
    LocalDate first = last.minusDays(TRENDING_DAYS - 1L);
    Instant reference = min(clock.instant(), endOf(last));
    List<FeedEntry> entries = entries(papers.dailyPapers(first, last), reference);
    entries.sort(BY_TRENDING);
    return new Trending(first, last, entries);
  }

  /** The trending list and the days it covers (null when there are no papers). */
  public record Trending(LocalDate first, LocalDate last, List<FeedEntry> entries) {}

  /** Where previous/next should lead from a day: the nearest days that have papers. */
  public Optional<LocalDate> dayBefore(LocalDate d) {
    return papers.latestDailyDate(d.minusDays(1));
  }

  public Optional<LocalDate> dayAfter(LocalDate d) {
    return papers.earliestDailyDate(d.plusDays(1)).filter(x -> !x.isAfter(today()));
  }

  /** One paper as a feed entry (its counts), when it exists and is not hidden. */
  public Optional<FeedEntry> entry(Paper p) {
    List<FeedEntry> e = entries(List.of(p), clock.instant());
    return e.isEmpty() ? Optional.empty() : Optional.of(e.get(0));
  }

  /** Feed entries for papers in any order (used for search results), hidden papers removed. */
  public List<FeedEntry> entries(List<Paper> list, Instant reference) {
    List<String> ids = list.stream().map(Paper::id).toList();
    Set<String> hidden = community.hidden(ids);
    Map<String, Counts> counts = community.counts(ids);
    List<FeedEntry> out = new ArrayList<>(list.size());
    for (Paper p : list) {
      if (hidden.contains(p.id()) || p.deletedOn() != null) {
        continue;
      }
      Counts c = counts.getOrDefault(p.id(), Counts.NONE);
      int up = (p.upvotes() == null ? 0 : p.upvotes()) + c.votes();
      int com = (p.numComments() == null ? 0 : p.numComments()) + c.comments();
      LocalDate day = p.dailyDate() != null ? p.dailyDate() : p.published();
      double score = day == null ? 0 : TrendingScore.score(up, day, reference);
      out.add(new FeedEntry(p, up, com, score));
    }
    return out;
  }

  private static Instant endOf(LocalDate d) {
    return d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
