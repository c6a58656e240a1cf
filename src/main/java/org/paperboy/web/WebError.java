package org.paperboy.web;

/**
 * A request that cannot be answered as asked: the status and a message safe to show. Thrown by
 * handlers, turned into an HTML page or a JSON problem body by {@link ErrorMapper}.
 */
public final class WebError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public WebError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static WebError badRequest(String message) {
    return new WebError(400, message);
  }

  public static WebError notFound(String message) {
    return new WebError(404, message);
  }

  public static WebError forbidden(String message) {
    return new WebError(403, message);
  }

  public static WebError unauthorized(String message) {
    return new WebError(401, message);
  }
}
