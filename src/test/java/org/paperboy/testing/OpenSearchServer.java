package org.paperboy.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node OpenSearch with the k-NN plugin for tests, from the distribution zips Maven fetched
 * as test dependencies (paths in the {@code opensearch.zip} and {@code opensearch.knn.zip} system
 * properties). Unpacked once under the temporary directory; each test JVM starts one node on free
 * loopback ports with a fresh data directory and a 512 MiB heap. OpenSearch refuses to run as root,
 * so under root the node runs as a system user {@code paperboy} (created when missing).
 */
public final class OpenSearchServer implements AutoCloseable {
  private static final String USER = "paperboy";
  private static OpenSearchServer shared;

  private final Process process;
  private final Path work;
  private final int port;

  private OpenSearchServer() throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path home = install(root);
    work = Files.createTempDirectory("paperboy-opensearch-");
    port = Processes.freePort();
    int transport = Processes.freePort();
    Path config = work.resolve("config");
    Files.createDirectories(config);
    try (Stream<Path> files = Files.list(home.resolve("config"))) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, config.resolve(f.getFileName()));
        }
      }
    }
    Files.writeString(
        config.resolve("opensearch.yml"),
        String.join(
            "\n",
            "cluster.name: paperboy-test",
            "node.name: test-node",
            "network.host: 127.0.0.1",
            "http.port: " + port,
            "transport.port: " + transport,
            "discovery.type: single-node",
            "path.data: " + work.resolve("data"),
            "path.logs: " + work.resolve("logs"),
            "cluster.routing.allocation.disk.threshold_enabled: false",
            ""));
    if (root) {
      run(List.of("chown", "-R", USER + ":" + USER, work.toString()));
    }
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.add(home.resolve("bin/opensearch").toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("OPENSEARCH_PATH_CONF", config.toString());
    String heap = System.getenv().getOrDefault("OPENSEARCH_HEAP", "512m");
    pb.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
    pb.redirectErrorStream(true);
    pb.redirectOutput(work.resolve("console.log").toFile());
    process = pb.start();
    awaitGreen();
  }

  /** One node for the whole test JVM, stopped when the JVM exits. */
  public static synchronized OpenSearchServer shared() {
    if (shared == null) {
      try {
        shared = new OpenSearchServer();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start OpenSearch: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static synchronized Path install(boolean root) throws IOException, InterruptedException {
    // Outside the project: under root the node runs as another user, who may not be able to
    // enter the checkout (CI clones into a private temporary directory).
    Path base =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "paperboy-"
                + Path.of(property("opensearch.zip")).getFileName().toString().replace(".zip", ""));
    Path marker = base.resolve("installed");
    Path home;
    if (!Files.exists(marker)) {
      Path zip = Path.of(property("opensearch.zip"));
      Path knn = Path.of(property("opensearch.knn.zip"));
      Processes.deleteTree(base);
      Files.createDirectories(base);
      run(List.of("unzip", "-q", zip.toString(), "-d", base.toString()));
      home = homeIn(base);
      ProcessBuilder plugin =
          new ProcessBuilder(
              home.resolve("bin/opensearch-plugin").toString(),
              "install",
              "--batch",
              knn.toUri().toString());
      plugin.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
      Processes.run(plugin);
      Files.writeString(marker, "ok\n");
    }
    home = homeIn(base);
    if (root) {
      ensureUser();
      run(List.of("chown", "-R", USER + ":" + USER, base.toString()));
    }
    return home;
  }

  private static Path homeIn(Path base) throws IOException {
    try (Stream<Path> dirs = Files.list(base)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("opensearch-"))
          .findFirst()
          .orElseThrow(() -> new IOException("no opensearch-* directory in " + base));
    }
  }

  private static String property(String name) throws IOException {
    String v = System.getProperty(name);
    if (v == null || !Files.exists(Path.of(v))) {
      throw new IOException(
          name + " does not name the downloaded zip (" + v + "); run the tests through Maven");
    }
    return v;
  }

  private static void ensureUser() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", USER).redirectErrorStream(true).start();
    id.getInputStream().readAllBytes();
    if (id.waitFor() != 0) {
      run(
          List.of(
              "useradd",
              "--system",
              "--user-group",
              "--no-create-home",
              "--shell",
              "/usr/sbin/nologin",
              USER));
    }
  }

  private void awaitGreen() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException(
            "OpenSearch exited with "
                + process.exitValue()
                + ": "
                + tail(work.resolve("console.log")));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException(
        "OpenSearch did not start in 120 s: " + tail(work.resolve("console.log")));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      Processes.deleteTree(work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // a temporary directory; nothing more to do
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Processes.run(new ProcessBuilder(command));
  }
}
