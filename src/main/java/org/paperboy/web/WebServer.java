package org.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.paperboy.harvest.HarvestStore;

/**
 * The HTTP server: pages, JSON API and Atom feeds over {@link WebServices}. Routes live in one
 * class per area; failures become responses in {@link ErrorMapper} only.
 */
public final class WebServer implements AutoCloseable {
  /** Largest request body accepted (forms and API); larger requests get 413. */
  public static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** The cap for a request to {@code path}: library imports may be larger. */
  static long maxBody(String path) {
    return path.equals("/library/import") || path.equals("/api/library/import")
        ? LibraryPages.MAX_IMPORT_BYTES
        : MAX_REQUEST_BYTES;
  }

  private final Javalin app;
  private final Runnable bound;
  private final String host;
  private final int port;

  private WebServer(Javalin app, String host, int port, Runnable bound) {
    this.app = app;
    this.host = host;
    this.port = port;
    this.bound = bound;
  }

  /** Binds the configured host and port (0: any free port) and starts serving. */
  public void start() {
    app.start(host, port);
    bound.run();
  }

  /** A server with every route installed, not yet started. */
  public static WebServer create(WebServices services, HarvestStore harvests) {
    var server = services.config().server();
    Auth auth = new Auth(services.accounts(), server.secureCookies());
    Pages pages = new Pages(new Templates(), auth);
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              // Few threads per core: more would only take turns on the same cores; waiting
              // connections queue in Jetty instead (measured in BENCHMARKS.md).
              QueuedThreadPool threads =
                  new QueuedThreadPool(
                      Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), 4);
              threads.setName("paperboy-http");
              services
                  .metrics()
                  .gauge(
                      "paperboy.http.threads",
                      "HTTP worker threads",
                      io.micrometer.core.instrument.Tags.of("state", "busy"),
                      threads::getBusyThreads);
              services
                  .metrics()
                  .gauge(
                      "paperboy.http.threads",
                      "HTTP worker threads",
                      io.micrometer.core.instrument.Tags.of("state", "idle"),
                      threads::getIdleThreads);
              services
                  .metrics()
                  .gauge(
                      "paperboy.http.queued",
                      "Requests waiting for an HTTP worker thread",
                      io.micrometer.core.instrument.Tags.empty(),
                      threads::getQueueSize);
              config.jetty.threadPool = threads;
              config.http.maxRequestSize = LibraryPages.MAX_IMPORT_BYTES; // per path: BodyLimit
              config.http.gzipOnlyCompression();
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/static";
                    files.directory = "/web/static";
                    files.location = Location.CLASSPATH;
                    files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
                  });
              config.jetty.modifyServer(
                  s -> {
                    s.setStopTimeout(2_000);
                    s.setErrorHandler(new ServerErrors());
                  });
              config.jetty.modifyServletContextHandler(
                  h -> {
                    var requests = java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST);
                    h.addFilter(
                        new org.eclipse.jetty.servlet.FilterHolder(
                            new BodyLimit(WebServer::maxBody)),
                        "/*",
                        requests);
                    h.addFilter(
                        new org.eclipse.jetty.servlet.FilterHolder(new HeadAsGet()),
                        "/*",
                        requests);
                  });
            });
    app.before(
        ctx -> {
          ctx.attribute(STARTED, System.nanoTime());
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Referrer-Policy", "same-origin");
          ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                  + " frame-ancestors 'none'; form-action 'self'");
          var cl = ctx.req().getContentLengthLong();
          long cap = maxBody(ctx.path());
          if (cl > cap) {
            throw new WebError(413, "the request is too large (at most " + cap / 1024 + " KiB)");
          }
        });
    app.after(ctx -> timed(services, ctx));
    new ErrorMapper(pages).install(app);
    FeedPages feeds = new FeedPages(services, pages, auth);
    // With port 0 the public URL is only known once the server is bound.
    java.util.concurrent.atomic.AtomicReference<String> base =
        new java.util.concurrent.atomic.AtomicReference<>(server.publicUrl().toString());
    AtomFeeds atom = new AtomFeeds(services, base::get);
    new Routes(
            feeds,
            new PaperPages(services, pages, auth, feeds),
            new SearchPage(services, pages, auth),
            new ForYouPages(services, pages, auth),
            new AccountPages(services, pages, auth),
            new DigestPages(services, pages, auth),
            new AdminPages(pages, auth, harvests),
            atom,
            new PaperApi(services, auth),
            new LibraryPages(services, pages, auth),
            new ListPages(services, pages, auth, atom),
            new AuthorPages(services, pages, auth, atom),
            new OpsEndpoints(services))
        .install(app);
    return new WebServer(
        app,
        server.host(),
        server.port(),
        () -> {
          if (server.publicUrl().getPort() == 0) {
            base.set("http://" + server.host() + ":" + app.port());
          }
        });
  }

  private static final String STARTED = "paperboy.started";

  /** Counts an answered request under its route template (bounded cardinality), not its path. */
  private static void timed(WebServices services, io.javalin.http.Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    String route;
    try {
      route = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      route = "";
    }
    // Javalin answers a sentence, not a template, when no route matched.
    if (route == null || !route.startsWith("/")) {
      route = ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
    }
    long nanos = System.nanoTime() - started;
    services.metrics().httpRequest(ctx.method().name(), route, ctx.statusCode(), nanos);
    if (services.config().server().requestLog()) {
      REQUESTS.info(
          "{\"method\":{},\"path\":{},\"route\":{},\"status\":{},\"ms\":{},\"client\":{}}",
          jsonString(ctx.method().name()),
          jsonString(ctx.path()),
          jsonString(route),
          ctx.statusCode(),
          String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6),
          jsonString(ctx.req().getRemoteAddr()));
    }
  }

  private static final org.slf4j.Logger REQUESTS =
      org.slf4j.LoggerFactory.getLogger("org.paperboy.requests");

  private static String jsonString(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "\"\"";
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
