package org.paperboy.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser-like HTTP client: its own cookies, redirects not followed (tests check them). */
public final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final String base;
  private final HttpClient http;

  public WebClient(String base) {
    this.base = base;
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  private WebClient(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** The same browser (same cookies) talking to another server, e.g. a second app node. */
  public WebClient rebased(String otherBase) {
    return new WebClient(otherBase, http);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> get(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token of the forms on a page. */
  public String csrf(String path) {
    Matcher m = CSRF.matcher(get(path).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + path);
    }
    return m.group(1);
  }

  /** Submits a form the way a browser would: with the page's CSRF token. */
  public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrf(pagePath));
    return postForm(action, all);
  }

  /** Signs up (or, when the name exists, signs in) and returns this client. */
  public WebClient signUp(String name, String password) {
    HttpResponse<String> r =
        submit("/signup", "/signup", Map.of("username", name, "password", password));
    if (r.statusCode() != 303) {
      throw new IllegalStateException("sign-up failed: " + r.statusCode() + " " + r.body());
    }
    return this;
  }

  /** Creates an API token on the settings page (signed in) and returns it. */
  public String apiToken() {
    String page = submit("/settings", "/settings/tokens", Map.of("label", "t")).body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"new-token\">([^<]+)<").matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no new token on the settings page");
    }
    return m.group(1);
  }

  /** The ids of the paper cards on a page, in page order. */
  public static List<String> cardIds(String html) {
    List<String> ids = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<article class=\"card\" id=\"paper-([^\"]+)\"")
            .matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
