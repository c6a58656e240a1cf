package org.paperboy.web;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Map;
import org.paperboy.account.User;
import org.paperboy.digest.DigestException;
import org.paperboy.digest.Digests;
import org.paperboy.digest.Frequency;
import org.paperboy.digest.Mail;
import org.paperboy.digest.Preferences;
import org.paperboy.digest.Section;
import org.paperboy.digest.Subscription;
import org.paperboy.web.view.DigestView;

/**
 * Subscribing to the email digest (double opt-in), confirming, preferences and unsubscribing from
 * signed links, RFC 8058 one-click unsubscribe, and a browser preview of a reader's next digest.
 */
final class DigestPages {
  static final String SENT =
      "Thanks. If this address can get digests, a mail with a confirmation link is on its way;"
          + " nothing is sent until you confirm.";

  private final WebServices s;
  private final Pages pages;
  private final Auth auth;

  DigestPages(WebServices s, Pages pages, Auth auth) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
  }

  private Digests digests() {
    return s.digests();
  }

  void subscribeForm(Context ctx) {
    User u = auth.user(ctx).orElse(null);
    if (u != null) {
      var mine = digests().subscriptions().forUser(u.id());
      if (mine.isPresent() && mine.get().status() == Subscription.Status.ACTIVE) {
        ctx.redirect(
            "/digest/preferences?t=" + digests().subscriptions().preferencesToken(mine.get().id()));
        return;
      }
    }
    String email = u == null || u.email() == null ? "" : u.email();
    render(ctx, new DigestView("subscribe", email, null, null, null, null, digests().enabled()));
  }

  void subscribe(Context ctx) {
    auth.checkCsrf(ctx);
    if (!digests().enabled()) {
      throw new WebError(503, "email digests are not set up on this server (no SMTP server)");
    }
    String email = ctx.formParam("email");
    try {
      Preferences p =
          Preferences.defaults()
              .withFrequency(Frequency.parse(orDefault(ctx.formParam("frequency"), "daily")));
      digests().subscriptions().subscribe(email, auth.user(ctx).orElse(null), p);
    } catch (DigestException e) {
      ctx.status(400);
      render(ctx, new DigestView("subscribe", nz(email), null, null, e.getMessage(), null, true));
      ctx.status(400);
      return;
    }
    render(ctx, new DigestView("message", "", null, null, null, SENT, true));
  }

  void confirm(Context ctx) {
    Subscription sub = digests().subscriptions().confirm(ctx.queryParam("t"));
    String token = digests().subscriptions().preferencesToken(sub.id());
    render(
        ctx,
        new DigestView(
            "preferences",
            sub.email(),
            token,
            sub.preferences(),
            null,
            "Confirmed: " + sub.email() + " will get the digest. Choose what it holds below.",
            true));
  }

  void unsubscribeForm(Context ctx) {
    String t = ctx.queryParam("t");
    // Only checks the link: a GET (a mail scanner following links) must not unsubscribe.
    Subscription sub = digests().subscriptions().byUnsubscribeLink(t);
    render(ctx, new DigestView("unsubscribe", sub.email(), t, null, null, null, true));
  }

  /**
   * The form's button and RFC 8058 one-click POSTs from mail clients (body {@code
   * List-Unsubscribe=One-Click}) both land here: the signed token is the authority, so there is no
   * CSRF check.
   */
  void unsubscribe(Context ctx) {
    String t = ctx.queryParam("t") != null ? ctx.queryParam("t") : ctx.formParam("t");
    Subscription sub = digests().subscriptions().unsubscribe(t);
    render(
        ctx,
        new DigestView(
            "message",
            sub.email(),
            null,
            null,
            null,
            "Unsubscribed: " + sub.email() + " gets no more digests.",
            true));
  }

  void preferencesForm(Context ctx) {
    String t = ctx.queryParam("t");
    Subscription sub = digests().subscriptions().byPreferencesLink(t);
    render(
        ctx,
        new DigestView("preferences", sub.email(), t, sub.preferences(), null, status(sub), true));
  }

  void savePreferences(Context ctx) {
    auth.checkCsrf(ctx);
    String t = ctx.formParam("t");
    Subscription sub = digests().subscriptions().byPreferencesLink(t);
    Preferences p;
    try {
      p = parse(ctx);
    } catch (DigestException e) {
      ctx.status(400);
      render(
          ctx,
          new DigestView(
              "preferences", sub.email(), t, sub.preferences(), e.getMessage(), null, true));
      ctx.status(400);
      return;
    }
    Subscription saved = digests().subscriptions().update(sub.id(), p);
    render(
        ctx,
        new DigestView("preferences", saved.email(), t, saved.preferences(), null, "Saved.", true));
  }

  private static Preferences parse(Context ctx) {
    EnumSet<Section> sections = EnumSet.noneOf(Section.class);
    for (String v : ctx.formParams("section")) {
      sections.add(Section.parse(v));
    }
    return new Preferences(
        Frequency.parse(ctx.formParam("frequency")),
        integer(ctx.formParam("hour"), "hour"),
        Preferences.zone(ctx.formParam("zone")),
        sections,
        integer(ctx.formParam("max"), "papers per section"),
        "on".equals(ctx.formParam("skip")),
        Preferences.parseTopics(ctx.formParam("topics")));
  }

  /** The signed-in reader's next digest as the mail would show it. */
  void preview(Context ctx) {
    User u = auth.requireUser(ctx);
    Subscription sub =
        digests()
            .subscriptions()
            .forUser(u.id())
            .orElseGet(
                () ->
                    new Subscription(
                        "preview-" + u.id(),
                        u.email() == null ? u.username() + "@example.invalid" : u.email(),
                        u.id(),
                        Subscription.Status.PENDING,
                        Preferences.defaults(),
                        s.clock().instant(),
                        null));
    java.time.LocalDate date = s.clock().instant().atZone(sub.preferences().zone()).toLocalDate();
    String d = ctx.queryParam("date");
    if (d != null && !d.isBlank()) {
      try {
        date = java.time.LocalDate.parse(d.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw WebError.badRequest("date: expected YYYY-MM-DD, was '" + d + "'");
      }
    }
    Mail mail = digests().planner().preview(sub, date);
    // The mail's own inline styles, as a mail client would show them.
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'");
    ctx.header("Cache-Control", "no-store");
    ctx.html(mail.html());
  }

  private static String status(Subscription sub) {
    return switch (sub.status()) {
      case ACTIVE -> null;
      case PENDING -> "Not confirmed yet: use the link in the confirmation mail.";
      case UNSUBSCRIBED -> "Unsubscribed: nothing is sent. Subscribe again to restart.";
      case BOUNCED -> "The mail server refused this address, so nothing is sent to it.";
    };
  }

  private static int integer(String v, String field) {
    try {
      return Integer.parseInt(v == null ? "" : v.strip());
    } catch (NumberFormatException e) {
      throw new DigestException(field + ": not a whole number: '" + v + "'");
    }
  }

  private void render(Context ctx, DigestView view) {
    pages.render(ctx, "digest", "Email digest", "digest", Map.of("view", view));
  }

  private static String orDefault(String v, String d) {
    return v == null || v.isBlank() ? d : v;
  }

  private static String nz(String v) {
    return v == null ? "" : v;
  }
}
