package org.paperboy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that answers from recorded responses: {@code responder} maps a
 * request URI to a response (status, content type, body). Requests are logged for assertions.
 */
public final class RecordedServer implements AutoCloseable {
  /**
   * What to answer.
   *
   * @param headers extra response headers
   * @param delayMs wait this long before answering (timeouts)
   */
  public record Response(
      int status, String contentType, byte[] body, Map<String, String> headers, long delayMs) {
    public Response(int status, String contentType, byte[] body) {
      this(status, contentType, body, Map.of(), 0);
    }
  }

  private final HttpServer server;
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final List<String> userAgents = new CopyOnWriteArrayList<>();

  public RecordedServer(Function<URI, Response> responder) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        (HttpExchange ex) -> {
          requests.add(ex.getRequestURI());
          userAgents.add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
          Response r = responder.apply(ex.getRequestURI());
          if (r.delayMs() > 0) {
            try {
              Thread.sleep(r.delayMs());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          ex.getResponseHeaders().add("Content-Type", r.contentType());
          r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
          ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<URI> requests() {
    return requests;
  }

  public List<String> userAgents() {
    return userAgents;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
