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

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving on the configured host and port (0: any free port). */
  public static WebServer start(WebServices services, HarvestStore harvests) {
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
              config.jetty.threadPool = threads;
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
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
                            new BodyLimit(MAX_REQUEST_BYTES)),
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
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Referrer-Policy", "same-origin");
          ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                  + " frame-ancestors 'none'; form-action 'self'");
          var cl = ctx.req().getContentLengthLong();
          if (cl > MAX_REQUEST_BYTES) {
            throw new WebError(
                413, "the request is too large (at most " + MAX_REQUEST_BYTES / 1024 + " KiB)");
          }
        });
    new ErrorMapper(pages).install(app);
    FeedPages feeds = new FeedPages(services, pages, auth);
    feeds.install(app);
    new PaperPages(services, pages, auth, feeds).install(app);
    new SearchPage(services, pages, auth).install(app);
    new ForYouPages(services, pages, auth).install(app);
    new AccountPages(services, pages, auth).install(app);
    new DigestPages(services, pages, auth).install(app);
    new ApiRoutes(services, auth).install(app);
    new AdminPages(pages, auth, harvests).install(app);
    // With port 0 the public URL is only known once the server is bound.
    java.util.concurrent.atomic.AtomicReference<String> base =
        new java.util.concurrent.atomic.AtomicReference<>(server.publicUrl().toString());
    new AtomFeeds(services, base::get).install(app);
    app.start(server.host(), server.port());
    if (server.publicUrl().getPort() == 0) {
      base.set("http://" + server.host() + ":" + app.port());
    }
    return new WebServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
