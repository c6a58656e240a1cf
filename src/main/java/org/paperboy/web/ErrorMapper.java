package org.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperboy.account.AccountException;
import org.paperboy.account.ThrottledException;
import org.paperboy.community.SubmissionException;
import org.paperboy.web.view.ErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: JSON problem bodies (RFC 9457) for the API and for
 * clients that accept JSON, an HTML page otherwise. Unexpected failures are logged and shown as a
 * plain 500 message, never a stack trace.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Pages pages;

  ErrorMapper(Pages pages) {
    this.pages = pages;
  }

  void install(Javalin app) {
    app.exception(WebError.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage()));
    app.exception(AccountException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    app.exception(
        org.paperboy.library.ListException.class,
        (e, ctx) -> respond(ctx, e.notFound() ? 404 : 400, e.getMessage()));
    app.exception(SubmissionException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    app.exception(
        org.paperboy.digest.DigestException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    app.exception(
        ThrottledException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
          respond(ctx, 429, e.getMessage());
        });
    app.exception(
        org.paperboy.library.LibraryImport.Rejected.class,
        (e, ctx) -> {
          // One line per bad record, as "problems" beside the RFC 9457 fields.
          ctx.status(422).contentType(PROBLEM_JSON);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", "about:blank");
          body.put("title", "Unprocessable Content");
          body.put("status", 422);
          body.put("detail", "nothing was imported: " + e.getMessage());
          body.put("problems", e.problems());
          ctx.result(json(body));
        });
    app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), message(e)));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.TooLarge tooLarge) {
              respond(ctx, 413, tooLarge.getMessage());
              return;
            }
          }
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          respond(ctx, 500, "something went wrong on our side; the error was logged");
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            respond(ctx, 404, "there is nothing at " + ctx.path());
          }
        });
    app.error(405, ctx -> respond(ctx, 405, "method " + ctx.method() + " is not allowed here"));
    app.error(413, ctx -> respond(ctx, 413, "the request is too large"));
  }

  private static String message(HttpResponseException e) {
    String m = e.getMessage();
    return switch (e.getStatus()) {
      case 413 -> "the request is too large";
      case 400 -> m == null || m.isBlank() ? "bad request" : m;
      default -> m == null || m.isBlank() ? "request failed" : m;
    };
  }

  void respond(Context ctx, int status, String message) {
    ctx.status(status);
    if (wantsJson(ctx)) {
      ctx.contentType(PROBLEM_JSON).result(problem(status, message));
      return;
    }
    try {
      pages.render(
          ctx,
          "error",
          title(status),
          "",
          Map.of("view", new ErrorView(status, title(status), message)));
      ctx.status(status);
    } catch (RuntimeException e) {
      LOG.error("rendering the error page failed", e);
      ctx.contentType("text/plain; charset=utf-8").result(title(status) + ": " + message);
    }
  }

  static final String PROBLEM_JSON = "application/problem+json";

  /** An RFC 9457 problem body. */
  static String problem(int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status);
    body.put("detail", detail);
    return json(body);
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // maps of strings, numbers and lists always serialise
    }
  }

  static boolean wantsJson(Context ctx) {
    if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/feeds/")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Sign in required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Request too large";
      case 414 -> "URI too long";
      case 431 -> "Request headers too large";
      case 429 -> "Too many requests";
      case 503 -> "Unavailable";
      default -> status >= 500 ? "Server error" : "Error " + status;
    };
  }
}
