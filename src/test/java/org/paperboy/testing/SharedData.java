package org.paperboy.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data in {@code ../shared/data}, which every developer machine and CI run has. */
public final class SharedData {
  private SharedData() {}

  public static Path path(String relative) {
    Path root = Path.of("..", "shared", "data").toAbsolutePath().normalize();
    Path p = root.resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException(
          "missing shared test data " + p + " (the project expects ../shared beside it)");
    }
    return p;
  }
}
