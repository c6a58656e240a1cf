package org.paperboy.web;

import org.paperboy.account.User;
import org.paperboy.paper.Paper;

/**
 * The one rule for who may open a paper, on pages and in the API alike: a live paper is visible to
 * everyone unless an admin hid it; admins still open hidden ones (to unhide them). Lists, search
 * and feeds leave hidden papers out for everyone ({@link Cards#entries}).
 */
final class Visibility {
  private Visibility() {}

  /** The live paper {@code id} if {@code reader} (null: signed out) may open it, else 404. */
  static Paper paper(WebServices s, User reader, String id) {
    Paper p =
        s.papers()
            .find(id)
            .filter(x -> x.deletedOn() == null)
            .orElseThrow(() -> WebError.notFound("no paper arXiv:" + id + " here"));
    if (s.community().isHidden(p.id()) && (reader == null || !reader.isAdmin())) {
      throw WebError.notFound("no paper arXiv:" + id + " here");
    }
    return p;
  }
}
