package org.paperboy.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's metrics, scraped in Prometheus's text format at {@code /metrics}: JVM (heap, GC,
 * threads, CPU), HTTP latency per route, search latency per mode, and the application gauges that
 * {@code serve} registers (embedding queue, outbox, harvests, pools). Values read from the store
 * are read at scrape time; a failing read shows as NaN, never as a failed scrape.
 */
public final class Metrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, in Prometheus's text exposition format. */
  public String scrape() {
    for (Runnable r : beforeScrape) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.debug("refreshing metrics failed: {}", e.getMessage());
      }
    }
    return registry.scrape();
  }

  /** One answered HTTP request; {@code route} is the matched path template, never the raw path. */
  public void httpRequest(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route, method and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One search through the searcher, by mode (keyword, semantic, hybrid) and by where it came. */
  public void search(String mode, long nanos) {
    Timer.builder("paperboy.search")
        .description("Search latency (ranking, snippets and loading the papers) by mode")
        .tags("mode", mode)
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A gauge read when scraped; a value that cannot be read is NaN. */
  public void gauge(String name, String description, Tags tags, Supplier<Number> value) {
    Gauge.builder(name, () -> safely(value))
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  /** A monotonically growing count kept elsewhere (e.g. papers embedded by this process). */
  public <T> void counter(String name, String description, T owner, ToDoubleFunction<T> count) {
    FunctionCounter.builder(name, owner, count).description(description).register(registry);
  }

  /**
   * A family of gauges whose rows (tags) are only known when scraped, e.g. one per harvest source
   * or outbox status: {@code rows} is asked before every scrape.
   */
  public void rows(String name, String description, Supplier<List<MultiGauge.Row<?>>> rows) {
    MultiGauge gauge = MultiGauge.builder(name).description(description).register(registry);
    beforeScrape.add(() -> gauge.register(rows.get(), true));
  }

  private static double safely(Supplier<Number> value) {
    try {
      Number n = value.get();
      return n == null ? Double.NaN : n.doubleValue();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
