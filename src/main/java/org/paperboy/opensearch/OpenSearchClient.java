package org.paperboy.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * OpenSearch's REST API over the JDK's HTTP client: JSON in, JSON out, any non-2xx answer turned
 * into an {@link OpenSearchException} carrying OpenSearch's own reason. Thread-safe; one HTTP/1.1
 * connection pool per client.
 */
public final class OpenSearchClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;

  public OpenSearchClient(URI base) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public URI base() {
    return base;
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {@code GET}/{@code PUT}/{@code POST}/{@code DELETE} with a JSON body (or none). */
  public JsonNode send(String method, String path, JsonNode body) {
    try {
      return sendRaw(
          method, path, body == null ? null : JSON.writeValueAsString(body), "application/json");
    } catch (JsonProcessingException e) {
      throw new OpenSearchException("cannot write request: " + e.getMessage(), e);
    }
  }

  /** A request whose body is already serialised (the bulk API's NDJSON). */
  public JsonNode sendRaw(String method, String path, String body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r = call(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = r.body().isEmpty() ? object() : JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new OpenSearchException(
          "OpenSearch at "
              + base
              + " answered "
              + r.statusCode()
              + " with a body that is not JSON");
    }
    if (r.statusCode() / 100 != 2) {
      throw new OpenSearchException(
          "OpenSearch answered "
              + r.statusCode()
              + " to "
              + method
              + " /"
              + path
              + ": "
              + reason(json));
    }
    return json;
  }

  /** Whether {@code HEAD path} finds something (an index). */
  public boolean exists(String path) {
    HttpRequest head =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    return call(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new OpenSearchException(
          "cannot reach OpenSearch at " + base + ": " + String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpenSearchException("interrupted while waiting for OpenSearch", e);
    }
  }

  private static String reason(JsonNode json) {
    JsonNode error = json.path("error");
    if (error.isObject()) {
      JsonNode root = error.path("root_cause").path(0);
      JsonNode e = root.isMissingNode() ? error : root;
      return e.path("type").asText("error") + ": " + e.path("reason").asText("");
    }
    return error.isMissingNode() ? json.toString() : error.asText();
  }
}
