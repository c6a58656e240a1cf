package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.paperboy.account.Accounts;
import org.paperboy.account.Session;
import org.paperboy.account.Tokens;
import org.paperboy.account.User;

/**
 * Who is asking: browser sessions (an HttpOnly, SameSite=Lax cookie holding a random token whose
 * hash the store keeps), API tokens ({@code Authorization: Bearer}), and CSRF tokens for forms.
 *
 * <p>CSRF: a signed-in browser's forms carry its session's CSRF token. Before sign-in, forms carry
 * a random value that is also set in an HttpOnly cookie (double submit), and a POST must send both
 * and they must match; a cross-site page can neither read the cookie nor set it.
 */
final class Auth {
  static final String SESSION_COOKIE = "pb_session";
  static final String CSRF_COOKIE = "pb_csrf";
  private static final String SESSION_ATTR = "pb.session";
  private static final String CSRF_ATTR = "pb.csrf";

  private final Accounts accounts;
  private final boolean secure;

  Auth(Accounts accounts, boolean secure) {
    this.accounts = accounts;
    this.secure = secure;
  }

  /** The signed-in session of this request, looked up once. */
  Optional<Session> session(Context ctx) {
    Object cached = ctx.attribute(SESSION_ATTR);
    if (cached instanceof Optional<?> o) {
      return o.map(Session.class::cast);
    }
    Optional<Session> s = accounts.session(ctx.cookie(SESSION_COOKIE));
    ctx.attribute(SESSION_ATTR, s);
    return s;
  }

  Optional<User> user(Context ctx) {
    return session(ctx).map(Session::user);
  }

  User requireUser(Context ctx) {
    return user(ctx).orElseThrow(() -> WebError.unauthorized("sign in first"));
  }

  User requireAdmin(Context ctx) {
    User u = requireUser(ctx);
    if (!u.isAdmin()) {
      throw WebError.forbidden("only admins may do that");
    }
    return u;
  }

  /**
   * The reader behind an API read's bearer token, if it sends one (reads need none; a token that is
   * sent must be valid).
   */
  Optional<User> apiUser(Context ctx) {
    return ctx.header("Authorization") == null
        ? Optional.empty()
        : Optional.of(requireApiUser(ctx));
  }

  /** The reader behind an API request's bearer token. */
  User requireApiUser(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw WebError.unauthorized(
          "this endpoint needs an API token: send 'Authorization: Bearer TOKEN' (make one under"
              + " Settings)");
    }
    return accounts
        .userForApiToken(h.substring(7).strip())
        .orElseThrow(() -> WebError.unauthorized("unknown or revoked API token"));
  }

  /** The CSRF token forms on this page must carry; sets the pre-session cookie when needed. */
  String csrfToken(Context ctx) {
    Optional<Session> s = session(ctx);
    if (s.isPresent()) {
      return s.get().csrf();
    }
    Object cached = ctx.attribute(CSRF_ATTR);
    if (cached instanceof String c) {
      return c;
    }
    String c = ctx.cookie(CSRF_COOKIE);
    if (c == null || c.length() != 43) {
      c = Tokens.random();
      ctx.cookie(cookie(CSRF_COOKIE, c, -1));
    }
    ctx.attribute(CSRF_ATTR, c);
    return c;
  }

  /** Rejects a form POST whose CSRF token is missing or wrong. */
  void checkCsrf(Context ctx) {
    String sent = ctx.formParam("csrf");
    Optional<Session> s = session(ctx);
    String expected = s.isPresent() ? s.get().csrf() : ctx.cookie(CSRF_COOKIE);
    if (sent == null || !Tokens.same(sent, expected)) {
      throw WebError.forbidden(
          "the form was stale or did not come from this site; reload the page and try again");
    }
  }

  void signIn(Context ctx, User user) {
    String old = ctx.cookie(SESSION_COOKIE);
    if (old != null) {
      accounts.endSession(old); // a fresh session on every sign-in: no session fixation
    }
    String token = accounts.startSession(user);
    ctx.cookie(cookie(SESSION_COOKIE, token, (int) Accounts.SESSION_LIFETIME.toSeconds()));
    ctx.attribute(SESSION_ATTR, accounts.session(token));
  }

  void signOut(Context ctx) {
    accounts.endSession(ctx.cookie(SESSION_COOKIE));
    ctx.cookie(cookie(SESSION_COOKIE, "", 0));
    ctx.attribute(SESSION_ATTR, Optional.empty());
  }

  private Cookie cookie(String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, secure, 0, true, null, null, SameSite.LAX);
  }
}
