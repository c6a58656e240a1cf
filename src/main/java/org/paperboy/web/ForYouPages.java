package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.account.User;
import org.paperboy.feed.Period;
import org.paperboy.foryou.ForYou;
import org.paperboy.foryou.Recommendation;
import org.paperboy.foryou.Topic;
import org.paperboy.web.view.ForYouView;
import org.paperboy.web.view.PaperCard;

/** The "for you" page, its topic and dismiss forms, and {@code /api/for-you} and topics. */
final class ForYouPages {
  private static final int PAGE_SIZE = 50;
  private static final int MAX_LIMIT = 500;

  private final WebServices s;
  private final Pages pages;
  private final Auth auth;

  ForYouPages(WebServices s, Pages pages, Auth auth) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
  }

  void addTopic(Context ctx) {
    changeTopic(ctx, true);
  }

  void removeTopic(Context ctx) {
    changeTopic(ctx, false);
  }

  void apiAddTopic(Context ctx) {
    apiChangeTopic(ctx, true);
  }

  void apiRemoveTopic(Context ctx) {
    apiChangeTopic(ctx, false);
  }

  /** {@code period=day|week} (default week) and {@code date=YYYY-MM-DD} (default: newest day). */
  private Period period(Context ctx) {
    String kind = ctx.queryParam("period");
    Period.Kind k;
    if (kind == null || kind.equals("week")) {
      k = Period.Kind.WEEK;
    } else if (kind.equals("day")) {
      k = Period.Kind.DAY;
    } else {
      throw WebError.badRequest("period: use day or week, not '" + kind + "'");
    }
    String date = ctx.queryParam("date");
    LocalDate d;
    if (date == null || date.isBlank()) {
      d = s.feed().latestDay().orElse(s.feed().today());
    } else {
      try {
        d = LocalDate.parse(date.strip());
      } catch (DateTimeParseException e) {
        throw WebError.badRequest("date: expected YYYY-MM-DD, not '" + date + "'");
      }
    }
    return Period.of(k, d);
  }

  void page(Context ctx) {
    User u = auth.user(ctx).orElse(null);
    if (u == null) {
      ctx.redirect("/signin?next=/for-you", HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, u, period(ctx), null);
  }

  private void render(Context ctx, User u, Period p, String error) {
    ForYou f = s.recommender().rank(u.id(), p, PAGE_SIZE);
    List<String> ids = f.papers().stream().map(r -> r.entry().paper().id()).toList();
    java.util.Set<String> voted = Cards.votedBy(s, u, ids);
    List<PaperCard> cards = new ArrayList<>();
    for (Recommendation r : f.papers()) {
      cards.add(Cards.card(r.entry(), voted.contains(r.entry().paper().id()), null, r.reason()));
    }
    String heading =
        p.kind() == Period.Kind.DAY
            ? "Papers of " + p.first()
            : "Week " + p.key() + " (" + p.first() + " – " + p.last() + ")";
    Period next = p.next();
    ForYouView view =
        new ForYouView(
            p.kind().key(),
            heading,
            path(Period.Kind.DAY, p.last()),
            path(Period.Kind.WEEK, p.first()),
            path(p.kind(), p.previous().first()),
            next.first().isAfter(s.feed().today()) ? null : path(p.kind(), next.first()),
            f.personal(),
            f.hint(),
            s.recommender().interests().topics(u.id()),
            cards,
            error);
    pages.render(ctx, "for_you", "For you", "for-you", Map.of("view", view));
  }

  private static String path(Period.Kind kind, LocalDate d) {
    return "/for-you?period=" + kind.key() + "&date=" + d;
  }

  private void changeTopic(Context ctx, boolean add) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    try {
      apply(u, ctx.formParam("kind"), ctx.formParam("value"), add);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, u, period(ctx), e.getMessage());
      return;
    }
    ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
  }

  private boolean apply(User u, String kind, String value, boolean add) {
    Topic t = Topic.of(Topic.Kind.parse(kind), value);
    return add
        ? s.recommender().interests().addTopic(u.id(), t, s.clock().instant())
        : s.recommender().interests().removeTopic(u.id(), t);
  }

  void dismiss(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String id = PaperIds.require(ctx.formParam("paper"));
    if (s.papers().find(id).isEmpty()) {
      throw WebError.notFound("no paper " + id);
    }
    s.recommender().interests().dismiss(u.id(), id, s.clock().instant());
    ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
  }

  void api(Context ctx) {
    User u = auth.requireApiUser(ctx);
    int limit = SearchPage.intParam(ctx, "limit", PAGE_SIZE, 1, MAX_LIMIT);
    ForYou f = s.recommender().rank(u.id(), period(ctx), limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("period", f.period().kind().key());
    out.put("first", f.period().first().toString());
    out.put("last", f.period().last().toString());
    out.put("personal", f.personal());
    out.put("hint", f.hint());
    List<Map<String, Object>> papers = new ArrayList<>();
    for (Recommendation r : f.papers()) {
      Map<String, Object> m = new LinkedHashMap<>(ApiJson.dailyEntry(r.entry()));
      m.put("score", r.score());
      m.put("reason", r.reason());
      papers.add(m);
    }
    out.put("papers", papers);
    ctx.json(out);
  }

  void apiTopics(Context ctx) {
    User u = auth.requireApiUser(ctx);
    ctx.json(topicsJson(u));
  }

  private void apiChangeTopic(Context ctx, boolean add) {
    User u = auth.requireApiUser(ctx);
    try {
      apply(u, ctx.queryParam("kind"), ctx.queryParam("value"), add);
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    ctx.json(topicsJson(u));
  }

  private List<Map<String, String>> topicsJson(User u) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Topic t : s.recommender().interests().topics(u.id())) {
      out.add(Map.of("kind", t.kind().key(), "value", t.value()));
    }
    return out;
  }
}
