package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.SharedData;
import org.paperboy.testing.WebClient;
import org.paperboy.testing.WebFixture;

/**
 * Email digests end to end against GreenMail (a real SMTP server on 127.0.0.1): subscribe, confirm
 * from the mailed link, preferences, a composed and delivered edition with RFC 8058 headers, no
 * paper twice, one-click unsubscribe; a signed-in reader's "for you" section; bad links and forms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINK =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/digest/[a-z]+\\?t=[A-Za-z0-9_.-]+)");
  private static final Pattern PAPER = Pattern.compile("/papers/([0-9.]+)\"");
  private static final String PASSWORD = "correct horse battery";

  private GreenMail smtp;
  private WebFixture app;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    app =
        new WebFixture(
            tmp.resolve("data"),
            Map.of(
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "mail.from", "Paperboy <digest@paperboy.test>",
                "mail.rate-per-second", "500",
                "digest.schedule", "false"));
    new WebClient(app.base).signUp("the-admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    try {
      app.close();
    } finally {
      smtp.stop();
    }
  }

  private Digests digests() {
    return app.runtime.digests();
  }

  /** Mails received so far for one address. */
  private List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
        out.add(m);
      }
    }
    return out;
  }

  private List<MimeMessage> awaitMails(String address, int n) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      List<MimeMessage> got = mailsTo(address);
      if (got.size() >= n) {
        return got;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "expected " + n + " mails to " + address + ", got " + mailsTo(address).size());
  }

  private static String part(MimeMessage m, String type) throws Exception {
    MimeMultipart mp = (MimeMultipart) m.getContent();
    for (int i = 0; i < mp.getCount(); i++) {
      if (mp.getBodyPart(i).isMimeType(type)) {
        return (String) mp.getBodyPart(i).getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String link(String text, String kind) {
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (m.group(1).contains("/digest/" + kind + "?")) {
        return m.group(1);
      }
    }
    throw new AssertionError("no " + kind + " link in " + text);
  }

  private String path(String absolute) {
    assertThat(absolute).startsWith(app.base);
    return absolute.substring(app.base.length());
  }

  private static String subscribeBody(WebClient c, String email) {
    HttpResponse<String> r = c.submit("/digest", "/digest/subscribe", Map.of("email", email));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body().replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
  }

  @Test
  void subscribeConfirmReceiveAndUnsubscribeInOneClick() throws Exception {
    String email = "ada@example.org";
    WebClient web = new WebClient(app.base);
    String first = subscribeBody(web, email);
    assertThat(first).contains("a mail with a confirmation link is on its way");

    MimeMessage confirmMail = awaitMails(email, 1).get(0);
    assertThat(confirmMail.getSubject()).isEqualTo("Confirm your Paperboy digest");
    assertThat(confirmMail.getHeader("List-Unsubscribe")).isNull();
    String confirm = link(part(confirmMail, "text/plain"), "confirm");
    assertThat(part(confirmMail, "text/html")).contains(confirm.replace("&", "&amp;"));

    // Unconfirmed: no edition is composed for the address.
    Subscription sub = digests().subscriptions().store().findByEmail(email).orElseThrow();
    digests().planner().plan(true);
    assertThat(digests().outbox().has(sub.id(), "daily/2026-08-21")).isFalse();

    // A tampered link is refused with a reason, not an error page.
    HttpResponse<String> tampered = web.get(path(confirm) + "x");
    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(tampered.body()).contains("invalid or has expired");

    HttpResponse<String> confirmed = web.get(path(confirm));
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Confirmed: ada@example.org");

    // The same form for a known (now confirmed) and an unknown address: the pages are identical.
    // (At most one such mail per address per 10 minutes: a form cannot flood an inbox.)
    app.clock.advance(Duration.ofMinutes(11));
    assertThat(subscribeBody(new WebClient(app.base), email))
        .isEqualTo(
            subscribeBody(new WebClient(app.base), "nobody-" + System.nanoTime() + "@example.org"));
    MimeMessage already = awaitMails(email, 2).get(1);
    assertThat(already.getSubject()).isEqualTo("You already get Paperboy digests");

    // Preferences from the confirmed page: trending only, five papers.
    Matcher t = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(confirmed.body());
    assertThat(t.find()).isTrue();
    String token = t.group(1);
    Map<String, String> prefs = new LinkedHashMap<>();
    prefs.put("t", token);
    prefs.put("frequency", "daily");
    prefs.put("hour", "25");
    prefs.put("zone", "Europe/Berlin");
    prefs.put("section", "trending");
    prefs.put("max", "5");
    prefs.put("skip", "on");
    String prefsPage = "/digest/preferences?t=" + token;
    HttpResponse<String> bad = web.submit(prefsPage, "/digest/preferences", prefs);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("hour: must be between 0 and 23, was 25");
    prefs.put("hour", "7");
    HttpResponse<String> saved = web.submit(prefsPage, "/digest/preferences", prefs);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).contains("Saved.");
    Preferences now = digests().subscriptions().store().find(sub.id()).orElseThrow().preferences();
    assertThat(now.maxPerSection()).isEqualTo(5);
    assertThat(now.sections()).containsExactly(Section.TRENDING);
    assertThat(now.zone().getId()).isEqualTo("Europe/Berlin");

    // 12:00 UTC is 14:00 in Berlin, past 07:00: today's edition (papers of 2026-08-20) is due.
    assertThat(digests().planner().plan(false).composed()).isPositive();
    assertThat(digests().outbox().has(sub.id(), "daily/2026-08-21")).isTrue();
    assertThat(digests().planner().plan(false).composed()).as("composed once").isZero();
    digests().deliver(); // (the serve loop may deliver it first; either way it arrives once)
    MimeMessage digest = awaitMails(email, 3).get(2);
    assertThat(digest.getSubject())
        .isEqualTo("Your Paperboy daily digest — Thursday 20 August 2026 (5 papers)");
    assertThat(((MimeMultipart) digest.getContent()).getContentType())
        .startsWith("multipart/alternative");
    assertThat(digest.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    String unsubscribe = digest.getHeader("List-Unsubscribe")[0];
    assertThat(unsubscribe).startsWith("<" + app.base + "/digest/unsubscribe?t=").endsWith(">");
    unsubscribe = unsubscribe.substring(1, unsubscribe.length() - 1);
    assertThat(digest.getMessageID()).endsWith("@paperboy.test>");

    String html = part(digest, "text/html");
    String text = part(digest, "text/plain");
    List<String> sent = new ArrayList<>();
    Matcher p = PAPER.matcher(html);
    while (p.find()) {
      sent.add(p.group(1));
    }
    assertThat(sent).as(html).hasSize(5).doesNotHaveDuplicates();
    assertThat(sent).containsExactlyElementsOf(topByUpvotes("2026-08-20", 5));
    for (String id : sent) {
      assertThat(html).contains(app.base + "/papers/" + id);
      assertThat(text).contains(app.base + "/papers/" + id);
    }
    assertThat(text)
        .contains("TRENDING")
        .contains("Why: Trending with")
        .contains("Unsubscribe: " + unsubscribe);
    assertThat(html).doesNotContain("<img").doesNotContain("<link").doesNotContain("<script");

    // Never the same paper twice: the same day's edition now brings the next five.
    sub = digests().subscriptions().store().find(sub.id()).orElseThrow();
    Mail again = digests().planner().preview(sub, java.time.LocalDate.of(2026, 8, 21));
    assertThat(again.paperIds()).hasSize(5).doesNotContainAnyElementsOf(sent);

    // A GET of the unsubscribe link (a link scanner) changes nothing; the one-click POST does.
    HttpResponse<String> look = new WebClient(app.base).get(path(unsubscribe));
    assertThat(look.statusCode()).isEqualTo(200);
    assertThat(look.body()).contains("Stop sending Paperboy digests to <strong>ada@example.org");
    assertThat(digests().subscriptions().store().find(sub.id()).orElseThrow().status())
        .isEqualTo(Subscription.Status.ACTIVE);
    HttpResponse<String> oneClick =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(unsubscribe))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(digests().subscriptions().store().find(sub.id()).orElseThrow().status())
        .isEqualTo(Subscription.Status.UNSUBSCRIBED);
    app.clock.advance(Duration.ofDays(1));
    try {
      digests().planner().plan(true);
      assertThat(digests().outbox().has(sub.id(), "daily/2026-08-22")).isFalse();
    } finally {
      app.clock.advance(Duration.ofDays(-1));
    }
    assertThat(mailsTo(email)).hasSize(3);
  }

  /**
   * Ids of a fixture day's papers with the most Hugging Face upvotes (the day's trending order).
   */
  private static List<String> topByUpvotes(String day, int n) throws Exception {
    JsonNode all = JSON.readTree(Files.readAllBytes(SharedData.path("hf-daily/" + day + ".json")));
    List<JsonNode> papers = new ArrayList<>();
    all.forEach(e -> papers.add(e.get("paper")));
    papers.sort(
        Comparator.comparingInt((JsonNode p) -> p.get("upvotes").asInt())
            .reversed()
            .thenComparing(p -> p.get("id").asText()));
    return papers.stream().limit(n).map(p -> p.get("id").asText()).toList();
  }

  @Test
  void aSignedInReaderGetsPapersLearnedFromTheirUpvotes() throws Exception {
    WebClient web = new WebClient(app.base).signUp("grace", PASSWORD);
    assertThat(
            web.submit("/settings", "/settings/email", Map.of("email", "grace@example.org"))
                .statusCode())
        .isLessThan(400);
    for (String id : List.of("2608.16887", "2608.17286", "2608.16793", "2608.18063")) {
      HttpResponse<String> v = web.submit("/papers/" + id, "/actions/upvote", Map.of("paper", id));
      assertThat(v.statusCode()).isLessThan(400);
    }
    // The form offers the account's address; subscribing still needs the mailed confirmation.
    assertThat(web.get("/digest").body()).contains("value=\"grace@example.org\"");
    subscribeBody(web, "grace@example.org");
    String confirm = link(part(awaitMails("grace@example.org", 1).get(0), "text/plain"), "confirm");
    assertThat(web.get(path(confirm)).statusCode()).isEqualTo(200);

    HttpResponse<String> preview = web.get("/digest/preview?date=2026-08-22");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains(">For you</h2>").contains("you upvoted");
    assertThat(preview.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("style-src 'unsafe-inline'");
    assertThat(new WebClient(app.base).get("/digest/preview").statusCode()).isIn(302, 303, 401);
    assertThat(web.get("/digest/preview?date=yesterday").statusCode()).isEqualTo(400);

    Subscription sub =
        digests().subscriptions().store().findByEmail("grace@example.org").orElseThrow();
    Mail mail = digests().planner().preview(sub, java.time.LocalDate.of(2026, 8, 22));
    assertThat(mail.plain()).contains("FOR YOU");
    assertThat(mail.paperIds())
        .doesNotContain("2608.16887", "2608.17286", "2608.16793", "2608.18063")
        .doesNotHaveDuplicates();
  }

  @Test
  void followedAuthorsGetTheirOwnSection() throws Exception {
    WebClient web = new WebClient(app.base).signUp("hopper", PASSWORD);
    web.submit("/settings", "/settings/email", Map.of("email", "hopper@example.org"));
    String author = "/authors/chengsong-huang"; // first author of 2608.19880, listed 2026-08-21
    assertThat(web.submit(author, author + "/follow", Map.of()).statusCode()).isEqualTo(303);
    subscribeBody(web, "hopper@example.org");
    String confirm =
        link(part(awaitMails("hopper@example.org", 1).get(0), "text/plain"), "confirm");
    assertThat(web.get(path(confirm)).statusCode()).isEqualTo(200);
    String preview = web.get("/digest/preview?date=2026-08-22").body();
    assertThat(preview)
        .contains(">From authors you follow</h2>")
        .contains("By Chengsong Huang, whom you follow")
        .doesNotContain(">For you</h2>"); // no upvotes: no personal ranking yet
  }

  @Test
  void badAddressesAndLinksGetAClearAnswer() {
    WebClient web = new WebClient(app.base);
    HttpResponse<String> bad =
        web.submit("/digest", "/digest/subscribe", Map.of("email", "not an address"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("is not an email address");
    HttpResponse<String> noCsrf =
        web.postForm("/digest/subscribe", Map.of("email", "x@example.org"));
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(web.get("/digest/unsubscribe?t=garbage").statusCode()).isEqualTo(400);
    assertThat(web.postForm("/digest/unsubscribe?t=garbage", Map.of()).statusCode()).isEqualTo(400);
    HttpResponse<String> prefs = web.get("/digest/preferences?t=");
    assertThat(prefs.statusCode()).isEqualTo(400);
    assertThat(prefs.body()).contains("preferences link is invalid");
    String huge = "a".repeat(300) + "@example.org";
    assertThat(web.submit("/digest", "/digest/subscribe", Map.of("email", huge)).body())
        .contains("at most 254 characters");
  }
}
