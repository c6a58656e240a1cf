package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.ingest.HfDailyParser;
import org.paperboy.ingest.Parsed;
import org.paperboy.paper.Paper;
import org.paperboy.testing.SharedData;
import org.paperboy.testing.WebClient;
import org.paperboy.testing.WebFixture;

/** The JSON API and the feeds against a running server over real Hugging Face days. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private WebFixture app;
  private WebClient anon;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    app = new WebFixture(dir, Map.of());
    anon = new WebClient(app.base);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void healthReadinessAndMetricsForOperators() throws Exception {
    HttpResponse<String> health = anon.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    HttpResponse<String> ready = anon.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode checks = JSON.readTree(ready.body()).get("checks");
    assertThat(checks.get("store").get("ok").asBoolean()).isTrue();
    assertThat(checks.get("store").get("detail").asText()).isEqualTo("answers");
    assertThat(checks.get("index").get("ok").asBoolean()).isTrue();

    assertThat(anon.get("/api/papers/search?q=diffusion&mode=hybrid").statusCode()).isEqualTo(200);
    assertThat(anon.get("/api/papers/search?q=diffusion&mode=keyword").statusCode()).isEqualTo(200);
    HttpResponse<String> scrape = anon.get("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String m = scrape.body();
    assertThat(m)
        .contains("http_server_requests_seconds_bucket{")
        .containsPattern(
            "http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/papers/search\",status=\"200\"\\} [1-9]")
        .containsPattern("paperboy_search_seconds_count\\{mode=\"hybrid\"\\} [1-9]")
        .containsPattern("paperboy_search_seconds_count\\{mode=\"keyword\"\\} [1-9]")
        .containsPattern("paperboy_embedding_queue\\{model=\"bge-small-en-v1.5-q\"\\} 0")
        .containsPattern("paperboy_papers [1-9]")
        .contains("paperboy_outbox_mails{status=\"pending\"} 0")
        .contains("paperboy_db_connections{state=\"active\"}")
        .contains("paperboy_http_threads{state=\"busy\"}")
        .contains("paperboy_job_leased{job=\"digest\"} 0")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads");
    // A raw path never becomes a label: an unknown page counts under "unmatched".
    anon.get("/no/such/page/" + System.nanoTime());
    assertThat(anon.get("/metrics").body())
        .contains("route=\"unmatched\"")
        .doesNotContain("/no/such/page");
    // Through a proxy it is not "this machine" any more.
    assertThat(anon.get("/metrics", "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(404);
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    for (String path : List.of("/", "/api/daily_papers", "/feeds/trending.atom", "/trending")) {
      HttpResponse<String> get = anon.get(path);
      HttpResponse<String> head =
          anon.send(
              HttpRequest.newBuilder(app.uri(path))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).as(path).isEqualTo(200).isEqualTo(get.statusCode());
      assertThat(head.headers().firstValue("Content-Type"))
          .as(path)
          .isEqualTo(get.headers().firstValue("Content-Type"));
      assertThat(head.body()).as(path).isEmpty();
    }
    HttpResponse<String> missing =
        anon.send(
            HttpRequest.newBuilder(app.uri("/papers/9999.99999"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  private static List<String> paperIds(JsonNode entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.get("paper").get("id").asText()));
    return out;
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = anon.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void dailyPapersSpeaksHuggingFacesFormat() throws Exception {
    // Our answer for a day, read back by our own parser of Hugging Face's format, carries the
    // same papers with the same fields as Hugging Face's own file for that day.
    String day = "2026-08-17";
    HttpResponse<String> r = anon.get("/api/daily_papers?date=" + day + "&limit=100");
    assertThat(r.statusCode()).isEqualTo(200);
    Parsed ours =
        Parsed.stream(
            new HfDailyParser(),
            new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
            day + ".json");
    Parsed theirs = Parsed.file(new HfDailyParser(), SharedData.path("hf-daily/" + day + ".json"));
    assertThat(ours.rejections()).isEmpty();
    Map<String, Paper> mine =
        ours.papers().stream().collect(Collectors.toMap(Paper::id, Function.identity()));
    assertThat(mine.keySet())
        .isEqualTo(theirs.papers().stream().map(Paper::id).collect(Collectors.toSet()));
    for (Paper hf : theirs.papers()) {
      Paper p = mine.get(hf.id());
      assertThat(p.title()).isEqualTo(hf.title());
      assertThat(p.abstractText()).isEqualTo(hf.abstractText());
      assertThat(p.authors()).isEqualTo(hf.authors());
      assertThat(p.upvotes()).isEqualTo(hf.upvotes());
      assertThat(p.dailyDate()).isEqualTo(hf.dailyDate());
      assertThat(p.published()).isEqualTo(hf.published());
      assertThat(p.codeUrl()).isEqualTo(hf.codeUrl());
      assertThat(p.githubStars()).as("githubStars of " + hf.id()).isEqualTo(hf.githubStars());
      assertThat(p.organization()).as("organization of " + hf.id()).isEqualTo(hf.organization());
    }
    assertThat(theirs.papers().stream().filter(p -> p.githubStars() != null)).isNotEmpty();
    assertThat(theirs.papers().stream().filter(p -> p.organization() != null)).isNotEmpty();
    JsonNode first = JSON.readTree(r.body()).get(0);
    for (String field : List.of("paper", "title", "summary", "numComments", "publishedAt")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    for (String field : List.of("id", "title", "summary", "authors", "publishedAt", "upvotes")) {
      assertThat(first.get("paper").has(field)).as("paper." + field).isTrue();
    }
  }

  @Test
  void dailyPapersSortsPagesAndCoversWeeksAndMonths() throws Exception {
    JsonNode trending = json("/api/daily_papers?date=2026-08-21&limit=100");
    List<Integer> ups = new ArrayList<>();
    trending.forEach(e -> ups.add(e.get("paper").get("upvotes").asInt()));
    assertThat(ups).isSortedAccordingTo((a, b) -> b - a); // one day: same age, so by upvotes

    JsonNode byDate = json("/api/daily_papers?date=2026-08-21&sort=publishedAt&limit=100");
    List<String> dates = new ArrayList<>();
    byDate.forEach(e -> dates.add(e.get("publishedAt").asText()));
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));

    // By GitHub stars: most first, papers without a repository's stars after all that have them.
    JsonNode byStars = json("/api/daily_papers?date=2026-08-21&sort=stars&limit=100");
    List<Integer> stars = new ArrayList<>();
    byStars.forEach(
        e ->
            stars.add(
                e.get("paper").has("githubStars")
                    ? e.get("paper").get("githubStars").asInt()
                    : -1));
    assertThat(stars).isSortedAccordingTo((a, b) -> b - a).contains(76, -1);
    assertThat(byStars.size()).isEqualTo(trending.size());

    JsonNode page0 = json("/api/daily_papers?date=2026-08-21&limit=5&p=0");
    JsonNode page1 = json("/api/daily_papers?date=2026-08-21&limit=5&p=1");
    assertThat(page0.size()).isEqualTo(5);
    assertThat(page1.get(0).get("paper").get("id").asText())
        .isEqualTo(trending.get(5).get("paper").get("id").asText());

    int days = 0;
    for (String d : WebFixture.DAYS) {
      days += total("/api/daily_papers?date=" + d);
    }
    assertThat(total("/api/daily_papers?week=2026-W34")).isEqualTo(days); // Mon–Fri of week 34
    assertThat(total("/api/daily_papers?month=2026-08")).isEqualTo(days);
    assertThat(json("/api/daily_papers?month=2026-08&limit=100").size()).isEqualTo(100);
    // Without a period: the newest day that has papers.
    assertThat(json("/api/daily_papers?limit=100").size())
        .isEqualTo(json("/api/daily_papers?date=2026-08-21&limit=100").size());
  }

  @Test
  void cardsShowStarsOrganisationAndWhereCommentsAre() {
    String day = anon.get("/papers/date/2026-08-21?sort=stars").body();
    // 2608.14022: 76 stars, listed under ForgeWM, one comment on Hugging Face and none here.
    String card = day.substring(day.indexOf("id=\"paper-2608.14022\""));
    card = card.substring(0, card.indexOf("</article>"));
    assertThat(card)
        .contains("★ 76")
        .contains("<span class=\"org\">ForgeWM</span>")
        .contains("1 comment on Hugging Face");
    assertThat(day.indexOf("paper-2608.14022")).isLessThan(day.indexOf("paper-2608.20335"));
    assertThat(day).contains("GitHub stars");
    String page = anon.get("/papers/2608.14022").body();
    assertThat(page)
        .contains("Comments here (0)")
        .contains("Hugging Face counts 1 comment on this paper")
        .contains("https://huggingface.co/papers/2608.14022");
  }

  private int total(String path) {
    return Integer.parseInt(anon.get(path).headers().firstValue("X-Total-Count").orElseThrow());
  }

  @Test
  void badParametersAndUnknownPapersGetProblemBodies() throws Exception {
    Map<String, Integer> cases = new HashMap<>();
    cases.put("/api/daily_papers?date=2026-13-01", 400);
    cases.put("/api/daily_papers?week=2026-W60", 400);
    cases.put("/api/daily_papers?date=2026-08-01&month=2026-08", 400);
    cases.put("/api/daily_papers?sort=best", 400);
    cases.put("/api/daily_papers?limit=0", 400);
    cases.put("/api/daily_papers?limit=abc", 400);
    cases.put("/api/papers/2608.99999", 404);
    cases.put("/api/papers/not-an-id", 404);
    cases.put("/api/papers/%27%3Cscript%3E", 404);
    cases.put("/api/papers/search?q=", 400);
    cases.put("/api/papers/search?q=x&mode=psychic", 400);
    cases.put("/api/papers/search?q=x&limit=100000", 400);
    cases.put("/api/nothing-here", 404);
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = anon.get(c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(c.getKey())
          .startsWith("application/problem+json");
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("status").asInt()).isEqualTo(c.getValue());
      assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("Exception");
    }
    // Pages answer with HTML errors, never a stack trace.
    for (String path : List.of("/papers/date/2026-99-99", "/papers/nonsense", "/no/such/page")) {
      HttpResponse<String> r = anon.get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(r.body()).contains("<html").doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  @Test
  void searchSimilarAndPaperEndpoints() throws Exception {
    JsonNode hits = json("/api/papers/search?q=agent+benchmark&mode=keyword&limit=5");
    assertThat(hits.size()).isEqualTo(5);
    assertThat(hits.get(0).get("highlightedSummary").asText()).contains("<mark>");
    String id = hits.get(0).get("paper").get("id").asText();
    JsonNode paper = json("/api/papers/" + id);
    assertThat(paper.get("id").asText()).isEqualTo(id);
    assertThat(paper.get("title").asText()).isEqualTo(hits.get(0).get("title").asText());

    JsonNode similar = json("/api/papers/" + id + "/similar?limit=7");
    assertThat(similar.size()).isEqualTo(7);
    Set<String> ids = new TreeSet<>();
    similar.forEach(e -> ids.add(e.get("paper").get("id").asText()));
    assertThat(ids).hasSize(7).doesNotContain(id);
    double last = Double.MAX_VALUE;
    for (JsonNode e : similar) {
      assertThat(e.get("similarity").asDouble()).isLessThanOrEqualTo(last);
      last = e.get("similarity").asDouble();
    }
    // Each way alone: embedding neighbours, more-like-this. Their lists differ, and the fused
    // list is drawn from both (each side contributes its 100 best).
    List<String> near = paperIds(json("/api/papers/" + id + "/similar?limit=7&mode=semantic"));
    List<String> words = paperIds(json("/api/papers/" + id + "/similar?limit=7&mode=keyword"));
    assertThat(near).hasSize(7).doesNotContain(id);
    assertThat(words).hasSize(7).doesNotContain(id).isNotEqualTo(near);
    Set<String> both = new TreeSet<>();
    both.addAll(paperIds(json("/api/papers/" + id + "/similar?limit=100&mode=semantic")));
    both.addAll(paperIds(json("/api/papers/" + id + "/similar?limit=100&mode=keyword")));
    assertThat(both).containsAll(ids);
    HttpResponse<String> bad = anon.get("/api/papers/" + id + "/similar?mode=fuzzy");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("mode: use keyword, semantic or hybrid");
    assertThat(json("/api/papers/" + id + "/comments").isArray()).isTrue();
  }

  @Test
  void everyDocumentedPathAnswersAndEveryApiRouteIsDocumented() throws Exception {
    JsonNode doc = json("/api/openapi.json");
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented)
        .contains(
            "/api/daily_papers",
            "/api/papers/search",
            "/api/papers/{id}",
            "/api/papers/{id}/similar",
            "/api/papers/{id}/upvote",
            "/api/papers/{id}/comments",
            "/api/for-you",
            "/api/papers/{id}/dismiss",
            "/api/topics");
    String id = json("/api/daily_papers?date=2026-08-20").get(0).get("paper").get("id").asText();
    // A public reading list stands in for {listId}.
    WebClient owner = new WebClient(app.base).signUp("lister", "correct horse battery");
    String listId =
        owner
            .submit("/lists", "/lists", Map.of("name", "Public list", "public", "true"))
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .substring("/lists/".length());
    for (String path : documented) {
      if (!doc.get("paths").get(path).has("get")) {
        continue;
      }
      String concrete =
          path.replace("{id}", id).replace("{listId}", listId).replace("{key}", "yijiang-li")
              + (path.endsWith("search") ? "?q=model" : "");
      // Endpoints that document a bearer token answer 401 without one; the rest are public.
      boolean needsToken = doc.get("paths").get(path).get("get").has("security");
      assertThat(anon.get(concrete).statusCode()).as(concrete).isEqualTo(needsToken ? 401 : 200);
    }
  }

  @Test
  void atomFeedsAreValidAtomWithAbsoluteLinks() throws Exception {
    for (String path :
        List.of("/feeds/daily.atom", "/feeds/trending.atom", "/feeds/search.atom?q=video")) {
      HttpResponse<String> r = anon.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/atom+xml");
      var doc =
          javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
      var root = doc.getDocumentElement();
      assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
      assertThat(root.getLocalName()).isEqualTo("feed");
      var entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
      assertThat(entries.getLength()).as(path).isGreaterThan(0);
      var link =
          (org.w3c.dom.Element)
              ((org.w3c.dom.Element) entries.item(0))
                  .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")
                  .item(0);
      assertThat(link.getAttribute("href")).startsWith(app.base + "/papers/");
    }
    assertThat(anon.get("/feeds/search.atom").statusCode()).isEqualTo(400);
  }

  @Test
  void oversizedRequestsAreRefused() {
    String big = "x".repeat(200_000);
    HttpResponse<String> r =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + big)));
    assertThat(r.statusCode()).isEqualTo(413);
    HttpResponse<String> api =
        anon.send(
            HttpRequest.newBuilder(URI.create(app.base + "/api/papers/2608.19880/comments"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer pb_x")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + big + "\"}")));
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(api.body()).contains("too large");
  }
}
