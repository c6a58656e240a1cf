package org.paperboy.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The line the search page shows while embeddings are missing (null when every paper has one).
 * Counting papers scans the store, so this job recomputes it every 10 seconds and requests only
 * read it.
 */
final class SearchStatusJob implements Scheduler.Job {
  private final Workspace workspace;
  private final BooleanSupplier embedding;
  private volatile String line;

  /**
   * @param embedding whether papers are being embedded now
   */
  SearchStatusJob(Workspace workspace, BooleanSupplier embedding) {
    this.workspace = workspace;
    this.embedding = embedding;
  }

  @Override
  public String name() {
    return "search-status";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(10);
  }

  String line() {
    return line;
  }

  @Override
  public void round() {
    String model = workspace.config.embeddingModel().key();
    long live = workspace.store.countLive();
    long done = workspace.store.embeddings().count(model);
    line =
        live == 0 || done >= live
            ? null
            : String.format(
                "Semantic search covers %,d of %,d papers so far (%d%%)%s; keyword search covers"
                    + " all.",
                done,
                live,
                done * 100 / live,
                embedding.getAsBoolean() ? ", embedding the rest now" : "");
  }
}
