package org.paperboy.digest;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Writes digests and notices as mails: HTML from the precompiled templates under {@code mail/}
 * (inline CSS, tables, no images: what common mail clients render) and a plain-text twin.
 */
public final class MailRenderer {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, MailRenderer.class.getClassLoader(), "org.paperboy.web.jte");

  public Mail digest(String subscriptionId, String edition, String to, Digest d) {
    String subject =
        d.title() + " (" + d.paperCount() + (d.paperCount() == 1 ? " paper)" : " papers)");
    return new Mail(
        subscriptionId,
        edition,
        to,
        subject,
        render("mail/digest.jte", Map.of("digest", d)),
        plain(d),
        d.sections().stream().flatMap(s -> s.items().stream()).map(Digest.Item::id).toList());
  }

  /** A one-action notice such as "confirm your subscription". */
  public Mail notice(
      String subscriptionId,
      String edition,
      String to,
      String title,
      String text,
      String action,
      String url,
      String footer) {
    String html =
        render(
            "mail/notice.jte",
            Map.of("title", title, "text", text, "action", action, "url", url, "footer", footer));
    String plain =
        title + "\n\n" + text + "\n\n" + action + ": " + url + "\n\n-- \n" + footer + "\n";
    return new Mail(subscriptionId, edition, to, title, html, plain, java.util.List.of());
  }

  private String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(16_384);
    engine.render(template, params, out);
    return out.toString();
  }

  static String plain(Digest d) {
    StringBuilder b = new StringBuilder();
    b.append(d.title()).append("\n").append(d.intro()).append("\n");
    for (Digest.Part part : d.sections()) {
      b.append("\n").append(part.heading().toUpperCase(java.util.Locale.ROOT)).append("\n\n");
      int n = 1;
      for (Digest.Item i : part.items()) {
        b.append(n++).append(". ").append(i.title()).append("\n");
        b.append("   ").append(i.authors());
        if (i.upvotes() > 0) {
          b.append(" · ").append(i.upvotes()).append(i.upvotes() == 1 ? " upvote" : " upvotes");
        }
        b.append("\n   ").append(i.blurb()).append("\n");
        b.append("   Why: ").append(i.reason()).append("\n");
        b.append("   ").append(i.url()).append("\n\n");
      }
    }
    b.append("-- \nChange what you get: ").append(d.preferencesUrl()).append("\n");
    b.append("Unsubscribe: ").append(d.unsubscribeUrl()).append("\n");
    return b.toString();
  }
}
