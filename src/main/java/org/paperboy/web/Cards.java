package org.paperboy.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.paper.Paper;
import org.paperboy.web.view.AuthorLink;
import org.paperboy.web.view.PaperCard;

/**
 * The one way the web turns ranked paper ids into what it shows: ids → live, visible papers in rank
 * order → feed entries (upvotes and comments with this site's votes) → cards with the reader's
 * votes. Search, similar papers, feeds and the API all go through here.
 */
final class Cards {
  private static final int NAMES_SHOWN = 4;

  private Cards() {}

  /**
   * The visible papers among {@code ids} as feed entries, in the order of {@code ids}; hidden,
   * deleted and unknown ids are left out.
   */
  static List<FeedEntry> entries(WebServices s, List<String> ids) {
    Map<String, Paper> found = s.papers().findAll(ids);
    List<Paper> ordered = new ArrayList<>(found.size());
    for (String id : ids) {
      Paper p = found.get(id);
      if (p != null) {
        ordered.add(p);
      }
    }
    return s.feed().entries(ordered, s.clock().instant());
  }

  /**
   * One paper's feed entry; for a hidden paper (which only admins open) the source's counts alone,
   * since feeds leave hidden papers out.
   */
  static FeedEntry entry(WebServices s, Paper p) {
    return s.feed().entry(p).orElse(new FeedEntry(p, p.upvotes() == null ? 0 : p.upvotes(), 0, 0));
  }

  /** Cards for {@code entries}, marked where {@code reader} (null: signed out) upvoted. */
  static List<PaperCard> of(
      WebServices s, User reader, List<FeedEntry> entries, Map<String, String> snippets) {
    return of(
        entries, votedBy(s, reader, entries.stream().map(e -> e.paper().id()).toList()), snippets);
  }

  static List<PaperCard> of(
      List<FeedEntry> entries, Set<String> voted, Map<String, String> snippets) {
    List<PaperCard> out = new ArrayList<>(entries.size());
    for (FeedEntry e : entries) {
      out.add(card(e, voted.contains(e.paper().id()), snippets.get(e.paper().id()), null));
    }
    return out;
  }

  static PaperCard card(FeedEntry e, boolean voted, String snippetHtml, String why) {
    Paper p = e.paper();
    return new PaperCard(
        p.id(),
        href(p.id()),
        p.title(),
        authorsLine(p),
        authorLinks(p),
        moreAuthors(p),
        p.published() == null ? null : p.published().toString(),
        p.dailyDate() == null ? null : p.dailyDate().toString(),
        e.upvotes(),
        e.comments(),
        commentsLine(e),
        p.githubStars(),
        p.organization() == null
            ? null
            : p.organization().fullname() != null
                ? p.organization().fullname()
                : p.organization().name(),
        p.categories(),
        voted,
        snippetHtml,
        why);
  }

  /**
   * "3 comments (1 here, 2 on Hugging Face)": a feed's count adds Hugging Face's count to the
   * comments made here, and only the latter are on the paper page, so the line says which is which.
   */
  static String commentsLine(FeedEntry e) {
    int hf = e.paper().numComments() == null ? 0 : e.paper().numComments();
    int here = Math.max(0, e.comments() - hf);
    String total = e.comments() + (e.comments() == 1 ? " comment" : " comments");
    if (hf == 0) {
      return total;
    }
    return here == 0
        ? total + " on Hugging Face"
        : total + " (" + here + " here, " + hf + " on Hugging Face)";
  }

  static String href(String id) {
    return "/papers/" + id;
  }

  /** The names a card shows (as {@link #authorsLine}), each linked to its author page. */
  static List<AuthorLink> authorLinks(Paper p) {
    List<String> a = p.authors();
    List<String> shown = a.size() <= NAMES_SHOWN ? a : a.subList(0, NAMES_SHOWN - 1);
    return shown.stream().map(n -> new AuthorLink(n, AuthorPages.href(n))).toList();
  }

  static String moreAuthors(Paper p) {
    List<String> a = p.authors();
    if (a.isEmpty()) {
      return p.authorCount() == 1 ? "1 author" : p.authorCount() + " authors";
    }
    return a.size() <= NAMES_SHOWN ? "" : " and " + (p.authorCount() - NAMES_SHOWN + 1) + " others";
  }

  static String authorsLine(Paper p) {
    List<String> a = p.authors();
    if (a.isEmpty()) {
      return p.authorCount() == 1 ? "1 author" : p.authorCount() + " authors";
    }
    if (a.size() <= NAMES_SHOWN) {
      return String.join(", ", a);
    }
    return String.join(", ", a.subList(0, NAMES_SHOWN - 1))
        + " and "
        + (p.authorCount() - NAMES_SHOWN + 1)
        + " others";
  }

  static Set<String> votedBy(WebServices s, User user, Collection<String> ids) {
    return user == null ? Set.of() : s.community().votedBy(user.id(), ids);
  }
}
