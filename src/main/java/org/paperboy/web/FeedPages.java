package org.paperboy.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.feed.FeedService;
import org.paperboy.feed.FeedSort;
import org.paperboy.feed.Period;
import org.paperboy.web.view.ListView;
import org.paperboy.web.view.PaperCard;
import org.paperboy.web.view.TrendingView;

/** The daily / weekly / monthly lists and the trending page. */
final class FeedPages {
  private final WebServices s;
  private final Pages pages;
  private final Auth auth;

  FeedPages(WebServices s, Pages pages, Auth auth) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
  }

  void latest(Context ctx) {
    Optional<LocalDate> day = s.feed().latestDay();
    list(ctx, Period.day(day.orElse(s.feed().today())));
  }

  /** {@code /papers/date/D}, {@code /papers/week/W}, {@code /papers/month/M}. */
  void period(Context ctx, String kind, String key) {
    Period.Kind k =
        switch (kind) {
          case "date" -> Period.Kind.DAY;
          case "week" -> Period.Kind.WEEK;
          default -> Period.Kind.MONTH;
        };
    Period p;
    try {
      p = Period.parse(k, key);
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    list(ctx, p);
  }

  static FeedSort sort(Context ctx) {
    String raw = ctx.queryParam("sort");
    return FeedSort.parse(raw)
        .orElseThrow(
            () ->
                WebError.badRequest("sort: use trending, publishedAt or stars, not '" + raw + "'"));
  }

  private void list(Context ctx, Period p) {
    FeedSort sort = sort(ctx);
    List<FeedEntry> entries = s.feed().list(p, sort);
    User user = auth.user(ctx).orElse(null);
    List<PaperCard> cards = Cards.of(s, user, entries, Map.of());
    String prev;
    String next;
    if (p.kind() == Period.Kind.DAY) {
      prev = s.feed().dayBefore(p.first()).map(d -> Period.day(d).path()).orElse(null);
      next = s.feed().dayAfter(p.last()).map(d -> Period.day(d).path()).orElse(null);
    } else {
      prev = p.previous().path();
      next = p.next().first().isAfter(s.feed().today()) ? null : p.next().path();
    }
    LocalDate anchor = p.first();
    ListView view =
        new ListView(
            p.kind().key(),
            heading(p),
            p.key(),
            sort.key(),
            p.path(),
            Period.day(anchor).path(),
            Period.week(anchor).path(),
            Period.month(anchor).path(),
            prev,
            next,
            cards);
    pages.render(ctx, "daily", heading(p), "daily", Map.of("view", view));
  }

  private static String heading(Period p) {
    return switch (p.kind()) {
      case DAY ->
          "Daily papers · "
              + p.first()
                  .getDayOfWeek()
                  .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
              + " "
              + p.first();
      case WEEK -> "Papers of week " + p.key() + " (" + p.first() + " – " + p.last() + ")";
      case MONTH ->
          "Papers of "
              + p.first().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
              + " "
              + p.first().getYear();
    };
  }

  void trending(Context ctx) {
    FeedService.Trending t = s.feed().trending();
    int limit = 200;
    List<FeedEntry> top = t.entries().subList(0, Math.min(limit, t.entries().size()));
    User user = auth.user(ctx).orElse(null);
    List<PaperCard> cards = Cards.of(s, user, top, Map.of());
    List<String> scores = new ArrayList<>();
    for (FeedEntry e : top) {
      scores.add(String.format(Locale.ROOT, "%.4f", e.score()));
    }
    TrendingView view =
        new TrendingView(
            t.first() == null ? null : t.first().toString(),
            t.last() == null ? null : t.last().toString(),
            cards,
            scores);
    pages.render(ctx, "trending", "Trending", "trending", Map.of("view", view));
  }
}
