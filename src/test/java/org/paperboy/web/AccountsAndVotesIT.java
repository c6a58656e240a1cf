package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.WebClient;
import org.paperboy.testing.WebFixture;

/** Accounts, sessions, CSRF, throttling, votes, comments, submissions and moderation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsAndVotesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery";
  private WebFixture app;
  private Path dir;
  private WebClient admin;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    app = new WebFixture(tmp.resolve("data"), Map.of());
    admin = new WebClient(app.base).signUp("first-admin", PASSWORD); // the first account
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private int upvotes(String id) throws Exception {
    return JSON.readTree(new WebClient(app.base).get("/api/papers/" + id).body())
        .get("upvotes")
        .asInt();
  }

  @Test
  void signUpSetsAHardenedSessionCookieAndStoresAnArgon2idHash() throws Exception {
    WebClient c = new WebClient(app.base);
    HttpResponse<String> r =
        c.submit("/signup", "/signup", Map.of("username", "ada", "password", PASSWORD));
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(h -> h.startsWith("pb_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie).doesNotContain("Secure"); // served over plain http here
    assertThat(c.get("/settings").body()).contains("Signed in as <strong>ada</strong>");

    try (var conn =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/paperboy.db"));
        var rs =
            conn.createStatement()
                .executeQuery("SELECT password_hash, role FROM users WHERE username = 'ada'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain(PASSWORD);
      assertThat(rs.getString(2)).isEqualTo("READER"); // only the first account is admin
    }
    // Names are unique regardless of case; weak passwords and bad names are refused clearly.
    assertThat(
            c.submit("/signup", "/signup", Map.of("username", "ADA", "password", PASSWORD)).body())
        .contains("that name is taken");
    assertThat(
            new WebClient(app.base)
                .submit("/signup", "/signup", Map.of("username", "bob", "password", "short"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            new WebClient(app.base)
                .submit("/signup", "/signup", Map.of("username", "<b>", "password", PASSWORD))
                .body())
        .contains("username:")
        .doesNotContain("<b>");
  }

  @Test
  void formsWithoutTheRightCsrfTokenAreRefused() throws Exception {
    WebClient c = new WebClient(app.base);
    // No token at all, and a token from another browser.
    assertThat(
            c.postForm("/signup", Map.of("username", "mallory", "password", PASSWORD)).statusCode())
        .isEqualTo(403);
    String foreign = new WebClient(app.base).csrf("/signup");
    c.csrf("/signup"); // c has its own cookie now
    assertThat(
            c.postForm(
                    "/signup", Map.of("username", "mallory", "password", PASSWORD, "csrf", foreign))
                .statusCode())
        .isEqualTo(403);
    // A signed-in reader's vote needs the session's token.
    WebClient voter = new WebClient(app.base).signUp("csrf-voter", PASSWORD);
    String id = app.firstPaper("2026-08-18");
    int before = upvotes(id);
    assertThat(voter.postForm("/actions/upvote", Map.of("paper", id, "vote", "1")).statusCode())
        .isEqualTo(403);
    assertThat(upvotes(id)).isEqualTo(before);
  }

  @Test
  void signInFailuresLookTheSameAndAreThrottled() {
    new WebClient(app.base).signUp("grace", PASSWORD);
    WebClient c = new WebClient(app.base);
    HttpResponse<String> wrongPassword =
        c.submit("/signin", "/signin", Map.of("username", "grace", "password", "nope nope nope"));
    HttpResponse<String> unknownUser =
        c.submit("/signin", "/signin", Map.of("username", "nobody-here", "password", "nope"));
    assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
    assertThat(errorOf(wrongPassword.body()))
        .isEqualTo(errorOf(unknownUser.body()))
        .isEqualTo("wrong username or password");
    for (int i = 0; i < 4; i++) {
      c.submit("/signin", "/signin", Map.of("username", "grace", "password", "still wrong"));
    }
    // Five failures: even the right password waits now.
    HttpResponse<String> throttled =
        c.submit("/signin", "/signin", Map.of("username", "grace", "password", PASSWORD));
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    app.clock.advance(java.time.Duration.ofMinutes(16));
    try {
      assertThat(
              c.submit("/signin", "/signin", Map.of("username", "grace", "password", PASSWORD))
                  .statusCode())
          .isEqualTo(303);
    } finally {
      app.clock.set(WebFixture.NOW);
    }
  }

  private static String errorOf(String html) {
    Matcher m = Pattern.compile("class=\"error\" role=\"alert\">([^<]*)<").matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void concurrentClicksCountOneVote() throws Exception {
    WebClient voter = new WebClient(app.base).signUp("clicker", PASSWORD);
    String id = app.firstPaper("2026-08-19");
    int before = upvotes(id);
    String csrf = voter.csrf("/papers/" + id);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> clicks = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        Callable<Integer> click =
            () ->
                voter
                    .postForm("/actions/upvote", Map.of("paper", id, "vote", "1", "csrf", csrf))
                    .statusCode();
        clicks.add(pool.submit(click));
      }
      for (Future<Integer> f : clicks) {
        assertThat(f.get()).isEqualTo(303);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(upvotes(id)).isEqualTo(before + 1);
    assertThat(voter.get("/papers/" + id).body()).contains("Upvoted");
    voter.postForm("/actions/upvote", Map.of("paper", id, "vote", "0", "csrf", csrf));
    assertThat(upvotes(id)).isEqualTo(before);
    // Anonymous visitors cannot vote.
    WebClient anon = new WebClient(app.base);
    HttpResponse<String> r =
        anon.submit("/signin", "/actions/upvote", Map.of("paper", id, "vote", "1"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(upvotes(id)).isEqualTo(before);
  }

  @Test
  void userTextIsEscapedEverywhere() throws Exception {
    WebClient c = new WebClient(app.base).signUp("escaper", PASSWORD);
    String id = app.firstPaper("2026-08-20");
    String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    HttpResponse<String> r =
        c.submit("/papers/" + id, "/actions/comment", Map.of("paper", id, "text", evil));
    assertThat(r.statusCode()).isEqualTo(303);
    String page = c.get("/papers/" + id).body();
    assertThat(page).doesNotContain(evil).doesNotContain("<script>alert");
    assertThat(page)
        .contains("&lt;script&gt;alert(")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<img src=x");
    // Search terms come back escaped too.
    String search = c.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E&mode=keyword").body();
    assertThat(search).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
    // Empty and oversized comments are refused with a reason.
    assertThat(
            c.submit("/papers/" + id, "/actions/comment", Map.of("paper", id, "text", "   "))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            c.submit(
                    "/papers/" + id,
                    "/actions/comment",
                    Map.of("paper", id, "text", "y".repeat(5001)))
                .body())
        .contains("at most 5000");
  }

  @Test
  void textAndLinksFromSourcesAreEscapedOrDropped() throws Exception {
    // A Hugging Face record with markup in its title and abstract and a javascript: code link.
    String hostile =
        "[{\"paper\":{\"id\":\"2608.99001\",\"title\":\"<img src=x onerror=alert(1)> Title\","
            + "\"summary\":\"<script>alert(2)</script> abstract\",\"authors\":[{\"name\":\"<b>Eve</b>\"}],"
            + "\"publishedAt\":\"2026-08-20T00:00:00.000Z\",\"submittedOnDailyAt\":\"2026-08-21T00:00:00.000Z\","
            + "\"upvotes\":1,\"githubRepo\":\"javascript:alert(3)\"},\"numComments\":0}]";
    Path file = dir.resolve("2026-08-21.json");
    java.nio.file.Files.writeString(file, hostile);
    assertThat(
            app.runtime.importFiles(List.of(file), java.time.LocalDate.of(2026, 8, 21)).rejected())
        .isZero();
    String page = new WebClient(app.base).get("/papers/2608.99001").body();
    assertThat(page)
        .contains("&lt;img src=x onerror=alert(1)&gt; Title")
        .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
        .contains("&lt;b&gt;Eve&lt;/b&gt;")
        .doesNotContain("<img src=x")
        .doesNotContain("<script>alert")
        .doesNotContain("javascript:alert");
    assertThat(new WebClient(app.base).get("/papers/date/2026-08-21").body())
        .contains("&lt;img src=x onerror=alert(1)&gt; Title")
        .doesNotContain("<img src=x");
  }

  @Test
  void apiWritesNeedATokenAndCountOneVotePerReader() throws Exception {
    String id = app.firstPaper("2026-08-17");
    int before = upvotes(id);
    WebClient anon = new WebClient(app.base);
    HttpResponse<String> noToken =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id + "/upvote"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(noToken.statusCode()).isEqualTo(401);
    HttpResponse<String> badToken =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id + "/upvote"))
                .header("Authorization", "Bearer pb_madeup")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(badToken.statusCode()).isEqualTo(401);

    WebClient reader = new WebClient(app.base).signUp("api-reader", PASSWORD);
    String page = reader.submit("/settings", "/settings/tokens", Map.of("label", "laptop")).body();
    Matcher m = Pattern.compile("id=\"new-token\">([^<]+)<").matcher(page);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> up =
          anon.send(
              HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id + "/upvote"))
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(up.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(up.body());
      assertThat(body.get("changed").asBoolean()).isEqualTo(i == 0);
      assertThat(body.get("upvotes").asInt()).isEqualTo(before + 1);
    }
    HttpResponse<String> comment =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id + "/comments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Nice & <clear>\"}")));
    assertThat(comment.statusCode()).isEqualTo(201);
    JsonNode comments = JSON.readTree(anon.get("/api/papers/" + id + "/comments").body());
    assertThat(comments.get(comments.size() - 1).get("text").asText()).isEqualTo("Nice & <clear>");
    assertThat(comments.get(comments.size() - 1).get("author").get("name").asText())
        .isEqualTo("api-reader");
    HttpResponse<String> badJson =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id + "/comments"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{text: nope")));
    assertThat(badJson.statusCode()).isEqualTo(400);
    HttpResponse<String> down =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id + "/upvote"))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(JSON.readTree(down.body()).get("upvotes").asInt()).isEqualTo(before);
  }

  @Test
  void submissionsLandOnTodaysListAndDuplicatesAreRefused() throws Exception {
    WebClient c = new WebClient(app.base).signUp("submitter", PASSWORD);
    // An old-style id that is not in the store: its metadata comes from the (recorded) arXiv API.
    HttpResponse<String> r =
        c.submit("/submit", "/submit", Map.of("paper", "https://arxiv.org/abs/hep-ex/0307015v2"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("is on the list of 2026-08-21");
    JsonNode paper = JSON.readTree(c.get("/api/papers/hep-ex/0307015").body());
    assertThat(paper.get("submittedOnDailyAt").asText()).startsWith("2026-08-21");
    assertThat(paper.get("title").asText()).isNotBlank();
    assertThat(c.get("/papers/hep-ex/0307015").body()).contains("submitted by submitter");
    JsonNode today = JSON.readTree(c.get("/api/daily_papers?date=2026-08-21&limit=100").body());
    List<String> ids = new ArrayList<>();
    today.forEach(e -> ids.add(e.get("paper").get("id").asText()));
    assertThat(ids).contains("hep-ex/0307015");
    assertThat(app.arxiv.requests()).anyMatch(u -> u.getRawQuery().contains("0307015"));

    HttpResponse<String> again = c.submit("/submit", "/submit", Map.of("paper", "hep-ex/0307015"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already on the daily list of 2026-08-21");
    String listed = app.firstPaper("2026-08-20");
    assertThat(c.submit("/submit", "/submit", Map.of("paper", listed)).body())
        .contains("already on the daily list of 2026-08-20");
    assertThat(c.submit("/submit", "/submit", Map.of("paper", "javascript:alert(1)")).body())
        .contains("is not an arXiv id or arXiv URL");
    assertThat(c.submit("/submit", "/submit", Map.of("paper", "2609.00001")).body())
        .contains("arXiv has no paper with id 2609.00001");
  }

  @Test
  void behindTlsCookiesAreSecureAndAnUnreachableArxivIsExplained(@TempDir Path other)
      throws Exception {
    try (WebFixture offline =
        new WebFixture(
            other,
            Map.of(
                "arxiv.api-url", "http://127.0.0.1:9/api/query",
                "server.public-url", "https://papers.example.org"))) {
      // A client that keeps cookies by hand: Java's cookie store would not send Secure cookies
      // back over the plain-http loopback connection.
      var http = java.net.http.HttpClient.newHttpClient();
      HttpResponse<String> form =
          http.send(
              HttpRequest.newBuilder(URI.create(offline.base + "/signup")).build(),
              HttpResponse.BodyHandlers.ofString());
      String csrfCookie = cookie(form, "pb_csrf");
      assertThat(setCookie(form, "pb_csrf")).contains("Secure").contains("HttpOnly");
      HttpResponse<String> signup =
          http.send(
              HttpRequest.newBuilder(URI.create(offline.base + "/signup"))
                  .header("Cookie", "pb_csrf=" + csrfCookie)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=tls&password=correct+horse+battery&csrf=" + csrfCookie))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signup.statusCode()).isEqualTo(303);
      assertThat(setCookie(signup, "pb_session")).contains("Secure").contains("HttpOnly");
      String session = cookie(signup, "pb_session");
      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create(offline.base + "/submit"))
                      .header("Cookie", "pb_session=" + session)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(m.find()).isTrue();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(offline.base + "/submit"))
                  .header("Cookie", "pb_session=" + session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("paper=2401.00001&csrf=" + m.group(1)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("is not reachable").contains("try again later");
    }
  }

  private static String setCookie(HttpResponse<?> r, String name) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie set"));
  }

  private static String cookie(HttpResponse<?> r, String name) {
    String h = setCookie(r, name);
    return h.substring(name.length() + 1, h.indexOf(';'));
  }

  @Test
  void adminsHidePapersAndCommentsOthersCannot() throws Exception {
    String id = app.firstPaper("2026-08-21");
    WebClient reader = new WebClient(app.base).signUp("plain-reader", PASSWORD);
    assertThat(
            reader.submit("/papers/" + id, "/admin/papers/hide", Map.of("paper", id)).statusCode())
        .isEqualTo(403);
    assertThat(
            admin.submit("/papers/" + id, "/admin/papers/hide", Map.of("paper", id)).statusCode())
        .isEqualTo(303);
    assertThat(reader.get("/papers/" + id).statusCode()).isEqualTo(404);
    assertThat(reader.get("/api/papers/" + id).statusCode()).isEqualTo(404);
    assertThat(reader.get("/").body()).doesNotContain("/papers/" + id + "\"");
    assertThat(admin.get("/papers/" + id).body()).contains("hidden from everyone but admins");
    // One rule on pages and in the API: an admin's token opens the hidden paper, a bad one is 401.
    String page = admin.submit("/settings", "/settings/tokens", Map.of("label", "ops")).body();
    Matcher t = Pattern.compile("id=\"new-token\">([^<]+)<").matcher(page);
    assertThat(t.find()).isTrue();
    WebClient anon = new WebClient(app.base);
    HttpResponse<String> asAdmin =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id))
                .header("Authorization", "Bearer " + t.group(1)));
    assertThat(asAdmin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(asAdmin.body()).get("id").asText()).isEqualTo(id);
    assertThat(
            anon.send(
                    HttpRequest.newBuilder(URI.create(app.base + "/api/papers/" + id))
                        .header("Authorization", "Bearer pb_madeup"))
                .statusCode())
        .isEqualTo(401);
    admin.submit("/papers/" + id, "/admin/papers/hide", Map.of("paper", id, "hidden", "false"));
    assertThat(reader.get("/papers/" + id).statusCode()).isEqualTo(200);

    reader.submit("/papers/" + id, "/actions/comment", Map.of("paper", id, "text", "spam spam"));
    Matcher m =
        Pattern.compile("id=\"comment-([0-9a-f]{12})\"").matcher(admin.get("/papers/" + id).body());
    assertThat(m.find()).isTrue();
    admin.submit("/papers/" + id, "/admin/comments/hide", Map.of("comment", m.group(1)));
    assertThat(admin.get("/admin/harvest").statusCode()).isEqualTo(200);
    assertThat(reader.get("/admin/harvest").statusCode()).isEqualTo(403);
    assertThat(reader.get("/papers/" + id).body()).doesNotContain("spam spam");
    assertThat(admin.get("/papers/" + id).body()).contains("spam spam");
  }

  @Test
  void signOutEndsTheSession() {
    WebClient c = new WebClient(app.base).signUp("leaver", PASSWORD);
    assertThat(c.get("/settings").statusCode()).isEqualTo(200);
    assertThat(c.submit("/settings", "/signout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(c.get("/settings").statusCode()).isEqualTo(303); // back to sign-in
  }
}
