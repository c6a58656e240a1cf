package org.paperboy.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.digest.Digests;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingStage;
import org.paperboy.harvest.HarvestScheduler;
import org.paperboy.index.ChangeFollower;
import org.paperboy.ingest.ImportListener;
import org.paperboy.ingest.ImportOptions;
import org.paperboy.ingest.ImportReport;
import org.paperboy.ingest.Importer;
import org.paperboy.ops.Health;
import org.paperboy.ops.Metrics;
import org.paperboy.ops.ServeGauges;
import org.paperboy.web.WebServer;
import org.paperboy.web.WebServices;

/**
 * One serving process: the workspace (store + index), its {@link Services}, the web server, and the
 * background jobs on one {@link Scheduler}: embedding papers that have none yet (so semantic search
 * joins as it goes), digests, scheduled harvests, following a shared store's changes, and the
 * search page's status line.
 */
public final class ServerRuntime implements AutoCloseable {
  private final Workspace workspace;
  private final Embedder embedder;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicReference<String> siteUrl = new AtomicReference<>();
  private EmbedJob embedJob;
  private Services services;
  private Scheduler scheduler;
  private WebServer web;
  private Metrics metrics;

  private ServerRuntime(Workspace workspace, Embedder embedder) {
    this.workspace = workspace;
    this.embedder = embedder;
    this.siteUrl.set(workspace.config.server().publicUrl().toString());
  }

  public static ServerRuntime open(PaperboyConfig config, PrintStream err) {
    Workspace w = Workspace.open(config, err);
    try {
      return new ServerRuntime(w, new Embedder(config.embeddingModel()));
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /**
   * Starts the web server and the background jobs (embedding only when asked); returns the bound
   * port.
   */
  public int start(Clock clock, boolean embedInBackground) {
    PaperboyConfig config = workspace.config;
    services = Services.build(workspace, Optional.of(embedder), clock, siteUrl::get, true);
    services.accounts().sweep();
    scheduler = new Scheduler(6);
    embedJob = new EmbedJob(workspace, embedder, clock, scheduler::closing);
    SearchStatusJob status = new SearchStatusJob(workspace, embedJob::busy);
    metrics = new Metrics();
    ServeGauges.register(
        metrics,
        new ServeGauges.Sources(
            workspace.store,
            config.embeddingModel().key(),
            embedJob.embedded(),
            embedJob::busy,
            services.digests().outbox(),
            services.harvestStore(),
            workspace.jdbc,
            config.jobs().lease(),
            clock));
    web =
        WebServer.create(
            new WebServices(
                config,
                workspace.store,
                services.feed(),
                services.accounts(),
                services.community(),
                services.submissions(),
                services.searcher(),
                services.recommender(),
                services.library(),
                services.lists(),
                services.claims(),
                services.digests(),
                status::line,
                metrics,
                health(),
                clock),
            services.harvestStore());
    web.start();
    if (config.server().publicUrl().getPort() == 0) {
      siteUrl.set("http://" + config.server().host() + ":" + web.port());
    }
    scheduler.schedule(status);
    scheduler.schedule(
        job("refresh-index", Duration.ofSeconds(1), false, workspace.follower::refreshIfBehind));
    if (!config.embeddedStore()) {
      // Papers imported, harvested or embedded by other nodes reach "for you" here within seconds.
      ChangeFollower changes =
          new ChangeFollower(workspace.store, workspace.lucene, config.embeddingModel().key());
      scheduler.schedule(job("follow-store", Duration.ofSeconds(2), false, changes::catchUp));
    }
    Digests digests = services.digests();
    if (digests.enabled()) {
      // Digest and harvest rounds wait on the network and sleep between requests: closing
      // interrupts them (a harvested page already stored stays; the next round resumes).
      // The first round waits one tick: a queued notice or a confirmation asks for a round at
      // once, so nothing waits on it, and delivery a test or a CLI run drives is not raced.
      digests.onNotice(
          scheduler.schedule(job("digest", digests.tick(), digests.tick(), true, digests::round))
              ::runSoon);
    }
    if (embedInBackground) {
      scheduler.schedule(embedJob);
    }
    HarvestScheduler harvests = new HarvestScheduler(services.harvests(), config.harvest(), clock);
    if (harvests.enabled()) {
      scheduler.schedule(job("harvest", HarvestScheduler.POLL, true, harvests::tick));
    }
    return web.port();
  }

  private Health health() {
    Health health =
        new Health()
            .check("store", () -> workspace.jdbc.count("SELECT 1") == 1 ? "answers" : "?")
            .check("index", () -> workspace.lucene.count() + " documents");
    if (workspace.index != workspace.lucene) {
      health.check("search", () -> workspace.index.count() + " documents in OpenSearch");
    }
    return health;
  }

  /** A round of work that needs no state of its own. */
  private interface Round {
    void run() throws InterruptedException;
  }

  private static Scheduler.Job job(
      String name, Duration every, boolean interruptible, Round round) {
    return job(name, Duration.ZERO, every, interruptible, round);
  }

  private static Scheduler.Job job(
      String name, Duration first, Duration every, boolean interruptible, Round round) {
    return new Scheduler.Job() {
      @Override
      public Duration firstAfter() {
        return first;
      }

      @Override
      public boolean interruptible() {
        return interruptible;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public Duration every() {
        return every;
      }

      @Override
      public void round() throws InterruptedException {
        round.run();
      }
    };
  }

  /** Imports files the way {@code paperboy import} does; the index follows the store. */
  public ImportReport importFiles(List<Path> inputs, LocalDate asOf) {
    ImportReport report =
        new Importer(workspace.store)
            .run(
                inputs,
                new ImportOptions(Optional.empty(), asOf, workspace.config.importBatchSize()),
                new ImportListener() {});
    workspace.index.commit();
    return report;
  }

  /** Live papers in the store. */
  public long papers() {
    return workspace.store.countLive();
  }

  /** Papers this process has embedded in the background since it started. */
  public long embeddedInBackground() {
    return embedJob == null ? 0 : embedJob.embedded().get();
  }

  /** The digest service of the running server (after {@link #start}). */
  public Digests digests() {
    return services.digests();
  }

  /** Embeds every paper that has none yet, now, on this thread. */
  public long embedAll() {
    return EmbeddingStage.run(workspace.store, embedder, workspace.index, n -> {});
  }

  /** Blocks until the process is told to stop (Ctrl-C / SIGTERM run {@link #close()}). */
  public void awaitShutdown() throws InterruptedException {
    Object lock = new Object();
    synchronized (lock) {
      while (!stopping.get()) {
        lock.wait(1_000);
      }
    }
  }

  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      if (scheduler != null) {
        scheduler.close();
      }
      if (web != null) {
        web.close();
      }
      if (metrics != null) {
        metrics.close();
      }
    } finally {
      try {
        embedder.close();
        if (services != null) {
          services.close();
        }
      } finally {
        workspace.close();
      }
    }
  }
}
