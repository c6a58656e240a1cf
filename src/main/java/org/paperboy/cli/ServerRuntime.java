package org.paperboy.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.paperboy.account.AccountStore;
import org.paperboy.account.Accounts;
import org.paperboy.community.CommunityStore;
import org.paperboy.community.Submissions;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.digest.Digests;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingStage;
import org.paperboy.feed.FeedService;
import org.paperboy.foryou.InterestStore;
import org.paperboy.foryou.Recommender;
import org.paperboy.harvest.HarvestScheduler;
import org.paperboy.harvest.HarvestStore;
import org.paperboy.harvest.Harvests;
import org.paperboy.index.ChangeFollower;
import org.paperboy.index.IndexFollower;
import org.paperboy.ingest.ArxivApiClient;
import org.paperboy.ingest.ImportListener;
import org.paperboy.ingest.ImportOptions;
import org.paperboy.ingest.ImportReport;
import org.paperboy.ingest.Importer;
import org.paperboy.jobs.JobLease;
import org.paperboy.jobs.Sleeper;
import org.paperboy.ops.Health;
import org.paperboy.ops.Metrics;
import org.paperboy.ops.ServeGauges;
import org.paperboy.search.PaperSearcher;
import org.paperboy.web.WebServer;
import org.paperboy.web.WebServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serving process: the workspace (store + index), the web server, and a background thread that
 * embeds papers which have no embedding yet, so semantic search joins as it goes.
 */
public final class ServerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);
  private static final long EMBED_POLL_MS = 30_000;
  private static final long FOLLOW_EVERY_MS = 2_000;

  final Workspace workspace;
  final IndexFollower follower;
  private final Embedder embedder;
  private final Thread embedding;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicLong embeddedNow = new AtomicLong();
  private final AtomicLong embeddedHere = new AtomicLong();
  private volatile boolean embeddingBusy;
  private WebServer web;
  private Thread harvesting;
  private Thread digesting;
  private Thread following;
  private volatile Clock embedClock = Clock.systemUTC();
  private Digests digests;
  private Metrics metrics;
  private final java.util.concurrent.atomic.AtomicReference<String> siteUrl =
      new java.util.concurrent.atomic.AtomicReference<>();
  private Thread statusThread;

  private ServerRuntime(Workspace workspace, Embedder embedder) {
    this.workspace = workspace;
    this.embedder = embedder;
    this.follower =
        new IndexFollower(
            workspace.store, workspace.index, workspace.config.embeddingModel().key());
    this.siteUrl.set(workspace.config.server().publicUrl().toString());
    this.embedding = new Thread(this::embedLoop, "paperboy-embed");
    this.embedding.setDaemon(true);
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

  /** Starts the web server (and, when asked, the embedding thread); returns the bound port. */
  public int start(Clock clock, boolean embedInBackground) {
    PaperboyConfig config = workspace.config;
    CommunityStore community = new CommunityStore(workspace.jdbc);
    HarvestStore harvestStore = new HarvestStore(workspace.jdbc);
    Accounts accounts = new Accounts(new AccountStore(workspace.jdbc), clock);
    accounts.sweep();
    FeedService feed = new FeedService(workspace.store, community, clock);
    PaperSearcher searcher = workspace.searcher(Optional.of(embedder));
    Recommender recommender =
        new Recommender(
            workspace.lucene,
            workspace.store,
            community,
            new InterestStore(workspace.jdbc),
            feed,
            config.embeddingModel().key(),
            clock);
    Digests digests =
        new Digests(
            config.mail(),
            workspace.jdbc,
            feed,
            recommender,
            recommender.interests(),
            siteUrl::get,
            clock,
            Sleeper.REAL,
            new JobLease(workspace.jdbc, "digest", config.jobs().lease(), clock),
            config.jobs().tick());
    this.digests = digests;
    metrics = new Metrics();
    ServeGauges.register(
        metrics,
        new ServeGauges.Sources(
            workspace.store,
            config.embeddingModel().key(),
            embeddedHere,
            () -> embeddingBusy,
            digests.outbox(),
            harvestStore,
            workspace.jdbc,
            config.jobs().lease(),
            clock));
    Health health =
        new Health()
            .check("store", () -> workspace.jdbc.count("SELECT 1") == 1 ? "answers" : "?")
            .check("index", () -> workspace.lucene.count() + " documents");
    if (workspace.index != workspace.lucene) {
      health.check("search", () -> workspace.index.count() + " documents in OpenSearch");
    }
    WebServices services =
        new WebServices(
            config,
            workspace.store,
            feed,
            accounts,
            community,
            new Submissions(
                workspace.store,
                community,
                new ArxivApiClient(URI.create(config.arxivApi().toString())),
                c -> {
                  follower.accept(c);
                  workspace.index.refresh();
                },
                clock),
            searcher,
            recommender,
            digests,
            this::searchStatus,
            metrics,
            health,
            clock);
    Harvests harvests =
        new Harvests(
            config.harvest(),
            config.arxivApi(),
            harvestStore,
            workspace.store,
            c -> {
              follower.accept(c);
              workspace.index.refresh();
            },
            clock,
            Sleeper.REAL);
    statusThread = new Thread(this::statusLoop, "paperboy-status");
    statusThread.setDaemon(true);
    statusThread.start();
    web = WebServer.start(services, harvests.state());
    if (config.server().publicUrl().getPort() == 0) {
      siteUrl.set("http://" + config.server().host() + ":" + web.port());
    }
    if (!config.embeddedStore()) {
      ChangeFollower changes =
          new ChangeFollower(workspace.store, workspace.lucene, config.embeddingModel().key());
      following = new Thread(() -> followLoop(changes), "paperboy-follow");
      following.setDaemon(true);
      following.start();
    }
    if (digests.enabled()) {
      digesting = new Thread(digests::runLoop, "paperboy-digest");
      digesting.setDaemon(true);
      digesting.start();
    }
    if (embedInBackground) {
      embedClock = clock;
      embedding.start();
    }
    HarvestScheduler scheduler = new HarvestScheduler(harvests, config.harvest(), clock);
    if (scheduler.enabled()) {
      harvesting = new Thread(scheduler, "paperboy-harvest");
      harvesting.setDaemon(true);
      harvesting.start();
    }
    return web.port();
  }

  /** Imports files the way {@code paperboy import} does, keeping the index in step. */
  public ImportReport importFiles(List<Path> inputs, LocalDate asOf) {
    Importer importer = new Importer(workspace.store, follower);
    ImportReport report =
        importer.run(
            inputs,
            new ImportOptions(Optional.empty(), asOf, workspace.config.importBatchSize()),
            new ImportListener() {});
    workspace.index.commit();
    return report;
  }

  /** Papers this process has embedded in the background since it started. */
  public long embeddedInBackground() {
    return embeddedHere.get();
  }

  /** The digest service of the running server (after {@link #start}). */
  public Digests digests() {
    return digests;
  }

  /** Embeds every paper that has none yet, now, on this thread. */
  public long embedAll() {
    return EmbeddingStage.run(workspace.store, embedder, workspace.index, n -> {});
  }

  private static final long STATUS_EVERY_MS = 10_000;
  private volatile String status;

  /**
   * A line for the search page while embeddings are missing; null when all papers have one.
   * Counting papers scans the store, so a background thread recomputes it every 10 seconds and
   * requests only read it.
   */
  private String searchStatus() {
    return status;
  }

  private void statusLoop() {
    repeat(
        STATUS_EVERY_MS,
        () -> status = computeSearchStatus(),
        e -> LOG.debug("search status not available: {}", e.getMessage()));
  }

  /**
   * Runs {@code round} every {@code everyMs} until the server stops; a round that throws is handed
   * to {@code failed} (unless the server is stopping) and the next round runs as usual.
   */
  private void repeat(long everyMs, Runnable round, Consumer<RuntimeException> failed) {
    while (!stopping.get()) {
      try {
        round.run();
      } catch (RuntimeException e) {
        if (!stopping.get()) {
          failed.accept(e);
        }
      }
      try {
        Thread.sleep(everyMs);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private String computeSearchStatus() {
    String model = workspace.config.embeddingModel().key();
    long live = workspace.store.countLive();
    long done = workspace.store.embeddings().count(model);
    if (live == 0 || done >= live) {
      return null;
    }
    return String.format(
        "Semantic search covers %,d of %,d papers so far (%d%%)%s; keyword search covers all.",
        done, live, done * 100 / live, embeddingBusy ? ", embedding the rest now" : "");
  }

  /**
   * Applies the shared store's changes to this node's local index every {@link #FOLLOW_EVERY_MS}:
   * papers imported, harvested or embedded by other nodes reach "for you" here within seconds.
   */
  private void followLoop(ChangeFollower changes) {
    repeat(
        FOLLOW_EVERY_MS,
        () -> {
          int n = changes.catchUp();
          if (n > 0) {
            LOG.debug("applied {} papers changed in the store", n);
          }
        },
        e -> LOG.warn("following the store's changes failed: {}; retrying", e.getMessage()));
  }

  /**
   * Embeds papers that have none yet, every {@link #EMBED_POLL_MS}, while holding the "embed" job
   * lease: with several app nodes on one store one of them embeds (renewing the lease before each
   * batch) and the others skip the round, instead of all embedding the same papers.
   */
  private void embedLoop() {
    JobLease lease =
        new JobLease(workspace.jdbc, "embed", workspace.config.jobs().lease(), embedClock);
    repeat(
        EMBED_POLL_MS,
        () -> {
          if (!lease.hold()) {
            return;
          }
          embeddingBusy = true;
          try {
            String model = embedder.id().key();
            long start = System.nanoTime();
            AtomicBoolean announced = new AtomicBoolean();
            // Counted only once a first batch was found, so an idle poll runs no count queries.
            LongConsumer progress =
                done -> {
                  embeddedNow.set(done);
                  if (done > 0 && announced.compareAndSet(false, true)) {
                    LOG.info(
                        "embedding {} papers in the background with {}",
                        done
                            + workspace.store.countLive()
                            - workspace.store.embeddings().count(model),
                        model);
                  }
                };
            long n =
                EmbeddingStage.run(
                    workspace.store, embedder, workspace.index, progress, lease::hold);
            if (n > 0) {
              embeddedHere.addAndGet(n);
              double seconds = Math.max(1, System.nanoTime() - start) / 1e9;
              LOG.info(
                  "embedded {} papers in {} s ({} papers/s); {} still without an embedding",
                  n,
                  Math.round(seconds),
                  Math.round(n / seconds),
                  workspace.store.countLive() - workspace.store.embeddings().count(model));
            }
            lease.release();
          } finally {
            embeddingBusy = false;
          }
        },
        e -> LOG.warn("embedding stopped: {}; retrying later", e.getMessage()));
  }

  /** Blocks until the process is told to stop (Ctrl-C / SIGTERM run {@link #close()}). */
  void awaitShutdown() throws InterruptedException {
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
    embedding.interrupt();
    if (harvesting != null) {
      harvesting.interrupt();
    }
    if (digesting != null) {
      digesting.interrupt();
      try {
        digesting.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (statusThread != null) {
      statusThread.interrupt();
    }
    if (following != null) {
      following.interrupt();
      try {
        following.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      embedding.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (web != null) {
        web.close();
      }
      if (metrics != null) {
        metrics.close();
      }
    } finally {
      try {
        embedder.close();
        if (digests != null) {
          digests.close();
        }
      } finally {
        workspace.close();
      }
    }
  }
}
