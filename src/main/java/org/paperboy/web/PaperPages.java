package org.paperboy.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.paper.CleanText;
import org.paperboy.paper.Paper;
import org.paperboy.search.ScoredId;
import org.paperboy.web.view.AuthorLink;
import org.paperboy.web.view.FormView;
import org.paperboy.web.view.PaperCard;
import org.paperboy.web.view.PaperView;

/** Paper pages, votes, comments, submissions and moderation. */
final class PaperPages {
  static final int MAX_COMMENT = 5000;
  static final int SIMILAR = 8;

  private final WebServices s;
  private final Pages pages;
  private final Auth auth;
  private final FeedPages feeds;

  PaperPages(WebServices s, Pages pages, Auth auth, FeedPages feeds) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
    this.feeds = feeds;
  }

  void paperPage(Context ctx) {
    paperOrCitation(ctx, ctx.pathParam("a"));
  }

  /** {@code /papers/ID}, or its citation as {@code /papers/ID.bib} or {@code /papers/ID.ris}. */
  private void paperOrCitation(Context ctx, String raw) {
    Optional<Citations.Format> f = Citations.Format.of(raw);
    if (f.isPresent()) {
      Paper p = visiblePaper(ctx, f.get().strip(raw));
      Citations.send(ctx, f.get(), p.provisional() ? "paper" : "arXiv-" + p.id(), List.of(p));
      return;
    }
    paper(ctx, raw);
  }

  void submitPage(Context ctx) {
    submitForm(ctx, FormView.empty());
  }

  void twoSegments(Context ctx) {
    String a = ctx.pathParam("a");
    String b = ctx.pathParam("b");
    switch (a) {
      case "date", "week", "month" -> feeds.period(ctx, a, b);
      default -> paperOrCitation(ctx, a + "/" + b); // old-style ids: hep-th/9901001
    }
  }

  /** A paper visible to this reader (admins also see hidden ones), or 404. */
  Paper visiblePaper(Context ctx, String rawId) {
    return Visibility.paper(s, auth.user(ctx).orElse(null), PaperIds.require(rawId));
  }

  private void paper(Context ctx, String rawId) {
    Paper p = visiblePaper(ctx, rawId);
    boolean hidden = s.community().isHidden(p.id());
    if (!p.id().equals(rawId)) {
      ctx.redirect(Cards.href(p.id()), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    User user = auth.user(ctx).orElse(null);
    FeedEntry entry = Cards.entry(s, p);
    boolean voted = !Cards.votedBy(s, user, List.of(p.id())).isEmpty();
    List<PaperCard> similar = new ArrayList<>();
    String note = null;
    // A few extra neighbours cover hidden ones.
    Optional<List<ScoredId>> hits = s.searcher().similarIds(p.id(), SIMILAR + 4);
    if (hits.isEmpty()) {
      note = "Similar papers appear once this paper is in the search index.";
    } else {
      List<FeedEntry> entries = Cards.entries(s, hits.get().stream().map(ScoredId::id).toList());
      similar = Cards.of(s, user, entries.subList(0, Math.min(SIMILAR, entries.size())), Map.of());
    }
    List<List<org.paperboy.library.ReadingList>> lists = ListPages.forPaper(s, user, p);
    String abs =
        p.id().startsWith(Paper.PROVISIONAL_PREFIX) ? null : "https://arxiv.org/abs/" + p.id();
    PaperView view =
        new PaperView(
            Cards.card(entry, voted, null, null),
            p.abstractText(),
            p.authors().stream().map(n -> new AuthorLink(n, AuthorPages.href(n))).toList(),
            abs,
            abs == null ? null : "https://arxiv.org/pdf/" + p.id(),
            safeUrl(p.codeUrl()),
            safeUrl(p.projectUrl()),
            p.aiSummary(),
            s.community().submitter(p.id()).orElse(null),
            p.versions().isEmpty()
                ? null
                : p.versions().stream()
                    .map(v -> "v" + v.number() + (v.date() == null ? "" : " (" + v.date() + ")"))
                    .collect(Collectors.joining(", ")),
            p.journalRef(),
            p.doi(),
            hidden,
            s.community().comments(p.id(), user != null && user.isAdmin()),
            p.numComments() == null ? 0 : p.numComments(),
            p.provisional() ? null : "https://huggingface.co/papers/" + p.id(),
            lists.get(0),
            lists.get(1),
            similar,
            note);
    pages.render(ctx, "paper", p.title(), "", Map.of("view", view));
  }

  /**
   * Only http(s) links from sources become links; anything else (javascript:, data:) is dropped.
   */
  static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
              && u.getHost() != null
          ? u.toString()
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  void upvote(Context ctx) {
    auth.checkCsrf(ctx);
    User user = auth.requireUser(ctx);
    Paper p = visiblePaper(ctx, ctx.formParam("paper"));
    boolean want = !"0".equals(ctx.formParam("vote"));
    if (want) {
      s.community().vote(user.id(), p.id(), s.clock().instant());
    } else {
      s.community().unvote(user.id(), p.id());
    }
    back(ctx, Cards.href(p.id()));
  }

  void comment(Context ctx) {
    auth.checkCsrf(ctx);
    User user = auth.requireUser(ctx);
    Paper p = visiblePaper(ctx, ctx.formParam("paper"));
    String text = commentText(ctx.formParam("text"));
    s.community().addComment(p.id(), user.id(), text, s.clock().instant());
    ctx.redirect(Cards.href(p.id()) + "#comments", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  static String commentText(String raw) {
    String text = raw == null ? "" : CleanText.dropControls(raw).strip();
    if (text.isEmpty()) {
      throw WebError.badRequest("text: a comment cannot be empty");
    }
    if (text.length() > MAX_COMMENT) {
      throw WebError.badRequest("text: at most " + MAX_COMMENT + " characters");
    }
    return text;
  }

  void hidePaper(Context ctx) {
    auth.checkCsrf(ctx);
    User admin = auth.requireAdmin(ctx);
    String id = PaperIds.require(ctx.formParam("paper"));
    if (s.papers().find(id).isEmpty()) {
      throw WebError.notFound("no paper arXiv:" + id + " here");
    }
    if ("false".equals(ctx.formParam("hidden"))) {
      s.community().unhidePaper(id);
    } else {
      s.community().hidePaper(id, admin.id(), s.clock().instant());
    }
    ctx.redirect(Cards.href(id), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void hideComment(Context ctx) {
    auth.checkCsrf(ctx);
    auth.requireAdmin(ctx);
    String id = ctx.formParam("comment");
    var c =
        s.community()
            .comment(id == null ? "" : id)
            .orElseThrow(() -> WebError.notFound("no such comment"));
    s.community().setCommentHidden(c.id(), !"false".equals(ctx.formParam("hidden")));
    ctx.redirect(Cards.href(c.paperId()) + "#comments", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void submitForm(Context ctx, FormView form) {
    if (auth.user(ctx).isEmpty()) {
      ctx.redirect("/signin?next=/submit", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    pages.render(ctx, "form", "Submit a paper", "submit", Map.of("kind", "submit", "form", form));
  }

  void submit(Context ctx) {
    auth.checkCsrf(ctx);
    User user = auth.requireUser(ctx);
    String raw = ctx.formParam("paper");
    try {
      var done = s.submissions().submit(user, raw);
      submitForm(
          ctx,
          new FormView(
              null,
              "Thanks! \"" + done.paper().title() + "\" is on the list of " + done.day() + ".",
              Map.of("link", Cards.href(done.paper().id()))));
    } catch (org.paperboy.community.SubmissionException e) {
      ctx.status(400);
      submitForm(ctx, new FormView(e.getMessage(), null, Map.of("paper", raw == null ? "" : raw)));
      ctx.status(400);
    }
  }

  /** Redirects to the page the form was on (path only, so never to another site). */
  private static void back(Context ctx, String fallback) {
    String target = fallback;
    String ref = ctx.header("Referer");
    if (ref != null) {
      try {
        URI u = new URI(ref);
        if (u.getRawPath() != null
            && u.getRawPath().startsWith("/")
            && !u.getRawPath().startsWith("//")) {
          target = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
      } catch (java.net.URISyntaxException e) {
        // keep the fallback
      }
    }
    ctx.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
