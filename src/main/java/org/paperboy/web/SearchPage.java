package org.paperboy.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.search.SearchFilters;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchResults;
import org.paperboy.search.SearchSort;
import org.paperboy.search.UserQuery;
import org.paperboy.web.view.SearchView;

/** The search page: results update as you type (htmx), and the same URL works without script. */
final class SearchPage {
  static final int PAGE_SIZE = 20;
  static final int MAX_PAGE = 50;
  static final int MAX_QUERY = 500;

  private final WebServices s;
  private final Pages pages;
  private final Auth auth;

  SearchPage(WebServices s, Pages pages, Auth auth) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
  }

  /** A search as the web and the API ask for it, validated. */
  record Query(
      String q, SearchMode mode, SearchSort sort, String cat, String from, String to, int page) {
    /** The form's filter fields, passed to the searcher as fields. */
    SearchFilters filters() {
      return new SearchFilters(
          cat.isBlank() ? List.of() : List.of(cat.strip().replace(" ", "")),
          from.isBlank() ? null : UserQuery.date(from),
          to.isBlank() ? null : UserQuery.date(to));
    }

    /** Whether there is nothing to search for: no text and no filter. */
    boolean blank() {
      return q.isBlank() && filters().isEmpty();
    }
  }

  static Query query(Context ctx) {
    String q = param(ctx, "q");
    if (q.length() > MAX_QUERY) {
      throw WebError.badRequest("q: at most " + MAX_QUERY + " characters");
    }
    SearchMode mode = modeParam(ctx);
    String so = param(ctx, "sort");
    SearchSort sort =
        so.isBlank()
            ? SearchSort.RELEVANCE
            : SearchSort.fromKey(so)
                .orElseThrow(() -> WebError.badRequest("sort: use relevance, date or upvotes"));
    int page = intParam(ctx, "p", 1, 1, MAX_PAGE);
    return new Query(
        q, mode, sort, param(ctx, "cat"), dateParam(ctx, "from"), dateParam(ctx, "to"), page);
  }

  /** The {@code mode} parameter: hybrid when absent, a 400 naming it when unknown. */
  static SearchMode modeParam(Context ctx) {
    String m = param(ctx, "mode");
    return m.isBlank()
        ? SearchMode.HYBRID
        : SearchMode.fromKey(m)
            .orElseThrow(() -> WebError.badRequest("mode: use keyword, semantic or hybrid"));
  }

  /** A date filter field: empty, or a date YYYY-MM-DD (anything else is a 400 naming it). */
  private static String dateParam(Context ctx, String name) {
    String v = param(ctx, name).strip();
    if (!v.isEmpty() && UserQuery.date(v) == null) {
      throw WebError.badRequest(name + ": expected a date YYYY-MM-DD");
    }
    return v;
  }

  static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v;
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw WebError.badRequest(name + ": must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw WebError.badRequest(name + ": not a whole number: '" + abbreviate(v) + "'");
    }
  }

  private static String abbreviate(String v) {
    return v.length() > 30 ? v.substring(0, 30) + "…" : v;
  }

  /** Runs a search and resolves the hits to visible papers, in rank order. */
  static Results run(WebServices s, Query query, int offset, int limit) {
    if (query.blank()) {
      return new Results(List.of(), Map.of(), List.of(), false);
    }
    long start = System.nanoTime();
    SearchResults r =
        s.searcher()
            .search(
                new SearchRequest(
                    query.q(), query.filters(), query.mode(), query.sort(), offset, limit + 1));
    s.metrics().search(query.mode().key(), System.nanoTime() - start);
    List<SearchHit> hits = r.hits();
    boolean more = hits.size() > limit;
    hits = hits.subList(0, Math.min(limit, hits.size()));
    Map<String, String> snippets = new LinkedHashMap<>();
    for (SearchHit h : hits) {
      if (h.snippet() != null) {
        snippets.put(h.id(), h.snippet());
      }
    }
    List<FeedEntry> entries = Cards.entries(s, hits.stream().map(SearchHit::id).toList());
    return new Results(entries, snippets, r.notices(), more);
  }

  record Results(
      List<FeedEntry> entries, Map<String, String> snippets, List<String> notices, boolean more) {}

  void search(Context ctx) {
    Query q = query(ctx);
    Results r = run(s, q, (q.page() - 1) * PAGE_SIZE, PAGE_SIZE);
    User user = auth.user(ctx).orElse(null);
    var cards = Cards.of(s, user, r.entries(), r.snippets());
    SearchView view =
        new SearchView(
            q.q(),
            q.mode().key(),
            q.sort().key(),
            q.cat(),
            q.from(),
            q.to(),
            q.page(),
            r.more(),
            q.page() > 1 ? href(q, q.page() - 1) : null,
            r.more() && q.page() < MAX_PAGE ? href(q, q.page() + 1) : null,
            cards,
            r.notices(),
            s.searchStatus().get(),
            q.blank() ? null : href(q, 1).substring("/search".length()));
    pages.render(ctx, "search", q.q().isBlank() ? "Search" : q.q(), "search", Map.of("view", view));
  }

  /** {@code /search.bib} and {@code /search.ris}: the first {@link #CITED} results as citations. */
  void bibtex(Context ctx) {
    cite(ctx, Citations.Format.BIBTEX);
  }

  void ris(Context ctx) {
    cite(ctx, Citations.Format.RIS);
  }

  static final int CITED = 100;

  private void cite(Context ctx, Citations.Format f) {
    Query q = query(ctx);
    if (q.blank()) {
      throw WebError.badRequest("q: a query is required");
    }
    Results r = run(s, q, 0, CITED);
    Citations.send(ctx, f, "search", r.entries().stream().map(FeedEntry::paper).toList());
  }

  private static String href(Query q, int page) {
    return "/search?q="
        + enc(q.q())
        + "&mode="
        + q.mode().key()
        + "&sort="
        + q.sort().key()
        + (q.cat().isBlank() ? "" : "&cat=" + enc(q.cat()))
        + (q.from().isBlank() ? "" : "&from=" + enc(q.from()))
        + (q.to().isBlank() ? "" : "&to=" + enc(q.to()))
        + "&p="
        + page;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
