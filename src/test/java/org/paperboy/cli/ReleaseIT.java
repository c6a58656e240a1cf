package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.SharedData;

/**
 * The release tarball that {@code ./mvnw package} builds runs as it is: unpacked elsewhere, with
 * nothing but a {@code java} binary (no javac, no Maven, no source tree), it imports, embeds and
 * searches; its launcher hides the JVM's incubator warning and leaves nothing in the temp dir.
 */
class ReleaseIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run paperboy(Path home, Path javaHome, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/paperboy").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("PAPERBOY_"));
    env.put("JAVA_HOME", javaHome.toString());
    env.put("PATH", "/usr/bin:/bin");
    env.put("TMPDIR", tmp.resolve("tmpdir").toString());
    env.put("PAPERBOY_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp.resolve("tmpdir"));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    // The stderr filter may still be writing for a moment after the JVM ends.
    Thread.sleep(200);
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theTarballRunsWithOnlyAJavaBinary() throws Exception {
    Path tarball;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      tarball =
          files
              .filter(f -> f.getFileName().toString().matches("paperboy-.*\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no target/paperboy-*.tar.gz: run package"));
    }
    Path unpacked = Files.createDirectories(tmp.resolve("opt"));
    Process tar =
        new ProcessBuilder(
                "tar", "xzf", tarball.toAbsolutePath().toString(), "-C", unpacked.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).isZero();
    Path home;
    try (Stream<Path> dirs = Files.list(unpacked)) {
      home = dirs.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("paperboy-");
    for (String f :
        List.of(
            "bin/paperboy",
            "lib/paperboy.jar",
            "README.md",
            "paperboy.properties.example",
            "paperboy.service")) {
      assertThat(home.resolve(f)).as(f).exists();
    }
    assertThat(Files.isExecutable(home.resolve("bin/paperboy"))).isTrue();
    try (Stream<Path> demo = Files.list(home.resolve("demo/hf-daily"))) {
      assertThat(demo.count()).isGreaterThan(500);
    }

    // A "runtime" that is only a java binary: the launcher must need nothing else.
    Path jre = Files.createDirectories(tmp.resolve("jre/bin"));
    Files.createSymbolicLink(
        jre.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    Files.createDirectories(tmp.resolve("tmpdir"));

    Run version = paperboy(home, jre.getParent(), "--version");
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("paperboy ");
    assertThat(version.err()).doesNotContain("WARNING: Using incubator modules");

    Path data = tmp.resolve("data");
    Run imported =
        paperboy(
            home,
            jre.getParent(),
            "import",
            "--data",
            data.toString(),
            SharedData.path("hf-daily/2026-08-21.json").toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    Run embedded = paperboy(home, jre.getParent(), "embed", "--quiet", "--data", data.toString());
    assertThat(embedded.exit()).as(embedded.err()).isZero();
    assertThat(embedded.out()).contains("papers have embeddings");
    Run found =
        paperboy(
            home,
            jre.getParent(),
            "search",
            "--json",
            "--data",
            data.toString(),
            "agents learning in simulated worlds");
    assertThat(found.exit()).as(found.err()).isZero();
    assertThat(found.out()).contains("2608.19880");
    // Quiet and tidy: no incubator warning, no Lucene INFO line, nothing left in the temp dir.
    assertThat(found.err()).doesNotContain("WARNING: Using incubator").doesNotContain("INFO");
    // (ONNX Runtime's telemetry keeps one fixed file, .ses, across runs; that is not per run.)
    try (Stream<Path> left = Files.list(tmp.resolve("tmpdir"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("onnxruntime-java") || n.startsWith("mat-debug-"));
    }
  }
}
