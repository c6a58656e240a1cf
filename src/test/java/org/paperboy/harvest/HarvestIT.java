package org.paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.HarvestSettings;
import org.paperboy.jobs.Sleeper;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.Jdbc;
import org.paperboy.store.SqlPaperStore;
import org.paperboy.testing.OaiReplay;
import org.paperboy.testing.RecordedServer;
import org.paperboy.testing.SharedData;

/**
 * Harvests against real HTTP servers on 127.0.0.1 that answer with recorded arXiv and Hugging Face
 * responses, and with responses derived from them for the failure cases.
 */
class HarvestIT {
  @TempDir Path tmp;
  private HikariDataSource ds;
  private SqlPaperStore store;
  private HarvestStore state;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Sleeper recording = waits::add;
  private RecordedServer server;

  private static byte[] file(String name) throws IOException {
    return Files.readAllBytes(SharedData.path("arxiv-api/" + name));
  }

  private static final String FIRST = "ListRecords_arXiv_set-cs_2016-03-09_page1_first5records.xml";
  private static final String LAST =
      "ListRecords_arXiv_set-cs_2016-03-09_lastpage_last3records_emptyToken.xml";

  @BeforeEach
  void open() {
    ds = Database.openSqlite(tmp.resolve("data"));
    store = new SqlPaperStore(ds, ds);
    state = new HarvestStore(new Jdbc(ds));
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    store.close();
  }

  private Harvests harvests(int maxAttempts, Duration timeout) {
    return harvests(maxAttempts, timeout, 8L << 20);
  }

  private Harvests harvests(int maxAttempts, Duration timeout, long maxBytes) {
    HarvestSettings s =
        new HarvestSettings(
            URI.create("http://127.0.0.1:1/oai"),
            URI.create("http://127.0.0.1:1/hf"),
            Duration.ofSeconds(3),
            Duration.ofSeconds(1),
            maxAttempts,
            timeout,
            maxBytes,
            "cs",
            null,
            null);
    return new Harvests(
        s, URI.create("http://127.0.0.1:1/api"), state, store, Clock.systemUTC(), recording);
  }

  private Harvests harvests() {
    return harvests(3, Duration.ofSeconds(5));
  }

  private URI serve(Function<URI, RecordedServer.Response> responder) throws IOException {
    server = new RecordedServer(responder);
    return server.uri("/oai");
  }

  /** The two recorded pages: the first (with a token) and the last (with an empty one). */
  private Function<URI, RecordedServer.Response> twoPages() throws IOException {
    byte[] first = file(FIRST);
    byte[] last = file(LAST);
    return uri -> {
      Map<String, String> q = OaiReplay.query(uri);
      if (q.containsKey("from")) {
        return OaiReplay.error("noRecordsMatch", "nothing new");
      }
      return OaiReplay.xml(q.containsKey("resumptionToken") ? last : first);
    };
  }

  private static final OaiHarvester.Request CS =
      new OaiHarvester.Request("cs", "arXiv", null, null);

  @Test
  void followsTokensPolitelyAndIsIncrementalNextTime() throws Exception {
    URI oai = serve(twoPages());
    HarvestReport r = harvests().oai(CS, oai);
    assertThat(r.requests()).isEqualTo(2);
    assertThat(r.records()).isEqualTo(8);
    assertThat(store.countLive() + countDeleted()).isEqualTo(8);
    assertThat(server.requests().get(0).getRawQuery())
        .isEqualTo("verb=ListRecords&metadataPrefix=arXiv&set=cs");
    assertThat(server.requests().get(1).getRawQuery())
        .isEqualTo("verb=ListRecords&resumptionToken=1122234%7C1001");
    // 3 s between requests (arXiv's limit) and a descriptive User-Agent.
    assertThat(waits).hasSize(1);
    // (3 s from the start of the first request, less the time that request took)
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(3));
    assertThat(server.userAgents()).allMatch(ua -> ua.startsWith("Paperboy/"));
    HarvestState s = state.load("arxiv:cs:arXiv");
    assertThat(s.cursor()).isNull();
    assertThat(s.incrementalFrom()).isEqualTo("2016-03-09");
    assertThat(s.lastSuccess()).isNotNull();
    assertThat(s.leaseOwner()).isNull();

    // The next harvest asks only for what changed since the last one's response date.
    HarvestReport again = harvests().oai(CS, oai);
    assertThat(again.records()).isZero();
    assertThat(server.requests().get(2).getRawQuery()).contains("from=2016-03-09");
  }

  private long countDeleted() {
    return new Jdbc(ds).count("SELECT COUNT(*) FROM papers WHERE deleted_on IS NOT NULL");
  }

  @Test
  void honoursRetryAfterOn503() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Function<URI, RecordedServer.Response> pages = twoPages();
    URI oai =
        serve(
            uri ->
                calls.getAndIncrement() == 0
                    ? new RecordedServer.Response(
                        503, "text/plain", "busy".getBytes(), Map.of("Retry-After", "7"), 0)
                    : pages.apply(uri));
    HarvestReport r = harvests().oai(CS, oai);
    assertThat(r.records()).isEqualTo(8);
    assertThat(waits).contains(Duration.ofSeconds(7));
  }

  @Test
  void aTruncatedPageFailsClearlyKeepsTheCheckpointAndTheNextRunResumes() throws Exception {
    byte[] first = file(FIRST);
    byte[] last = file(LAST);
    byte[] cut = java.util.Arrays.copyOf(last, last.length / 2);
    boolean[] broken = {true};
    URI oai =
        serve(
            uri ->
                OaiReplay.query(uri).containsKey("resumptionToken")
                    ? OaiReplay.xml(broken[0] ? cut : last)
                    : OaiReplay.xml(first));
    assertThatThrownBy(() -> harvests().oai(CS, oai))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("after 3 attempts")
        .hasMessageContaining("not complete XML");
    assertThat(server.requests()).hasSize(4); // the first page, then 3 tries of the second
    // Back-off between the tries: exponential (2 s, 4 s) with ±50% jitter.
    List<Duration> backoff = waits.subList(waits.size() - 2, waits.size());
    assertThat(backoff.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    assertThat(backoff.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    HarvestState s = state.load("arxiv:cs:arXiv");
    assertThat(s.cursor()).isEqualTo("1122234|1001");
    assertThat(s.errorCount()).isEqualTo(1);
    assertThat(s.lastError()).contains("not complete XML");
    assertThat(store.countLive() + countDeleted()).isEqualTo(5); // page 1 whole, nothing of page 2

    broken[0] = false;
    HarvestReport r = harvests().oai(CS, oai);
    assertThat(r.resumed()).isTrue();
    assertThat(r.requests()).isEqualTo(1);
    assertThat(server.requests().get(4).getRawQuery()).contains("resumptionToken=");
    assertThat(store.countLive() + countDeleted()).isEqualTo(8);
    assertThat(state.load("arxiv:cs:arXiv").errorCount()).isZero();
  }

  @Test
  void aBadRecordIsSkippedAndTheRestImported() throws Exception {
    String page = new String(file(FIRST), StandardCharsets.UTF_8);
    String broken = page.replaceFirst("<title>[^<]*</title>", "<title></title>");
    assertThat(broken).isNotEqualTo(page);
    byte[] last = file(LAST);
    URI oai =
        serve(
            uri ->
                OaiReplay.xml(
                    OaiReplay.query(uri).containsKey("resumptionToken")
                        ? last
                        : broken.getBytes(StandardCharsets.UTF_8)));
    HarvestReport r = harvests().oai(CS, oai);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.rejections().get(0)).contains("page 1");
    assertThat(r.records()).isEqualTo(7);
  }

  @Test
  void aTimeoutIsRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Function<URI, RecordedServer.Response> pages = twoPages();
    URI oai =
        serve(
            uri -> {
              RecordedServer.Response ok = pages.apply(uri);
              return calls.getAndIncrement() == 0
                  ? new RecordedServer.Response(200, ok.contentType(), ok.body(), Map.of(), 2500)
                  : ok;
            });
    HarvestReport r = harvests(3, Duration.ofSeconds(1)).oai(CS, oai);
    assertThat(r.records()).isEqualTo(8);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void anExpiredResumptionTokenStartsTheRangeAgainWithoutGaps() throws Exception {
    AtomicInteger tokenCalls = new AtomicInteger();
    Function<URI, RecordedServer.Response> pages = twoPages();
    URI oai =
        serve(
            uri ->
                OaiReplay.query(uri).containsKey("resumptionToken")
                        && tokenCalls.getAndIncrement() == 0
                    ? OaiReplay.error("badResumptionToken", "expired")
                    : pages.apply(uri));
    HarvestReport r = harvests().oai(CS, oai);
    assertThat(server.requests()).hasSize(4);
    assertThat(server.requests().get(2).getRawQuery()).contains("metadataPrefix=arXiv");
    assertThat(store.countLive() + countDeleted()).isEqualTo(8);
    assertThat(r.records())
        .isEqualTo(13); // page 1 was read twice; storing it again changed nothing
  }

  @Test
  void clientErrorsAreNotRetriedAndOaiErrorsAreNamed() throws Exception {
    URI oai = serve(uri -> new RecordedServer.Response(404, "text/plain", "no".getBytes()));
    assertThatThrownBy(() -> harvests().oai(CS, oai)).hasMessageContaining("HTTP 404");
    assertThat(server.requests()).hasSize(1);
    server.close();
    URI bad = serve(uri -> OaiReplay.error("badArgument", "Illegal set"));
    assertThatThrownBy(() -> harvests().oai(CS, bad))
        .hasMessageContaining("OAI-PMH error badArgument: Illegal set");
  }

  @Test
  void oversizedResponsesAreRefused() throws Exception {
    URI oai = serve(twoPages());
    assertThatThrownBy(() -> harvests(3, Duration.ofSeconds(5), 4096).oai(CS, oai))
        .hasMessageContaining("more than the 4096-byte response limit");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void theCommandGivesUpWithOneClearLineAndExitCode1() throws Exception {
    Path config = tmp.resolve("paperboy.properties");
    Files.writeString(config, "harvest.max-attempts = 2\n");
    URI oai = serve(uri -> new RecordedServer.Response(500, "text/plain", "oops".getBytes()));
    var r =
        org.paperboy.testing.Cli.run(
            "harvest",
            "arxiv",
            "--delay",
            "0",
            "--endpoint",
            oai.toString(),
            "--data",
            tmp.resolve("cli").toString(),
            "--config",
            config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines().filter(l -> l.startsWith("paperboy: error:")).toList())
        .containsExactly(
            "paperboy: error: harvest: gave up on "
                + oai
                + "?verb=ListRecords&metadataPrefix=arXiv&set=cs after 2 attempts: HTTP 500");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void oneHarvestOfASourceAtATime() throws Exception {
    URI oai = serve(twoPages());
    assertThat(state.acquire("arxiv:cs:arXiv", "node-b", Instant.now(), Duration.ofMinutes(5)))
        .isTrue();
    assertThatThrownBy(() -> harvests().oai(CS, oai))
        .hasMessageContaining("another harvest of arxiv:cs:arXiv is running (node-b");
    assertThat(server.requests()).isEmpty();
    // An expired lease is taken over.
    state.acquire(
        "arxiv:cs:arXiv", "node-b", Instant.now().minusSeconds(3600), Duration.ofMinutes(5));
    assertThat(harvests().oai(CS, oai).records()).isEqualTo(8);
  }

  @Test
  void aNewVersionUpdatesTitleAndAbstract() throws Exception {
    String page = new String(file(LAST), StandardCharsets.UTF_8);
    URI oai = serve(uri -> OaiReplay.xml(page.getBytes(StandardCharsets.UTF_8)));
    harvests().oai(CS, oai);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<id>([^<]+)</id>").matcher(page);
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    Paper before = store.find(id).orElseThrow();
    server.close();
    String newer =
        page.replace("<title>" + firstTitle(page) + "</title>", "<title>A revised title</title>")
            .replaceFirst("<updated>1999-11-03</updated>", "<updated>2016-03-08</updated>");
    assertThat(newer).contains("<updated>2016-03-08</updated>").contains("A revised title");
    URI oai2 = serve(uri -> OaiReplay.xml(newer.getBytes(StandardCharsets.UTF_8)));
    harvests().oai(new OaiHarvester.Request("cs", "arXiv", LocalDate.of(2016, 3, 1), null), oai2);
    Paper after = store.find(id).orElseThrow();
    assertThat(before.title()).isNotEqualTo("A revised title");
    assertThat(after.title()).isEqualTo("A revised title");
  }

  private static String firstTitle(String page) {
    int a = page.indexOf("<title>") + 7;
    return page.substring(a, page.indexOf("</title>", a));
  }

  @Test
  void hfDailyUpdatesCountsAndDays() throws Exception {
    Map<String, byte[]> days = new java.util.HashMap<>();
    for (String d : List.of("2026-08-19", "2026-08-20", "2026-08-21")) {
      days.put(d, Files.readAllBytes(SharedData.path("hf-daily/" + d + ".json")));
    }
    server =
        new RecordedServer(
            uri -> {
              byte[] b = days.get(OaiReplay.query(uri).get("date"));
              return new RecordedServer.Response(
                  200, "application/json", b == null ? "[]".getBytes() : b);
            });
    HarvestReport r =
        harvests()
            .hfDaily(
                LocalDate.of(2026, 8, 18),
                LocalDate.of(2026, 8, 21),
                server.uri("/api/daily_papers"));
    assertThat(r.requests()).isEqualTo(4);
    assertThat(server.requests().get(0).getRawQuery()).isEqualTo("date=2026-08-18");
    Paper zetta = store.find("2608.16590").orElseThrow();
    assertThat(zetta.dailyDate()).isEqualTo(LocalDate.of(2026, 8, 20));
    assertThat(zetta.upvotes()).isEqualTo(92);
    assertThat(zetta.codeUrl()).contains("github.com");
    // A day later Hugging Face shows more upvotes: the harvest updates them.
    String more =
        new String(days.get("2026-08-20"), StandardCharsets.UTF_8)
            .replace("\"upvotes\": 92,", "\"upvotes\": 120,");
    assertThat(more).contains("\"upvotes\": 120,");
    days.put("2026-08-20", more.getBytes(StandardCharsets.UTF_8));
    harvests()
        .hfDaily(
            LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 20), server.uri("/api/daily_papers"));
    assertThat(store.find("2608.16590").orElseThrow().upvotes()).isEqualTo(120);
  }

  @Test
  void arxivApiByIdsAndByQuery() throws Exception {
    byte[] ids = file("new_format_2026-09_id_list_hep-ex_0307015_0710.5765_TRIMMED.xml");
    byte[] query = file("legacy_2018-02_query_all_Einstein_10entries.xml");
    server =
        new RecordedServer(
            uri -> OaiReplay.xml(OaiReplay.query(uri).containsKey("id_list") ? ids : query));
    HarvestReport byIds =
        harvests()
            .arxivIds(
                List.of(
                    ArxivId.parse("hep-ex/0307015").orElseThrow(),
                    ArxivId.parse("0710.5765").orElseThrow()),
                server.uri("/api/query"));
    assertThat(byIds.records()).isEqualTo(2);
    assertThat(store.find("hep-ex/0307015")).isPresent();
    assertThat(server.requests().get(0).getRawQuery())
        .contains("id_list=hep-ex%2F0307015%2C0710.5765");
    HarvestReport byQuery = harvests().arxivQuery("all:Einstein", 10, server.uri("/api/query"));
    assertThat(byQuery.records()).isEqualTo(10);
    assertThat(byQuery.requests()).isEqualTo(1);
    assertThat(server.requests().get(1).getRawQuery())
        .isEqualTo("search_query=all%3AEinstein&start=0&max_results=10");
  }
}
