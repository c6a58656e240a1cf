package org.paperboy.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.account.User;
import org.paperboy.feed.FeedEntry;
import org.paperboy.paper.Paper;
import org.paperboy.web.view.PaperCard;

/** Turns feed entries into what list templates show. */
final class Cards {
  private static final int NAMES_SHOWN = 4;

  private Cards() {}

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
        p.published() == null ? null : p.published().toString(),
        p.dailyDate() == null ? null : p.dailyDate().toString(),
        e.upvotes(),
        e.comments(),
        p.categories(),
        voted,
        snippetHtml,
        why);
  }

  static String href(String id) {
    return "/papers/" + id;
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
