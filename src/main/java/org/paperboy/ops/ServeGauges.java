package org.paperboy.ops;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.paperboy.digest.Outbox;
import org.paperboy.harvest.HarvestState;
import org.paperboy.harvest.HarvestStore;
import org.paperboy.jobs.JobLease;
import org.paperboy.store.Jdbc;
import org.paperboy.store.PaperStore;

/**
 * The gauges {@code serve} registers: papers and the embedding queue, the outbox by status, each
 * harvest source's state, the job leases, the store's connection pool. All read when scraped.
 */
public final class ServeGauges {
  private ServeGauges() {}

  /** What the gauges read. */
  public record Sources(
      PaperStore store,
      String model,
      AtomicLong embeddedHere,
      BooleanSupplier embedding,
      Outbox outbox,
      HarvestStore harvests,
      Jdbc jdbc,
      Duration leaseTtl,
      Clock clock) {}

  public static void register(Metrics m, Sources s) {
    m.gauge(
        "paperboy.papers", "Papers in the store (not deleted)", Tags.empty(), s.store()::countLive);
    m.gauge(
        "paperboy.embedding.queue",
        "Papers still without an embedding for the configured model",
        Tags.of("model", s.model()),
        () -> s.store().countLive() - s.store().embeddings().count(s.model()));
    m.counter(
        "paperboy.embedding.embedded",
        "Papers embedded by this process's background embedding",
        s.embeddedHere(),
        AtomicLong::get);
    m.gauge(
        "paperboy.embedding.running",
        "1 while this process is embedding in the background",
        Tags.empty(),
        () -> s.embedding().getAsBoolean() ? 1 : 0);
    m.rows(
        "paperboy.outbox.mails",
        "Digest mails in the outbox by status",
        () -> {
          Map<String, Long> counts = new TreeMap<>(s.outbox().counts());
          for (String status : List.of("pending", "sent", "failed")) {
            counts.putIfAbsent(status, 0L);
          }
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          counts.forEach((status, n) -> rows.add(MultiGauge.Row.of(Tags.of("status", status), n)));
          return rows;
        });
    m.rows(
        "paperboy.harvest.last.success.seconds",
        "When each harvest source last succeeded (Unix time)",
        () ->
            harvestRows(
                s.harvests(),
                h -> h.lastSuccess() == null ? Double.NaN : h.lastSuccess().getEpochSecond()));
    m.rows(
        "paperboy.harvest.errors",
        "Failed harvests of each source since its last success",
        () -> harvestRows(s.harvests(), HarvestState::errorCount));
    m.rows(
        "paperboy.harvest.running",
        "1 while a harvest of the source holds its lease (on any node)",
        () ->
            harvestRows(
                s.harvests(),
                h ->
                    h.leaseUntil() != null && h.leaseUntil().isAfter(s.clock().instant()) ? 1 : 0));
    for (String job : List.of("digest", "embed")) {
      JobLease lease = new JobLease(s.jdbc(), job, s.leaseTtl(), s.clock());
      m.gauge(
          "paperboy.job.leased",
          "1 while some app node holds the job's lease (the job is running somewhere)",
          Tags.of("job", job),
          () -> lease.holder().isPresent() ? 1 : 0);
      m.gauge(
          "paperboy.job.held",
          "1 while this node holds the job's lease",
          Tags.of("job", job),
          () -> lease.holder().filter(lease.owner()::equals).isPresent() ? 1 : 0);
    }
    if (s.jdbc().dataSource() instanceof com.zaxxer.hikari.HikariDataSource pool) {
      for (String state : List.of("active", "idle")) {
        m.gauge(
            "paperboy.db.connections",
            "Store connections by state",
            Tags.of("state", state),
            () ->
                state.equals("active")
                    ? pool.getHikariPoolMXBean().getActiveConnections()
                    : pool.getHikariPoolMXBean().getIdleConnections());
      }
      m.gauge(
          "paperboy.db.connections.pending",
          "Threads waiting for a store connection",
          Tags.empty(),
          () -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection());
    }
  }

  private static List<MultiGauge.Row<?>> harvestRows(
      HarvestStore store, ToDoubleFunction<HarvestState> value) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (HarvestState h : store.all()) {
      rows.add(MultiGauge.Row.of(Tags.of("source", h.source()), value.applyAsDouble(h)));
    }
    return rows;
  }
}
