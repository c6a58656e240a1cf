package org.paperboy.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The web server's address and the public base URL readers reach it at (links in feeds and mails).
 * A public URL starting with {@code https} marks cookies {@code Secure}.
 *
 * @param host keys {@code server.host}; default 127.0.0.1 (reachable from this machine only)
 * @param port key {@code server.port}; default 8080
 * @param publicUrl key {@code server.public-url}; default {@code http://HOST:PORT}
 * @param metrics key {@code server.metrics}: who may read {@code /metrics}; default {@code
 *     loopback}
 * @param requestLog key {@code server.request-log}: one structured log line per request; default
 *     off
 */
public record ServerSettings(
    String host, int port, URI publicUrl, MetricsAccess metrics, boolean requestLog) {
  /** Who may read the Prometheus metrics at {@code /metrics}. */
  public enum MetricsAccess {
    /** Nobody: {@code /metrics} is not there. */
    OFF,
    /**
     * Clients on this machine only (a Prometheus beside it, or an SSH tunnel); a request that came
     * through a proxy ({@code X-Forwarded-For}, {@code Forwarded}) is refused too.
     */
    LOOPBACK,
    /** Anyone who can reach the server. */
    PUBLIC;

    static MetricsAccess parse(String v) {
      return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "off" -> OFF;
        case "loopback" -> LOOPBACK;
        case "public" -> PUBLIC;
        default ->
            throw new ConfigException(
                "server.metrics: use off, loopback or public, was '" + v + "'");
      };
    }
  }

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public ServerSettings {
    if (host == null || host.isBlank()) {
      throw new ConfigException("server.host: must not be empty");
    }
    if (port < 0 || port > 65_535) {
      throw new ConfigException("server.port: must be between 0 and 65535, was " + port);
    }
    String scheme = publicUrl == null ? null : publicUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new ConfigException("server.public-url: must be an http(s) URL, was " + publicUrl);
    }
  }

  public static ServerSettings defaults() {
    return of(DEFAULT_HOST, DEFAULT_PORT, null);
  }

  public static ServerSettings of(String host, int port, String publicUrl) {
    return of(host, port, publicUrl, "loopback", false);
  }

  /** Settings with the public URL derived from host and port when {@code publicUrl} is null. */
  public static ServerSettings of(
      String host, int port, String publicUrl, String metrics, boolean requestLog) {
    String url =
        publicUrl == null || publicUrl.isBlank() ? "http://" + host + ":" + port : publicUrl;
    try {
      URI u = new URI(url.strip().replaceAll("/+$", ""));
      return new ServerSettings(host, port, u, MetricsAccess.parse(metrics), requestLog);
    } catch (URISyntaxException e) {
      throw new ConfigException("server.public-url: not a URL: '" + url + "'");
    }
  }

  public boolean secureCookies() {
    return "https".equals(publicUrl.getScheme());
  }
}
