package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.paperboy.account.AccountException;
import org.paperboy.account.ThrottledException;
import org.paperboy.account.User;
import org.paperboy.web.view.FormView;
import org.paperboy.web.view.SettingsView;

/** Sign up, sign in, sign out and account settings. */
final class AccountPages {
  private final WebServices s;
  private final Pages pages;
  private final Auth auth;

  AccountPages(WebServices s, Pages pages, Auth auth) {
    this.s = s;
    this.pages = pages;
    this.auth = auth;
  }

  void signInPage(Context ctx) {
    form(ctx, "signin", new FormView(null, null, Map.of("next", next(ctx.queryParam("next")))));
  }

  void signUpPage(Context ctx) {
    form(ctx, "signup", FormView.empty());
  }

  void settingsPage(Context ctx) {
    settings(ctx, null, null, null);
  }

  private void form(Context ctx, String kind, FormView form) {
    pages.render(
        ctx,
        "form",
        "signin".equals(kind) ? "Sign in" : "Sign up",
        "account",
        Map.of("kind", kind, "form", form));
  }

  void signIn(Context ctx) {
    auth.checkCsrf(ctx);
    String name = ctx.formParam("username");
    try {
      User u = s.accounts().signIn(name, ctx.formParam("password"), ctx.ip());
      auth.signIn(ctx, u);
      ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    } catch (AccountException e) {
      ctx.status(401);
      form(
          ctx,
          "signin",
          new FormView(
              e.getMessage(),
              null,
              Map.of("username", nz(name), "next", next(ctx.formParam("next")))));
      ctx.status(401);
    } catch (ThrottledException e) {
      ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      ctx.status(429);
      form(
          ctx,
          "signin",
          new FormView(
              e.getMessage(),
              null,
              Map.of("username", nz(name), "next", next(ctx.formParam("next")))));
      ctx.status(429);
    }
  }

  void signUp(Context ctx) {
    auth.checkCsrf(ctx);
    String name = ctx.formParam("username");
    String email = ctx.formParam("email");
    try {
      User u = s.accounts().signUp(name, ctx.formParam("password"), email);
      auth.signIn(ctx, u);
      ctx.redirect("/", HttpStatus.SEE_OTHER);
    } catch (AccountException e) {
      ctx.status(400);
      form(
          ctx,
          "signup",
          new FormView(e.getMessage(), null, Map.of("username", nz(name), "email", nz(email))));
      ctx.status(400);
    }
  }

  void signOut(Context ctx) {
    auth.checkCsrf(ctx);
    auth.signOut(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void settings(Context ctx, String newToken, String error, String success) {
    User u = auth.user(ctx).orElse(null);
    if (u == null) {
      ctx.redirect("/signin?next=/settings", HttpStatus.SEE_OTHER);
      return;
    }
    User fresh = s.accounts().store().byId(u.id()).orElse(u);
    SettingsView view =
        new SettingsView(
            fresh.email() == null ? "" : fresh.email(),
            s.accounts().store().apiTokens(u.id()),
            newToken,
            error,
            success);
    pages.render(ctx, "settings", "Settings", "account", Map.of("view", view));
  }

  void email(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    try {
      s.accounts().setEmail(u, ctx.formParam("email"));
      settings(ctx, null, null, "Saved.");
    } catch (AccountException e) {
      ctx.status(400);
      settings(ctx, null, e.getMessage(), null);
    }
  }

  void newToken(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    try {
      settings(ctx, s.accounts().createApiToken(u, ctx.formParam("label")), null, null);
    } catch (AccountException e) {
      ctx.status(400);
      settings(ctx, null, e.getMessage(), null);
    }
  }

  void revokeToken(Context ctx) {
    auth.checkCsrf(ctx);
    User u = auth.requireUser(ctx);
    boolean done = s.accounts().revokeApiToken(u, ctx.formParam("id"));
    settings(ctx, null, done ? null : "no such token", done ? "Token revoked." : null);
  }

  /**
   * Where to go after signing in: {@code next} when it is a path on this site, else the front page.
   * A path has no scheme or host, starts with one slash, and has no control character, space or
   * backslash (browsers drop tabs and newlines and read backslashes as slashes, so {@code /\t/host}
   * or {@code /\\host} would leave the site).
   */
  static String next(String n) {
    if (n == null || n.length() >= 300 || !n.startsWith("/") || n.startsWith("//")) {
      return "/";
    }
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '\\' || Character.isISOControl(c)) {
        return "/";
      }
    }
    try {
      java.net.URI u = new java.net.URI(n);
      return u.getScheme() == null && u.getRawAuthority() == null && n.equals(u.toString())
          ? n
          : "/";
    } catch (java.net.URISyntaxException e) {
      return "/";
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
