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
 */
public record ServerSettings(String host, int port, URI publicUrl) {
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

  /** Settings with the public URL derived from host and port when {@code publicUrl} is null. */
  public static ServerSettings of(String host, int port, String publicUrl) {
    String url =
        publicUrl == null || publicUrl.isBlank() ? "http://" + host + ":" + port : publicUrl;
    try {
      URI u = new URI(url.strip().replaceAll("/+$", ""));
      return new ServerSettings(host, port, u);
    } catch (URISyntaxException e) {
      throw new ConfigException("server.public-url: not a URL: '" + url + "'");
    }
  }

  public boolean secureCookies() {
    return "https".equals(publicUrl.getScheme());
  }
}
