package org.paperboy.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.paperboy.app.ServerRuntime;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.ingest.ImportReport;

/**
 * A real Paperboy server for tests: a fresh data directory with a few real Hugging Face days
 * imported and embedded, a fixed clock, and a recorded arXiv API on 127.0.0.1.
 */
public final class WebFixture implements AutoCloseable {
  /** The days imported from {@code ../shared/data/hf-daily}. */
  public static final List<String> DAYS =
      List.of("2026-08-17", "2026-08-18", "2026-08-19", "2026-08-20", "2026-08-21");

  public static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");

  public final MutableClock clock = new MutableClock(NOW);
  public final RecordedServer arxiv;
  public final ServerRuntime runtime;
  public final String base;
  public final ImportReport imported;

  public WebFixture(Path dataDir, Map<String, String> extraConfig) throws IOException {
    Path apiFile =
        SharedData.path(
            "arxiv-api/new_format_2026-09_id_list_hep-ex_0307015_0710.5765_TRIMMED.xml");
    byte[] atom = Files.readAllBytes(apiFile);
    byte[] empty =
        Files.readAllBytes(SharedData.path("arxiv-api/new_format_2026-09_empty_zero_hits.xml"));
    arxiv =
        new RecordedServer(
            uri -> {
              String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
              boolean known = q.contains("0307015") || q.contains("0710.5765");
              return new RecordedServer.Response(200, "application/atom+xml", known ? atom : empty);
            });
    Map<String, String> flags = new java.util.HashMap<>(extraConfig);
    flags.put("data", dataDir.toString());
    flags.put("server.port", "0");
    flags.putIfAbsent("arxiv.api-url", arxiv.uri("/api/query").toString());
    PaperboyConfig config = ConfigLoader.load(null, Map.of(), flags);
    runtime = ServerRuntime.open(config, new PrintStream(PrintStream.nullOutputStream()));
    List<Path> files = DAYS.stream().map(d -> SharedData.path("hf-daily/" + d + ".json")).toList();
    imported = runtime.importFiles(files, LocalDate.of(2026, 8, 21));
    runtime.embedAll();
    int port = runtime.start(clock, false);
    base = "http://127.0.0.1:" + port;
  }

  /** The id of the first paper of a day's list, as the API gives it. */
  public String firstPaper(String day) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(new WebClient(base).get("/api/daily_papers?date=" + day).body())
        .get(0)
        .get("paper")
        .get("id")
        .asText();
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  @Override
  public void close() {
    try {
      runtime.close();
    } finally {
      arxiv.close();
    }
  }
}
