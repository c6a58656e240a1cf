package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.library.LibraryFile;
import org.paperboy.testing.WebClient;
import org.paperboy.testing.WebFixture;

/**
 * Reading lists through the pages (forms, no JavaScript), their downloads and feed, and the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingListsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery";
  private static final List<String> PAPERS = List.of("2608.16887", "2608.17286", "2608.16793");

  private WebFixture app;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    app = new WebFixture(tmp.resolve("data"), Map.of());
    new WebClient(app.base).signUp("the-admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void aReaderBuildsOrdersAnnotatesSharesAndCitesAList() throws Exception {
    WebClient ada = new WebClient(app.base).signUp("ada", PASSWORD);
    // ☆ on a card saves to a first list, created on demand.
    String saved = location(ada.submit("/", "/lists/save", Map.of("paper", PAPERS.get(0))));
    assertThat(saved).startsWith("/lists/");
    String list = saved;
    assertThat(ada.get(list).body()).contains("Saved papers").contains("paper-" + PAPERS.get(0));

    // The paper page adds to the list, with a note, and shows where the paper is.
    String page = "/papers/" + PAPERS.get(1);
    assertThat(ada.get(page).body()).contains("Add to “Saved papers”");
    ada.submit(page, list + "/add", Map.of("paper", PAPERS.get(1), "note", "read section 3"));
    ada.submit(page, list + "/add", Map.of("paper", PAPERS.get(2)));
    assertThat(ada.get(page).body())
        .contains("In your lists: <a href=\"" + list + "\">Saved papers</a>");
    String html = ada.get(list).body();
    assertThat(WebClient.cardIds(html)).containsExactlyElementsOf(PAPERS);
    assertThat(html).contains("read section 3");

    // Reorder: the last paper moves up twice and leads.
    ada.submit(list, list + "/move", Map.of("paper", PAPERS.get(2), "by", "-1"));
    ada.submit(list, list + "/move", Map.of("paper", PAPERS.get(2), "by", "-1"));
    ada.submit(list, list + "/move", Map.of("paper", PAPERS.get(2), "by", "-1")); // already first
    assertThat(WebClient.cardIds(ada.get(list).body()))
        .containsExactly(PAPERS.get(2), PAPERS.get(0), PAPERS.get(1));
    ada.submit(list, list + "/note", Map.of("paper", PAPERS.get(1), "note", "skip the appendix"));
    ada.submit(list, list + "/remove", Map.of("paper", PAPERS.get(0)));
    assertThat(WebClient.cardIds(ada.get(list).body()))
        .containsExactly(PAPERS.get(2), PAPERS.get(1));

    // Private: others cannot see it, its feed, or change it.
    WebClient bob = new WebClient(app.base).signUp("bob", PASSWORD);
    WebClient anon = new WebClient(app.base);
    assertThat(bob.get(list).statusCode()).isEqualTo(404);
    assertThat(anon.get(list + ".bib").statusCode()).isEqualTo(404);
    assertThat(bob.submit("/lists", list + "/delete", Map.of()).statusCode()).isEqualTo(404);

    // Public: a stable URL anyone can read, an Atom feed, BibTeX and RIS in list order.
    ada.submit(list, list + "/edit", Map.of("name", "Generative models", "public", "true"));
    assertThat(anon.get(list).body()).contains("Generative models").doesNotContain("save note");
    HttpResponse<String> feed = anon.get(list + ".atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).contains("<feed").contains(PAPERS.get(2)).contains(PAPERS.get(1));
    LibraryFile.Parsed bib = LibraryFile.parse(anon.get(list + ".bib").body());
    assertThat(bib.entries())
        .extracting(e -> e.arxivId().orElseThrow())
        .containsExactly(PAPERS.get(2), PAPERS.get(1));
    assertThat(anon.get(list + ".ris").body()).contains("AN  - arXiv:" + PAPERS.get(2));

    // Bad input: a clear 400 or 404, nothing changed.
    assertThat(ada.submit(list, list + "/edit", Map.of("name", "x".repeat(101))).statusCode())
        .isEqualTo(400);
    assertThat(ada.submit(list, list + "/add", Map.of("paper", "2699.99999")).statusCode())
        .isEqualTo(404);
    HttpResponse<String> longNote =
        ada.submit(list, list + "/note", Map.of("paper", PAPERS.get(1), "note", "n".repeat(501)));
    assertThat(longNote.statusCode()).isEqualTo(400);
    assertThat(longNote.body()).contains("note: at most 500 characters");
    assertThat(ada.get(list).body()).contains("Generative models").contains("skip the appendix");

    ada.submit(list, list + "/delete", Map.of());
    assertThat(ada.get(list).statusCode()).isEqualTo(404);
    assertThat(ada.get("/lists").body()).contains("No lists yet");
  }

  @Test
  void theApiListsCreatesAndFillsLists() throws Exception {
    WebClient c = new WebClient(app.base).signUp("api-reader", PASSWORD);
    String token = c.apiToken();
    HttpResponse<String> created = api(c, token, "POST", "/api/lists?name=To%20read&public=true");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    assertThat(
            api(
                    c,
                    token,
                    "POST",
                    "/api/lists/" + id + "/papers?paper=" + PAPERS.get(0) + "&note=first")
                .statusCode())
        .isEqualTo(200);
    JsonNode again =
        JSON.readTree(
            api(c, token, "POST", "/api/lists/" + id + "/papers?paper=" + PAPERS.get(0)).body());
    assertThat(again.get("added").asBoolean()).isFalse();
    JsonNode list = JSON.readTree(new WebClient(app.base).get("/api/lists/" + id).body());
    assertThat(list.get("name").asText()).isEqualTo("To read");
    assertThat(list.get("papers").get(0).get("paper").get("id").asText()).isEqualTo(PAPERS.get(0));
    assertThat(list.get("papers").get(0).get("note").asText()).isEqualTo("first");
    JsonNode mine = JSON.readTree(api(c, token, "GET", "/api/lists").body());
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("paperCount").asInt()).isEqualTo(1);
    assertThat(
            api(c, token, "DELETE", "/api/lists/" + id + "/papers?paper=" + PAPERS.get(0))
                .statusCode())
        .isEqualTo(200);
    assertThat(api(c, token, "POST", "/api/lists?name=").statusCode()).isEqualTo(400);
    assertThat(api(c, token, "POST", "/api/lists/nope/papers?paper=" + PAPERS.get(0)).statusCode())
        .isEqualTo(404);
    assertThat(new WebClient(app.base).get("/api/lists").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> api(WebClient c, String token, String method, String path) {
    return c.send(
        HttpRequest.newBuilder(URI.create(app.base + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }
}
