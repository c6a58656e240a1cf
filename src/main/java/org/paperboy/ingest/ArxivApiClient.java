package org.paperboy.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;

/** Looks papers up by id in the arXiv API (Atom), with timeouts and a response size cap. */
public final class ArxivApiClient {
  public static final String USER_AGENT =
      "Paperboy/0.1 (self-hosted daily papers; https://github.com/paperboy)";
  static final int MAX_RESPONSE_BYTES = 8 << 20;

  private final URI endpoint;
  private final HttpClient http;

  public ArxivApiClient(URI endpoint) {
    this.endpoint = endpoint;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The paper with this id, or empty when arXiv does not know it. */
  public Optional<Paper> fetch(ArxivId id) {
    URI uri =
        URI.create(
            endpoint
                + "?id_list="
                + URLEncoder.encode(id.id(), StandardCharsets.UTF_8)
                + "&max_results=1");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("User-Agent", USER_AGENT)
            .GET()
            .build();
    byte[] body;
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new SourceUnavailableException(
              "the arXiv API answered HTTP " + response.statusCode() + " for " + id.id());
        }
        body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      }
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "the arXiv API at "
              + endpoint
              + " is not reachable ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("interrupted while asking the arXiv API", e);
    }
    if (body.length > MAX_RESPONSE_BYTES) {
      throw new SourceUnavailableException("the arXiv API response is larger than 8 MiB");
    }
    List<Paper> found = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    try {
      new ArxivAtomParser()
          .parse(
              new ByteArrayInputStream(body),
              "arxiv-api",
              new RecordSink() {
                @Override
                public void accept(Paper paper) {
                  found.add(paper);
                }

                @Override
                public void reject(String where, String reason) {
                  bad.add(where + ": " + reason);
                }
              });
    } catch (IOException | BadInputException e) {
      throw new SourceUnavailableException(
          "the arXiv API answered with something that is not an Atom feed: " + e.getMessage(), e);
    }
    return found.stream().filter(p -> p.id().equals(id.id())).findFirst();
  }
}
