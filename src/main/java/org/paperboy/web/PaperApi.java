package org.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.feed.FeedSort;
import org.paperboy.feed.Period;
import org.paperboy.paper.Paper;
import org.paperboy.search.ScoredId;
import org.paperboy.search.SearchMode;

/** The JSON API (documented in {@code /api/openapi.json}). */
final class PaperApi {
  static final int MAX_LIMIT = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebServices s;
  private final Auth auth;
  private final byte[] openApi;

  PaperApi(WebServices s, Auth auth) {
    this.s = s;
    this.auth = auth;
    try (InputStream in = PaperApi.class.getResourceAsStream("/web/openapi.json")) {
      this.openApi = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.json is missing from the build", e);
    }
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  void post(Context ctx) {
    write(ctx, true);
  }

  void delete(Context ctx) {
    write(ctx, false);
  }

  void daily(Context ctx) {
    Period period = period(ctx);
    FeedSort sort = FeedPages.sort(ctx);
    int limit = SearchPage.intParam(ctx, "limit", 50, 1, MAX_LIMIT);
    int page = SearchPage.intParam(ctx, "p", 0, 0, 100_000);
    List<FeedEntry> all = s.feed().list(period, sort);
    int from = Math.min(all.size(), page * limit);
    List<Map<String, Object>> out = new ArrayList<>();
    for (FeedEntry e : all.subList(from, Math.min(all.size(), from + limit))) {
      out.add(ApiJson.dailyEntry(e));
    }
    ctx.header("X-Total-Count", Integer.toString(all.size()));
    ctx.json(out);
  }

  private Period period(Context ctx) {
    String date = ctx.queryParam("date");
    String week = ctx.queryParam("week");
    String month = ctx.queryParam("month");
    int given = (date != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
    if (given > 1) {
      throw WebError.badRequest("give one of date, week or month");
    }
    try {
      if (date != null) {
        return Period.parse(Period.Kind.DAY, date);
      }
      if (week != null) {
        return Period.parse(Period.Kind.WEEK, week);
      }
      if (month != null) {
        return Period.parse(Period.Kind.MONTH, month);
      }
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    return Period.day(s.feed().latestDay().orElse(s.feed().today()));
  }

  void search(Context ctx) {
    SearchPage.Query q = SearchPage.query(ctx);
    if (q.blank()) {
      throw WebError.badRequest("q: a query is required");
    }
    int limit = SearchPage.intParam(ctx, "limit", 20, 1, MAX_LIMIT);
    SearchPage.Results r = SearchPage.run(s, q, (q.page() - 1) * limit, limit);
    List<Map<String, Object>> out = new ArrayList<>();
    for (FeedEntry e : r.entries()) {
      Map<String, Object> m = ApiJson.dailyEntry(e);
      String snippet = r.snippets().get(e.paper().id());
      if (snippet != null) {
        m.put("highlightedSummary", snippet);
      }
      out.add(m);
    }
    if (!r.notices().isEmpty()) {
      ctx.header("X-Search-Notices", String.join("; ", r.notices()).replaceAll("\\p{Cntrl}", " "));
    }
    ctx.json(out);
  }

  /** {@code ID}, {@code ID/similar} or {@code ID/comments}; old ids contain a slash. */
  private record Target(String id, String action) {}

  private static Target target(Context ctx) {
    String rest = ctx.pathParam("rest");
    for (String action : List.of("similar", "comments", "upvote", "dismiss")) {
      if (rest.endsWith("/" + action)) {
        return new Target(
            PaperIds.require(rest.substring(0, rest.length() - action.length() - 1)), action);
      }
    }
    return new Target(PaperIds.require(rest), "");
  }

  void getPaper(Context ctx) {
    Target t = target(ctx);
    Paper p = Visibility.paper(s, auth.apiUser(ctx).orElse(null), t.id());
    switch (t.action()) {
      case "" -> ctx.json(ApiJson.paper(Cards.entry(s, p)));
      case "comments" -> {
        List<Map<String, Object>> out = new ArrayList<>();
        s.community().comments(p.id(), false).forEach(c -> out.add(ApiJson.comment(c)));
        ctx.json(out);
      }
      case "similar" -> {
        int limit = SearchPage.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        SearchMode mode = SearchPage.modeParam(ctx);
        // Ids and scores only: the cards come from the store, so no stored fields are read.
        Optional<List<ScoredId>> hits = s.searcher().similarIds(p.id(), mode, limit);
        if (hits.isEmpty()) {
          throw new WebError(
              409,
              mode == SearchMode.SEMANTIC
                  ? p.id() + " has no embedding yet; try again shortly, or use mode=hybrid"
                  : p.id() + " is not in the search index yet; try again shortly");
        }
        Map<String, Double> score = new HashMap<>();
        hits.get().forEach(h -> score.put(h.id(), h.score()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (FeedEntry e : Cards.entries(s, hits.get().stream().map(ScoredId::id).toList())) {
          Map<String, Object> m = new LinkedHashMap<>(ApiJson.dailyEntry(e));
          m.put("similarity", score.get(e.paper().id()));
          out.add(m);
        }
        ctx.json(out);
      }
      case "upvote", "dismiss" ->
          throw new WebError(405, t.action() + " takes POST (to set) or DELETE (to undo)");
      default -> throw WebError.notFound("there is nothing at " + ctx.path());
    }
  }

  private void write(Context ctx, boolean post) {
    Target t = target(ctx);
    User user = auth.requireApiUser(ctx);
    Paper p = Visibility.paper(s, user, t.id());
    switch (t.action()) {
      case "upvote" -> {
        boolean changed =
            post
                ? s.community().vote(user.id(), p.id(), s.clock().instant())
                : s.community().unvote(user.id(), p.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("upvoted", post);
        m.put("changed", changed);
        m.put("upvotes", Cards.entry(s, p).upvotes());
        ctx.json(m);
      }
      case "dismiss" -> {
        boolean changed =
            post
                ? s.recommender().interests().dismiss(user.id(), p.id(), s.clock().instant())
                : s.recommender().interests().undismiss(user.id(), p.id());
        ctx.json(Map.of("id", p.id(), "dismissed", post, "changed", changed));
      }
      case "comments" -> {
        if (!post) {
          throw new WebError(405, "comments cannot be deleted through the API");
        }
        String text;
        byte[] raw = ctx.bodyAsBytes(); // over the cap: BodyLimit's 413, not a JSON error
        try {
          JsonNode body = JSON.readTree(raw);
          JsonNode node = body == null ? null : body.get("text");
          if (node == null || !node.isTextual()) {
            throw WebError.badRequest("body: expected a JSON object {\"text\": \"…\"}");
          }
          text = PaperPages.commentText(node.asText());
        } catch (IOException e) {
          throw WebError.badRequest("body: not valid JSON");
        }
        ctx.status(201)
            .json(
                ApiJson.comment(
                    s.community().addComment(p.id(), user.id(), text, s.clock().instant())));
      }
      default ->
          throw new WebError(405, "method " + ctx.method() + " is not allowed on " + ctx.path());
    }
  }
}
