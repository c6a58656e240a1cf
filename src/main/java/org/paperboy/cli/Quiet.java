package org.paperboy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the libraries print or leave behind that a user of the command line should not see: Lucene's
 * dated INFO line about the vector API, and the empty telemetry log ONNX Runtime's native library
 * creates as {@code /tmp/mat-debug-PID.log} on every start. {@code PAPERBOY_DEBUG=1} keeps both.
 * (ONNX Runtime's extracted-library directory is avoided by {@code bin/paperboy}, which points
 * {@code onnxruntime.native.path} at libraries unpacked once at build time.)
 */
final class Quiet {
  /** Held so the configured level is not lost when the logger would be collected. */
  private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

  private Quiet() {}

  static void apply(Map<String, String> env) {
    if (env.containsKey("PAPERBOY_DEBUG")) {
      return;
    }
    LUCENE.setLevel(Level.WARNING);
    Path telemetryLog =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "mat-debug-" + ProcessHandle.current().pid() + ".log");
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      try {
                        if (Files.isRegularFile(telemetryLog) && Files.size(telemetryLog) == 0) {
                          Files.delete(telemetryLog);
                        }
                      } catch (IOException e) {
                        // Left behind: harmless, and nothing to tell the user at exit.
                      }
                    }));
  }
}
