package org.paperboy.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingStage;
import org.paperboy.jobs.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds papers that have none yet, every 30 seconds, while holding the "embed" job lease: with
 * several app nodes on one store one of them embeds (renewing the lease before each batch) and the
 * others skip the round, instead of all embedding the same papers. Semantic search covers the
 * papers as they are embedded.
 */
final class EmbedJob implements Scheduler.Job {
  private static final Logger LOG = LoggerFactory.getLogger(EmbedJob.class);

  private final Workspace workspace;
  private final Embedder embedder;
  private final JobLease lease;
  private final java.util.function.BooleanSupplier stopping;
  private final AtomicLong embedded = new AtomicLong();
  private volatile boolean busy;

  /**
   * @param stopping true once the server closes: the round stops after the current batch
   */
  EmbedJob(
      Workspace workspace,
      Embedder embedder,
      Clock clock,
      java.util.function.BooleanSupplier stopping) {
    this.workspace = workspace;
    this.embedder = embedder;
    this.stopping = stopping;
    this.lease = new JobLease(workspace.jdbc, "embed", workspace.config.jobs().lease(), clock);
  }

  @Override
  public String name() {
    return "embed";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(30);
  }

  /** Papers embedded by this job since the server started (a gauge reads it). */
  AtomicLong embedded() {
    return embedded;
  }

  /** Whether a round is embedding now. */
  boolean busy() {
    return busy;
  }

  @Override
  public void round() {
    if (!lease.hold()) {
      return;
    }
    busy = true;
    try {
      String model = embedder.id().key();
      long start = System.nanoTime();
      AtomicBoolean announced = new AtomicBoolean();
      // Counted only once a first batch was found, so an idle round runs no count queries.
      LongConsumer progress =
          done -> {
            if (done > 0 && announced.compareAndSet(false, true)) {
              LOG.info(
                  "embedding {} papers in the background with {}", done + awaiting(model), model);
            }
          };
      long n =
          EmbeddingStage.run(
              workspace.store,
              embedder,
              workspace.index,
              progress,
              () -> !stopping.getAsBoolean() && lease.hold());
      if (n > 0) {
        embedded.addAndGet(n);
        double seconds = Math.max(1, System.nanoTime() - start) / 1e9;
        LOG.info(
            "embedded {} papers in {} s ({} papers/s); {} still without an embedding",
            n,
            Math.round(seconds),
            Math.round(n / seconds),
            awaiting(model));
      }
      lease.release();
    } finally {
      busy = false;
    }
  }

  private long awaiting(String model) {
    return workspace.store.countLive() - workspace.store.embeddings().count(model);
  }
}
