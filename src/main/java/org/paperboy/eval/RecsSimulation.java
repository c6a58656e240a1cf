package org.paperboy.eval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.paperboy.paper.Paper;

/**
 * Simulated readers for the "for you" evaluation, from real arXiv listings. A reader's interest is
 * one arXiv category (or a pair); they upvote 20–30 papers of those categories from the 30 days
 * before a Monday D; the papers of D..D+6 are then ranked, and a paper is relevant when it has one
 * of the reader's categories. Only categories whose share of that week is at most {@link #MAX_BASE}
 * are used, so a ranking must do much better than the share to score well. Deterministic for a
 * seed.
 */
public final class RecsSimulation {
  public static final double MAX_BASE = 0.2;
  static final int HISTORY_DAYS = 30;
  static final int MIN_HISTORY = 30;
  static final int MIN_WEEK = 10;

  /**
   * One simulated reader.
   *
   * @param week every paper of D..D+6
   * @param relevant the papers of that week in the reader's categories
   */
  public record Reader(
      String name,
      LocalDate monday,
      List<String> categories,
      List<String> upvoted,
      List<String> week,
      Set<String> relevant) {
    public double baseRate() {
      return (double) relevant.size() / week.size();
    }
  }

  private RecsSimulation() {}

  /**
   * @param days how many Mondays, spread evenly over the listings
   * @param singles readers with one category per Monday (at most)
   * @param pairs readers with two categories per Monday (at most)
   */
  public static List<Reader> readers(
      List<Paper> papers, int days, int singles, int pairs, long seed) {
    TreeMap<LocalDate, List<Paper>> byDay = new TreeMap<>();
    for (Paper p : papers) {
      if (p.published() != null && !p.deleted()) {
        byDay.computeIfAbsent(p.published(), d -> new ArrayList<>()).add(p);
      }
    }
    if (byDay.isEmpty()) {
      throw new IllegalArgumentException("no papers with a publication day");
    }
    List<LocalDate> mondays = new ArrayList<>();
    LocalDate first = byDay.firstKey().plusDays(HISTORY_DAYS);
    for (LocalDate d =
            first.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        !d.plusDays(6).isAfter(byDay.lastKey());
        d = d.plusWeeks(1)) {
      mondays.add(d);
    }
    if (mondays.isEmpty()) {
      throw new IllegalArgumentException(
          "the listings must cover at least " + (HISTORY_DAYS + 7) + " days");
    }
    List<Reader> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    int n = Math.min(days, mondays.size());
    for (int i = 0; i < n; i++) {
      LocalDate monday = mondays.get((int) ((i + 0.5) * mondays.size() / n));
      List<Paper> week = between(byDay, monday, monday.plusDays(6));
      List<Paper> history = between(byDay, monday.minusDays(HISTORY_DAYS), monday.minusDays(1));
      Map<String, Integer> weekCounts = counts(week);
      Map<String, Integer> historyCounts = counts(history);
      List<String> eligible =
          weekCounts.keySet().stream()
              .filter(c -> weekCounts.get(c) >= MIN_WEEK)
              .filter(c -> (double) weekCounts.get(c) / week.size() <= MAX_BASE)
              .filter(c -> historyCounts.getOrDefault(c, 0) >= MIN_HISTORY)
              .sorted(
                  Comparator.comparing((String c) -> weekCounts.get(c))
                      .reversed()
                      .thenComparing(c -> c))
              .toList();
      List<List<String>> interests = new ArrayList<>();
      for (int k = 0; k < Math.min(singles, eligible.size()); k++) {
        interests.add(List.of(eligible.get(k)));
      }
      for (int k = 0; k + 1 < eligible.size() && interests.size() < singles + pairs; k += 2) {
        List<String> pair = List.of(eligible.get(k), eligible.get(k + 1));
        if (share(week, pair) <= MAX_BASE) {
          interests.add(pair);
        }
      }
      List<String> weekIds = week.stream().map(Paper::id).sorted().toList();
      for (List<String> cats : interests) {
        List<String> pool =
            history.stream().filter(p -> hasAny(p, cats)).map(Paper::id).sorted().toList();
        int k = Math.min(pool.size(), 20 + random.nextInt(11));
        List<String> shuffled = new ArrayList<>(pool);
        shuffle(shuffled, random);
        Set<String> relevant = new LinkedHashSet<>();
        week.stream().filter(p -> hasAny(p, cats)).forEach(p -> relevant.add(p.id()));
        out.add(
            new Reader(
                monday + "/" + String.join("+", cats),
                monday,
                cats,
                List.copyOf(shuffled.subList(0, k)),
                weekIds,
                relevant));
      }
    }
    return out;
  }

  private static List<Paper> between(
      TreeMap<LocalDate, List<Paper>> byDay, LocalDate a, LocalDate b) {
    List<Paper> out = new ArrayList<>();
    byDay.subMap(a, true, b, true).values().forEach(out::addAll);
    return out;
  }

  private static Map<String, Integer> counts(List<Paper> papers) {
    Map<String, Integer> out = new HashMap<>();
    for (Paper p : papers) {
      for (String c : new LinkedHashSet<>(p.categories())) {
        out.merge(c, 1, Integer::sum);
      }
    }
    return out;
  }

  private static double share(List<Paper> week, List<String> cats) {
    return (double) week.stream().filter(p -> hasAny(p, cats)).count() / week.size();
  }

  private static boolean hasAny(Paper p, List<String> cats) {
    for (String c : p.categories()) {
      if (cats.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** Fisher–Yates with the given generator. */
  public static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
