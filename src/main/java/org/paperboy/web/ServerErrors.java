package org.paperboy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors that Jetty answers itself, before a request reaches the application: a malformed request
 * line or URI (400), a URI or headers over the limits (414, 431). They are problem+json like every
 * API error: always for errors found while parsing (the path is not known then), and for {@code
 * /api/} and {@code /feeds/} paths otherwise; pages keep Jetty's short HTML.
 */
final class ServerErrors extends ErrorHandler {
  ServerErrors() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ErrorMapper.PROBLEM_JSON);
    String detail = reason == null || reason.isBlank() ? ErrorMapper.title(status) : reason;
    return ByteBuffer.wrap(
        ErrorMapper.problem(status, "the request was refused: " + detail)
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, jakarta.servlet.ServletException {
    String path = request.getRequestURI();
    if (path == null || !(path.startsWith("/api/") || path.startsWith("/feeds/"))) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    int status = response.getStatus();
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String detail =
        message == null || message.toString().isBlank()
            ? ErrorMapper.title(status)
            : message.toString();
    baseRequest.setHandled(true);
    response.setContentType(ErrorMapper.PROBLEM_JSON);
    response.setCharacterEncoding("utf-8");
    response.getWriter().write(ErrorMapper.problem(status, detail));
  }
}
