package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.library.ListItem;
import org.paperboy.library.ReadingList;
import org.paperboy.paper.Paper;
import org.paperboy.web.view.ListsView;
import org.paperboy.web.view.ReadingListView;

/**
 * Reading lists: the reader's lists, one list's page (with its BibTeX, RIS and, when public, Atom
 * feed), the forms that change them, and the JSON API. Every form works without JavaScript.
 */
final class ListPages {
  private final WebServices s;
  private final Pages pages;
  private final Auth auth;
  private final AtomFeeds atom;

  ListPages(WebServices s, Pages pages, Auth auth, AtomFeeds atom) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
    this.atom = atom;
  }

  void mine(Context ctx) {
    User u = auth.user(ctx).orElse(null);
    if (u == null) {
      ctx.redirect("/signin?next=/lists", HttpStatus.SEE_OTHER);
      return;
    }
    pages.render(
        ctx,
        "lists",
        "Reading lists",
        "lists",
        Map.of("view", new ListsView(s.lists().of(u.id()), null)));
  }

  void create(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    ReadingList l =
        s.lists().create(u.id(), ctx.formParam("name"), "true".equals(ctx.formParam("public")));
    ctx.redirect("/lists/" + l.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code /lists/{id}}, or as {@code .bib}, {@code .ris} or (public lists) {@code .atom}. */
  void list(Context ctx) {
    String raw = ctx.pathParam("id");
    User u = auth.user(ctx).orElse(null);
    String reader = u == null ? "" : u.id();
    Optional<Citations.Format> cite = Citations.Format.of(raw);
    boolean feed = raw.endsWith(".atom");
    String id = cite.map(f -> f.strip(raw)).orElse(feed ? raw.substring(0, raw.length() - 5) : raw);
    ReadingList l =
        s.lists()
            .visible(id, reader)
            .orElseThrow(() -> WebError.notFound("there is no list " + id));
    List<ListItem> items = s.lists().items(l.id());
    List<FeedEntry> entries = Cards.entries(s, items.stream().map(ListItem::paperId).toList());
    if (cite.isPresent()) {
      Citations.send(
          ctx, cite.get(), "list-" + l.id(), entries.stream().map(FeedEntry::paper).toList());
      return;
    }
    if (feed) {
      if (!l.isPublic()) {
        throw WebError.notFound("there is no list " + id);
      }
      atom.send(
          ctx, "Paperboy · " + l.name(), "/lists/" + l.id() + ".atom", "/lists/" + l.id(), entries);
      return;
    }
    Map<String, String> notes = new LinkedHashMap<>();
    for (ListItem it : items) {
      if (it.note() != null) {
        notes.put(it.paperId(), it.note());
      }
    }
    List<ReadingListView.Item> shown =
        Cards.of(s, u, entries, Map.of()).stream()
            .map(c -> new ReadingListView.Item(c, notes.get(c.id())))
            .toList();
    String ownerName = s.accounts().store().byId(l.userId()).map(User::username).orElse("a reader");
    boolean owner = u != null && u.id().equals(l.userId());
    pages.render(
        ctx,
        "readinglist",
        l.name(),
        "lists",
        Map.of("view", new ReadingListView(l, owner, ownerName, shown)));
  }

  void edit(Context ctx) {
    User u = changing(ctx);
    s.lists()
        .rename(
            ctx.pathParam("id"),
            u.id(),
            ctx.formParam("name"),
            "true".equals(ctx.formParam("public")));
    back(ctx);
  }

  void delete(Context ctx) {
    User u = changing(ctx);
    s.lists().delete(ctx.pathParam("id"), u.id());
    ctx.redirect("/lists", HttpStatus.SEE_OTHER);
  }

  void add(Context ctx) {
    User u = changing(ctx);
    String paper = PaperIds.require(ctx.formParam("paper"));
    s.lists().add(ctx.pathParam("id"), u.id(), paper, ctx.formParam("note"));
    backTo(ctx, Cards.href(paper));
  }

  void remove(Context ctx) {
    User u = changing(ctx);
    s.lists().remove(ctx.pathParam("id"), u.id(), PaperIds.require(ctx.formParam("paper")));
    backTo(ctx, "/lists/" + ctx.pathParam("id"));
  }

  void move(Context ctx) {
    User u = changing(ctx);
    int by = "-1".equals(ctx.formParam("by")) ? -1 : 1;
    s.lists().move(ctx.pathParam("id"), u.id(), PaperIds.require(ctx.formParam("paper")), by);
    back(ctx);
  }

  void note(Context ctx) {
    User u = changing(ctx);
    s.lists()
        .note(
            ctx.pathParam("id"),
            u.id(),
            PaperIds.require(ctx.formParam("paper")),
            ctx.formParam("note"));
    back(ctx);
  }

  /** ☆ on a card: saves the paper to the reader's first list and returns to the page. */
  void save(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    String paper = PaperIds.require(ctx.formParam("paper"));
    Visibility.paper(s, u, paper);
    ReadingList l = s.lists().save(u.id(), paper);
    backTo(ctx, "/lists/" + l.id());
  }

  private User changing(Context ctx) {
    auth.checkCsrf(ctx);
    return auth.requireUser(ctx);
  }

  private void back(Context ctx) {
    backTo(ctx, "/lists/" + ctx.pathParam("id"));
  }

  /** Back to the page the form was on (a path of this site), else to {@code fallback}. */
  private static void backTo(Context ctx, String fallback) {
    String target = fallback;
    String referer = ctx.header("Referer");
    if (referer != null) {
      try {
        URI r = URI.create(referer);
        String host = ctx.host();
        if (r.getRawPath() != null
            && r.getRawPath().startsWith("/")
            && host != null
            && host.equals(r.getAuthority())) {
          target = r.getRawPath() + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery());
        }
      } catch (IllegalArgumentException e) {
        // a malformed Referer: use the fallback
      }
    }
    ctx.redirect(target, HttpStatus.SEE_OTHER);
  }

  // ---- JSON API ----

  void apiMine(Context ctx) {
    User u = auth.requireApiUser(ctx);
    ctx.json(s.lists().of(u.id()).stream().map(ListPages::json).toList());
  }

  void apiCreate(Context ctx) {
    User u = auth.requireApiUser(ctx);
    ReadingList l =
        s.lists().create(u.id(), ctx.queryParam("name"), "true".equals(ctx.queryParam("public")));
    ctx.status(201).json(json(l));
  }

  void apiList(Context ctx) {
    User u = auth.apiUser(ctx).orElse(null);
    String id = ctx.pathParam("id");
    ReadingList l =
        s.lists()
            .visible(id, u == null ? "" : u.id())
            .orElseThrow(() -> WebError.notFound("there is no list " + id));
    Map<String, Object> m = json(l);
    List<Map<String, Object>> papers = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (ListItem it : s.lists().items(l.id())) {
      ids.add(it.paperId());
      notes.put(it.paperId(), it.note());
    }
    for (FeedEntry e : Cards.entries(s, ids)) {
      Map<String, Object> p = ApiJson.dailyEntry(e);
      p.put("note", notes.get(e.paper().id()));
      papers.add(p);
    }
    m.put("papers", papers);
    ctx.json(m);
  }

  void apiAdd(Context ctx) {
    User u = auth.requireApiUser(ctx);
    String paper = PaperIds.require(ctx.queryParam("paper"));
    boolean added = s.lists().add(ctx.pathParam("id"), u.id(), paper, ctx.queryParam("note"));
    ctx.json(Map.of("paper", paper, "added", added));
  }

  void apiRemove(Context ctx) {
    User u = auth.requireApiUser(ctx);
    String paper = PaperIds.require(ctx.queryParam("paper"));
    ctx.json(
        Map.of("paper", paper, "removed", s.lists().remove(ctx.pathParam("id"), u.id(), paper)));
  }

  private static Map<String, Object> json(ReadingList l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("name", l.name());
    m.put("public", l.isPublic());
    m.put("paperCount", l.papers());
    m.put("url", "/lists/" + l.id());
    m.put("updatedAt", l.updatedAt().toString());
    return m;
  }

  /** The reader's lists and those holding {@code p}, for the paper page. */
  static List<List<ReadingList>> forPaper(WebServices s, User u, Paper p) {
    if (u == null) {
      return List.of(List.of(), List.of());
    }
    return List.of(s.lists().of(u.id()), s.lists().holding(u.id(), p.id()));
  }
}
