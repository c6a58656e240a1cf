package org.paperboy.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code paperboy serve} in its own JVM on a free loopback port, on the product's own class path
 * (as bin/paperboy runs it) plus the test classes for {@link NodeMain}: with the test class path
 * (Selenium, GreenMail, …) the embedding runtime crashed the JVM.
 */
public record ServeProcess(Process process, int port) {
  /**
   * @param mainClass {@code org.paperboy.cli.Main} or {@link NodeMain}
   * @param jvmFlags extra JVM options (heap, GC)
   * @param options the global options before {@code serve} ({@code --data}, {@code --store}, …)
   * @param env extra environment
   * @param logDir where the process's output goes ({@code NAME-PORT.log})
   */
  public static ServeProcess start(
      String mainClass,
      List<String> jvmFlags,
      List<String> options,
      Map<String, String> env,
      Path logDir,
      String name)
      throws IOException {
    int port = Processes.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    command.addAll(jvmFlags);
    command.addAll(
        List.of("-cp", "target/test-classes:target/paperboy.jar:target/lib/*", mainClass));
    command.addAll(options);
    command.addAll(List.of("serve", "--no-embed", "--port", Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    logDir.toFile().mkdirs();
    pb.redirectOutput(new File(logDir.toFile(), name + "-" + port + ".log"));
    return new ServeProcess(pb.start(), port);
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits until {@code GET /} answers 200; fails when the process exits or time runs out. */
  public void awaitUp(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError("serve on port " + port + " exited with " + process.exitValue());
      }
      try {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base() + "/")).build();
        if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("serve on port " + port + " did not start in " + timeout);
  }

  /** Stops it the way Ctrl-C would and waits. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
