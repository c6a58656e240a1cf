package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.foryou.InterestStore;
import org.paperboy.library.AuthorClaims;
import org.paperboy.paper.AuthorKey;
import org.paperboy.store.AuthorIndex;
import org.paperboy.web.view.AuthorView;
import org.paperboy.web.view.PaperCard;

/**
 * Author pages ({@code /authors/{key}}, see {@link AuthorKey}): their papers newest first,
 * co-authors, categories, an Atom feed; following an author; claiming one as yourself.
 */
final class AuthorPages {
  static final int SHOWN = 100;

  private final WebServices s;
  private final Pages pages;
  private final Auth auth;
  private final AtomFeeds atom;

  AuthorPages(WebServices s, Pages pages, Auth auth, AtomFeeds atom) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
    this.atom = atom;
  }

  /** The page of an author name's key: {@code /authors/jose-garcia-lopez}. */
  static String href(String name) {
    return "/authors/" + URLEncoder.encode(AuthorKey.of(name), StandardCharsets.UTF_8);
  }

  private AuthorIndex index() {
    return s.papers().authors();
  }

  /** The key of the request's author, which must have papers here (else 404). */
  private String key(Context ctx, String raw) {
    String key = AuthorKey.of(raw);
    if (key.isEmpty() || index().papers(key, 1).isEmpty()) {
      throw WebError.notFound("there are no papers by '" + raw + "' here");
    }
    return key;
  }

  void page(Context ctx) {
    String raw = ctx.pathParam("key");
    if (raw.endsWith(".atom")) {
      String key = key(ctx, raw.substring(0, raw.length() - 5));
      String name = index().name(key).orElse(key);
      atom.send(
          ctx,
          "Paperboy · papers by " + name,
          "/authors/" + key + ".atom",
          "/authors/" + key,
          entries(key, 30));
      return;
    }
    String key = key(ctx, raw);
    if (!key.equals(raw)) { // another spelling of the same author: one URL per author
      ctx.redirect(
          "/authors/" + URLEncoder.encode(key, StandardCharsets.UTF_8),
          HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    User u = auth.user(ctx).orElse(null);
    String name = index().name(key).orElse(key);
    List<PaperCard> cards = Cards.of(s, u, entries(key, SHOWN), Map.of());
    AuthorClaims.Claim claim = s.claims().of(key).orElse(null);
    boolean following =
        u != null && interests().followed(u.id()).stream().anyMatch(f -> f.key().equals(key));
    AuthorView view =
        new AuthorView(
            key,
            name,
            index().count(key),
            cards,
            index().coauthors(key, 20),
            index().categories(key),
            index().maybeSame(key, 10),
            following,
            claim == null ? null : claim.username(),
            u != null && claim == null,
            u != null && claim != null && (u.isAdmin() || claim.userId().equals(u.id())));
    pages.render(ctx, "author", name, "", Map.of("view", view));
  }

  private List<FeedEntry> entries(String key, int limit) {
    return Cards.entries(s, index().papers(key, limit));
  }

  private InterestStore interests() {
    return s.recommender().interests();
  }

  void follow(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String key = key(ctx, ctx.pathParam("key"));
    follow(u, key);
    ctx.redirect("/authors/" + key, HttpStatus.SEE_OTHER);
  }

  void unfollow(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String key = AuthorKey.of(ctx.pathParam("key"));
    interests().unfollow(u.id(), key);
    ctx.redirect("/authors/" + key, HttpStatus.SEE_OTHER);
  }

  void claim(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String key = key(ctx, ctx.pathParam("key"));
    s.claims().claim(key, u.id(), index().name(key).orElse(key));
    ctx.redirect("/authors/" + key, HttpStatus.SEE_OTHER);
  }

  void unclaim(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String key = AuthorKey.of(ctx.pathParam("key"));
    s.claims().unclaim(key, u.id(), u.isAdmin());
    ctx.redirect("/authors/" + key, HttpStatus.SEE_OTHER);
  }

  // ---- JSON API ----

  void api(Context ctx) {
    String key = key(ctx, ctx.pathParam("key"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("name", index().name(key).orElse(key));
    m.put("paperCount", index().count(key));
    m.put("claimedBy", s.claims().of(key).map(AuthorClaims.Claim::username).orElse(null));
    m.put(
        "categories",
        index().categories(key).stream()
            .map(c -> Map.of("category", c.name(), "papers", c.papers()))
            .toList());
    m.put("coauthors", index().coauthors(key, 20).stream().map(AuthorPages::named).toList());
    m.put("maybeSame", index().maybeSame(key, 10).stream().map(AuthorPages::named).toList());
    m.put("papers", entries(key, SHOWN).stream().map(ApiJson::dailyEntry).toList());
    ctx.json(m);
  }

  void apiFollow(Context ctx) {
    User u = auth.requireApiUser(ctx);
    String key = key(ctx, ctx.pathParam("key"));
    boolean changed = follow(u, key);
    ctx.json(Map.of("key", key, "following", true, "changed", changed));
  }

  void apiUnfollow(Context ctx) {
    User u = auth.requireApiUser(ctx);
    String key = AuthorKey.of(ctx.pathParam("key"));
    boolean changed = interests().unfollow(u.id(), key);
    ctx.json(Map.of("key", key, "following", false, "changed", changed));
  }

  private boolean follow(User u, String key) {
    try {
      return interests()
          .follow(
              u.id(),
              new InterestStore.Followed(key, index().name(key).orElse(key)),
              s.clock().instant());
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
  }

  private static Map<String, Object> named(AuthorIndex.Named n) {
    return Map.of("key", n.key(), "name", n.name(), "papers", n.papers());
  }
}
