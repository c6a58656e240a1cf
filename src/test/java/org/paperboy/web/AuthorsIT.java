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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.WebClient;
import org.paperboy.testing.WebFixture;

/**
 * Author pages over the fixture's five Daily Papers days: Yijiang Li has 4 papers there (three with
 * Nuno Vasconcelos), published 2026-08-19, 08-17 and twice 08-14.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery";
  private static final String LI = "/authors/yijiang-li";

  private WebFixture app;
  private WebClient admin;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    app = new WebFixture(tmp.resolve("data"), Map.of());
    admin = new WebClient(app.base).signUp("the-admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void anAuthorPageListsTheirPapersNewestFirstWithCoauthorsAndCategories() throws Exception {
    WebClient anon = new WebClient(app.base);
    String page = anon.get(LI).body();
    assertThat(page).contains("<h1 id=\"author-name\">Yijiang Li</h1>").contains("4 papers here");
    assertThat(WebClient.cardIds(page))
        .containsExactly("2608.17253", "2608.16072", "2608.14036", "2608.14144");
    assertThat(page).contains("href=\"/authors/nuno-vasconcelos\">Nuno Vasconcelos</a> (3)");
    assertThat(page).contains("id=\"author-categories\"");
    // Every author name on a card and on a paper page links to its page.
    assertThat(anon.get("/papers/date/2026-08-21").body())
        .contains("<a class=\"author\" href=\"/authors/chengsong-huang\">Chengsong Huang</a>");
    assertThat(anon.get("/papers/2608.17253").body())
        .contains("<a class=\"author\" href=\"" + LI + "\">Yijiang Li</a>");
    // Other spellings of the same name land on the one page; unknown names are 404.
    HttpResponse<String> spelled = anon.get("/authors/Li,%20Yijiang");
    assertThat(spelled.statusCode()).isEqualTo(301);
    assertThat(spelled.headers().firstValue("Location")).hasValue(LI);
    assertThat(anon.get("/authors/nobody-we-know").statusCode()).isEqualTo(404);
    // An Atom feed per author.
    HttpResponse<String> feed = anon.get(LI + ".atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body().split("<entry").length - 1).isEqualTo(4);
    // The API says the same.
    JsonNode api = JSON.readTree(anon.get("/api/authors/yijiang-li").body());
    assertThat(api.get("paperCount").asInt()).isEqualTo(4);
    assertThat(api.get("coauthors").get(0).get("key").asText()).isEqualTo("nuno-vasconcelos");
    assertThat(api.get("coauthors").get(0).get("papers").asInt()).isEqualTo(3);
    assertThat(api.get("papers").get(0).get("paper").get("id").asText()).isEqualTo("2608.17253");
  }

  @Test
  void followingAnAuthorFeedsForYouWithAReason() throws Exception {
    WebClient reader = new WebClient(app.base).signUp("follower", PASSWORD);
    assertThat(reader.submit(LI, LI + "/follow", Map.of()).statusCode()).isEqualTo(303);
    assertThat(reader.get(LI).body()).contains(">Unfollow</button>");
    String token = reader.apiToken();
    HttpResponse<String> r =
        reader.send(
            HttpRequest.newBuilder(
                    URI.create(app.base + "/api/for-you?period=week&date=2026-08-21&limit=50"))
                .header("Authorization", "Bearer " + token));
    JsonNode f = JSON.readTree(r.body());
    List<String> ids = new ArrayList<>();
    f.get("papers").forEach(p -> ids.add(p.get("paper").get("id").asText()));
    // Without upvotes, the week's papers by the followed author, each saying why.
    assertThat(ids)
        .containsExactlyInAnyOrder("2608.17253", "2608.16072", "2608.14036", "2608.14144");
    for (JsonNode p : f.get("papers")) {
      assertThat(p.get("reason").asText()).isEqualTo("By Yijiang Li, whom you follow");
    }
    reader.submit(LI, LI + "/unfollow", Map.of());
    assertThat(reader.get(LI).body()).contains(">Follow</button>");
  }

  @Test
  void aReaderClaimsAnAuthorAndOnlyTheyOrAnAdminRemoveTheClaim() {
    String page = "/authors/nuno-vasconcelos";
    WebClient nuno = new WebClient(app.base).signUp("nuno", PASSWORD);
    WebClient other = new WebClient(app.base).signUp("someone-else", PASSWORD);
    assertThat(nuno.submit(page, page + "/claim", Map.of()).statusCode()).isEqualTo(303);
    assertThat(new WebClient(app.base).get(page).body()).contains("claimed by nuno");
    HttpResponse<String> taken = other.submit(page, page + "/claim", Map.of());
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("claimed by another reader");
    assertThat(other.submit(page, page + "/unclaim", Map.of()).statusCode()).isEqualTo(400);
    assertThat(admin.get(page).body()).contains("Remove the claim");
    assertThat(admin.submit(page, page + "/unclaim", Map.of()).statusCode()).isEqualTo(303);
    assertThat(new WebClient(app.base).get(page).body()).doesNotContain("claimed by");
  }
}
