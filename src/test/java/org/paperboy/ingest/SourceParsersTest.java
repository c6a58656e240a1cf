package org.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Source;
import org.paperboy.testing.SharedData;

class SourceParsersTest {

  private static Path api(String name) {
    return SharedData.path("arxiv-api").resolve(name);
  }

  @Test
  void oaiPmhArxivRecordsCarryEveryField() throws IOException {
    Parsed p =
        Parsed.file(
            new OaiPmhParser(), api("ListRecords_arXiv_set-cs_2016-03-09_page1_first5records.xml"));
    assertThat(p.rejections()).isEmpty();
    assertThat(p.papers()).hasSize(5);
    Paper first = p.byId("0704.0002");
    assertThat(first.title()).isEqualTo("Sparsity-certifying Graph Decompositions");
    assertThat(first.authors()).containsExactly("Ileana Streinu", "Louis Theran");
    assertThat(first.categories()).containsExactly("math.CO", "cs.CG");
    assertThat(first.published()).isEqualTo(LocalDate.of(2007, 3, 30));
    assertThat(first.updated()).isEqualTo(LocalDate.of(2008, 12, 13));
    assertThat(first.comments()).isEqualTo("To appear in Graphs and Combinatorics");
    assertThat(first.abstractText())
        .startsWith("We describe a new algorithm, the $(k,\\ell)$-pebble game");
    assertThat(first.sources()).containsExactly(Source.OAI);
    Paper second = p.byId("0704.0046");
    assertThat(second.doi()).isEqualTo("10.1063/1.2779138");
    assertThat(second.journalRef()).isEqualTo("J. Math. Phys. 48(2007), 092102.");
  }

  @Test
  void oaiPmhLastPageWithOldStyleIdsAndWrappedTitles() throws IOException {
    Parsed p =
        Parsed.file(
            new OaiPmhParser(),
            api("ListRecords_arXiv_set-cs_2016-03-09_lastpage_last3records_emptyToken.xml"));
    assertThat(p.papers()).hasSize(3);
    Paper kent = p.byId("quant-ph/9910087");
    assertThat(kent.title())
        .isEqualTo("Unconditionally Secure Commitment of a Certified Classical Bit is Impossible");
    assertThat(kent.authors()).containsExactly("Adrian Kent");
  }

  @Test
  void oaiPmhDeletedRecordsBecomeTombstonesAndArxivRawIsRead() throws IOException {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
        <record><header status="deleted"><identifier>oai:arXiv.org:1001.0001</identifier>
          <datestamp>2016-01-05</datestamp></header></record>
        <record><header><identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2008-11-13</datestamp></header>
        <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/">
          <id>0704.0001</id><submitter>Pavel Nadolsky</submitter>
          <version version="v1"><date>Mon, 2 Apr 2007 19:18:42 GMT</date><size>1119kb</size></version>
          <version version="v2"><date>Tue, 24 Jul 2007 20:10:27 GMT</date><size>1203kb</size></version>
          <title>Calculation of prompt diphoton production cross sections at Tevatron and
          LHC energies</title>
          <authors>C. Bal\\'azs, E. L. Berger, P. M. Nadolsky and C.-P. Yuan</authors>
          <categories>hep-ph</categories><comments>37 pages, 15 figures</comments>
          <journal-ref>Phys.Rev.D76:013009,2007</journal-ref><doi>10.1103/PhysRevD.76.013009</doi>
          <abstract>  A fully differential calculation in perturbative quantum chromodynamics.
          </abstract></arXivRaw></metadata></record>
        <record><header><identifier>oai:arXiv.org:0704.0003</identifier></header>
        <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>0704.0003</id></arXiv></metadata></record>
        </ListRecords></OAI-PMH>
        """;
    Parsed p = Parsed.text(new OaiPmhParser(), "raw.xml", xml);
    Paper tombstone = p.byId("1001.0001");
    assertThat(tombstone.deletedOn()).isEqualTo(LocalDate.of(2016, 1, 5));
    Paper raw = p.byId("0704.0001");
    assertThat(raw.title())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(raw.authors())
        .containsExactly("C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
    assertThat(raw.versions())
        .containsExactly(
            new PaperVersion(1, LocalDate.of(2007, 4, 2)),
            new PaperVersion(2, LocalDate.of(2007, 7, 24)));
    assertThat(raw.updated()).isEqualTo(LocalDate.of(2007, 7, 24));
    assertThat(p.rejections())
        .singleElement()
        .asString()
        .contains("line 17")
        .contains("missing title for 0704.0003");
  }

  @Test
  void oaiPmhErrorResponsesAndTruncatedPagesFailWithOneLine() {
    String error =
        "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><error code=\"badResumptionToken\">"
            + "token expired</error></OAI-PMH>";
    assertThatThrownBy(() -> Parsed.text(new OaiPmhParser(), "e.xml", error))
        .isInstanceOf(BadInputException.class)
        .hasMessage("OAI-PMH error response (badResumptionToken): token expired");
    String truncated =
        "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>";
    assertThatThrownBy(() -> Parsed.text(new OaiPmhParser(), "t.xml", truncated))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("malformed or truncated XML at line 1")
        .hasMessageNotContaining("\n");
  }

  @Test
  void atomLegacyLayout() throws IOException {
    Parsed p =
        Parsed.file(new ArxivAtomParser(), api("legacy_2018-02_query_all_Einstein_10entries.xml"));
    assertThat(p.papers()).hasSize(10);
    Paper first = p.byId("1801.05533");
    assertThat(first.title())
        .isEqualTo("Einstein-Weyl structures on almost cosymplectic manifolds");
    assertThat(first.authors()).containsExactly("Xiaomin Chen");
    assertThat(first.categories()).containsExactly("math.DG"); // "53D10, 53D15" is an MSC code
    assertThat(first.comments()).isEqualTo("12 pages, no figures");
    assertThat(first.published()).isEqualTo(LocalDate.of(2018, 1, 17));
    assertThat(first.sources()).containsExactly(Source.API);
    Paper v3 = p.byId("0802.2137");
    assertThat(v3.version()).isEqualTo(3);
  }

  @Test
  void atomNewLayoutWithOldStyleIdsAndZeroHits() throws IOException {
    Parsed p =
        Parsed.file(
            new ArxivAtomParser(),
            api("new_format_2026-09_id_list_hep-ex_0307015_0710.5765_TRIMMED.xml"));
    Paper h1 = p.byId("hep-ex/0307015");
    assertThat(h1.title())
        .isEqualTo("Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA");
    assertThat(h1.authors()).containsExactly("H1 Collaboration");
    assertThat(h1.journalRef()).isEqualTo("Eur.Phys.J.C31:17-29,2003");
    assertThat(h1.doi()).isEqualTo("10.1140/epjc/s2003-01326-x");
    assertThat(h1.categories()).first().isEqualTo("hep-ex");
    assertThat(p.byId("0710.5765").abstractText()).contains("43 < R_x < 88 kpc");
    assertThat(
            Parsed.file(new ArxivAtomParser(), api("new_format_2026-09_empty_zero_hits.xml"))
                .papers())
        .isEmpty();
  }

  @Test
  void atomApiErrorFailsTheResponse() {
    String xml =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
        <title>Error</title><summary>incorrect id format for 1234.12345</summary></entry></feed>
        """;
    assertThatThrownBy(() -> Parsed.text(new ArxivAtomParser(), "e.xml", xml))
        .isInstanceOf(BadInputException.class)
        .hasMessage("arXiv API error: incorrect id format for 1234.12345");
  }

  @Test
  void hfDailyTakesTheDayFromTheFileNameAndEveryStoredField() throws IOException {
    Parsed p = Parsed.file(new HfDailyParser(), SharedData.path("hf-daily/2026-08-21.json"));
    assertThat(p.rejections()).isEmpty();
    Paper env = p.byId("2608.19880");
    assertThat(env.title()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
    assertThat(env.authors()).hasSize(17).startsWith("Chengsong Huang", "Zifeng Wang");
    assertThat(env.dailyDate()).isEqualTo(LocalDate.of(2026, 8, 21));
    assertThat(env.published()).isEqualTo(LocalDate.of(2026, 8, 20));
    assertThat(env.upvotes()).isEqualTo(163);
    assertThat(env.codeUrl()).isEqualTo("https://github.com/google-research/envharness");
    assertThat(env.projectUrl()).isEqualTo("https://envharness.com/");
    assertThat(env.aiSummary()).startsWith("EnvHarness and EnvRigger dynamically reshape");
    assertThat(env.aiKeywords()).contains("LLM agents", "co-evolution");
    assertThat(env.numComments()).isNotNull();
    assertThat(env.sources()).containsExactly(Source.HF);
    assertThat(env.githubStars()).isEqualTo(8);
    assertThat(env.organization().name()).isEqualTo("google");
    assertThat(env.organization().fullname()).isEqualTo("Google");
    assertThat(env.organization().avatar()).startsWith("https://cdn-avatars.huggingface.co/");
    // An entry without a repository has no stars (null, not 0); 0 stars stays 0.
    assertThat(p.byId("2608.13120").githubStars()).isNull();
    assertThat(p.byId("2608.13120").organization().name()).isEqualTo("zju");
    assertThat(p.byId("2608.19861").githubStars()).isZero();
    long starred = p.papers().stream().filter(x -> x.githubStars() != null).count();
    long organised = p.papers().stream().filter(x -> x.organization() != null).count();
    assertThat(starred).isEqualTo(12);
    assertThat(organised).isEqualTo(17);
  }

  @Test
  void hfDailyEarlySchemaAndTheSubmittedDayWhenTheNameHasNone() throws IOException {
    Path original = SharedData.path("hf-daily/2024-05-27.json");
    Parsed named = Parsed.file(new HfDailyParser(), original);
    assertThat(named.papers())
        .isNotEmpty()
        .allSatisfy(x -> assertThat(x.dailyDate()).isEqualTo(LocalDate.of(2024, 5, 27)));
    Parsed unnamed = Parsed.text(new HfDailyParser(), "response.json", Files.readString(original));
    // This early response has no submittedOnDailyAt; the entry's listing time gives the day.
    assertThat(unnamed.papers())
        .allSatisfy(x -> assertThat(x.dailyDate()).isEqualTo(LocalDate.of(2024, 5, 27)));
    assertThat(named.papers().get(0).aiSummary()).isNull();
  }

  @Test
  void hfDailyRejectsBadEntriesAndFailsOnBrokenJson() throws IOException {
    String json =
        """
        [{"paper": {"id": "2405.15738", "title": "Good", "summary": "S", "authors": [{"name": "A"}], "upvotes": 3}, "numComments": 1},
         {"paper": {"title": "No id"}},
         {"paper": {"id": "2405.00001", "title": "Bad votes", "upvotes": "many"}},
         {"paper": {"id": "2405.15739"}}]
        """;
    Parsed p = Parsed.text(new HfDailyParser(), "2024-05-27.json", json);
    assertThat(p.papers()).extracting(Paper::id).containsExactly("2405.15738");
    assertThat(p.rejections())
        .containsExactly(
            "record 2 (line 2): missing paper.id",
            "record 3 (line 3): upvotes is not a number: \"many\"",
            "record 4 (line 4): missing title for 2405.15739");
    assertThatThrownBy(
            () -> Parsed.text(new HfDailyParser(), "x.json", "[{\"paper\": {\"id\": \"2405.1"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("malformed or truncated JSON at line 1");
  }

  @Test
  void kaggleLinesUseAuthorsParsedAndVersions() throws IOException {
    String lines =
        """
        {"id": "2503.11742", "submitter": null, "authors": "Moreno D'Incà, Elia Peruzzo", "title": "Safe Vision-Language Models via\\n  Unsafe Weights Manipulation", "comments": "Work in progress", "journal-ref": null, "doi": null, "categories": "cs.CV cs.AI", "abstract": "Vision-language models (VLMs) often\\ninherit the biases.", "versions": [{"version": "v1", "created": "Tue, 18 Mar 2025 00:00:00 GMT"}, {"version": "v2", "created": "Wed, 2 Apr 2025 10:00:00 GMT"}], "update_date": "2025-04-02", "authors_parsed": [["D'Incà", "Moreno", ""], ["Peruzzo", "Elia", "Jr"]]}
        {"id": "2503.11743", "title": "Only the string", "authors": "A. One, B. Two and C. Three", "abstract": "x", "categories": "math.AG", "versions": []}
        not json at all
        {"id": "", "title": "No id"}
        {"id": "2503.11744", "title": "  "}
        {"id": "2503.11745", "title": ["not", "a", "string"]}
        """;
    Parsed p = Parsed.text(new KaggleSnapshotParser(), "k.jsonl", lines);
    Paper safe = p.byId("2503.11742");
    assertThat(safe.title())
        .isEqualTo("Safe Vision-Language Models via Unsafe Weights Manipulation");
    assertThat(safe.authors()).containsExactly("Moreno D'Incà", "Elia Peruzzo Jr");
    assertThat(safe.categories()).containsExactly("cs.CV", "cs.AI");
    assertThat(safe.published()).isEqualTo(LocalDate.of(2025, 3, 18));
    assertThat(safe.updated()).isEqualTo(LocalDate.of(2025, 4, 2));
    assertThat(safe.version()).isEqualTo(2);
    assertThat(safe.abstractText())
        .isEqualTo("Vision-language models (VLMs) often inherit the biases.");
    assertThat(p.byId("2503.11743").authors()).containsExactly("A. One", "B. Two", "C. Three");
    assertThat(p.rejections())
        .hasSize(4)
        .anySatisfy(r -> assertThat(r).startsWith("line 3: not a JSON object"))
        .anySatisfy(r -> assertThat(r).isEqualTo("line 4: not an arXiv id: ''"))
        .anySatisfy(r -> assertThat(r).isEqualTo("line 5: missing title for 2503.11744"))
        .anySatisfy(r -> assertThat(r).isEqualTo("line 6: field 'title' is not a string"));
  }

  @Test
  void kaggleLineWithBrokenUtf8IsRejectedAloneAndTheRealFileParses() throws IOException {
    byte[] good =
        "{\"id\": \"2503.00001\", \"title\": \"Good\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bad =
        "{\"id\": \"2503.00002\", \"title\": \"Caf\u00e9\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    all.write(bad);
    all.write(good);
    Parsed p =
        Parsed.stream(
            new KaggleSnapshotParser(),
            new java.io.ByteArrayInputStream(all.toByteArray()),
            "k.jsonl");
    assertThat(p.papers()).extracting(Paper::id).containsExactly("2503.00001");
    assertThat(p.rejections())
        .singleElement()
        .asString()
        .startsWith("line 1: not a JSON object")
        .contains("UTF-8");

    Parsed real =
        Parsed.file(
            new KaggleSnapshotParser(),
            SharedData.path("arxiv-kaggle-format/arxiv-listings-2025-03_2026-07.jsonl.gz"));
    assertThat(real.papers()).hasSize(74_728);
    assertThat(real.rejections()).isEmpty();
    assertThat(real.byId("2503.11731").authors()).hasSize(16).first().isEqualTo("Xianming Zeng");
  }

  @Test
  void detectsEachFormatByContent() throws IOException {
    assertThat(detect(api("legacy_2018-02_query_all_Einstein_10entries.xml")))
        .isEqualTo(InputFormat.ARXIV_API);
    assertThat(detect(api("ListRecords_arXiv_set-cs_2016-03-09_page1_first5records.xml")))
        .isEqualTo(InputFormat.OAI_PMH);
    assertThat(detect(SharedData.path("arxiv-oai-cs-2016/1.xml.gz")))
        .isEqualTo(InputFormat.OAI_PMH);
    assertThat(detect(SharedData.path("hf-daily/2024-05-27.json"))).isEqualTo(InputFormat.HF_DAILY);
    assertThat(
            detect(SharedData.path("arxiv-kaggle-format/arxiv-listings-2025-03_2026-07.jsonl.gz")))
        .isEqualTo(InputFormat.KAGGLE);
    assertThat(detect(SharedData.path("pages/000_d5463c8c89891d55.txt")))
        .isEqualTo(InputFormat.PAGE);
    byte[] other = "just some text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(FormatDetector.detect(other, other.length)).isEmpty();
  }

  private static InputFormat detect(Path file) throws IOException {
    try (var in = InputFiles.open(file, new java.util.concurrent.atomic.AtomicLong())) {
      byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
      return FormatDetector.detect(head, head.length).orElseThrow();
    }
  }

  @Test
  void externalEntitiesAreNeverResolved() {
    String xml =
        """
        <?xml version="1.0"?>
        <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id>
        <title>&xxe;</title><summary>s</summary></entry></feed>
        """;
    try {
      Parsed p = Parsed.text(new ArxivAtomParser(), "x.xml", xml);
      assertThat(p.papers()).noneSatisfy(x -> assertThat(x.title()).contains("root:"));
    } catch (BadInputException | IOException e) {
      assertThat(e.getMessage()).doesNotContain("root:");
    }
  }

  @Test
  void atomEntriesWithoutIdOrTitleAreRejectedAndATruncatedFeedFails() throws IOException {
    String xml =
        """
        <feed xmlns="http://www.w3.org/2005/Atom">
        <entry><title>No id</title><summary>s</summary></entry>
        <entry><id>http://arxiv.org/abs/2401.00002v1</id><summary>s</summary></entry>
        <entry><id>http://arxiv.org/abs/2401.00003v2</id><title>Fine</title><summary>s</summary>
          <published>2024-01-01T00:00:00Z</published><updated>2024-02-01T00:00:00Z</updated></entry>
        </feed>
        """;
    Parsed p = Parsed.text(new ArxivAtomParser(), "a.xml", xml);
    assertThat(p.papers()).extracting(Paper::id).containsExactly("2401.00003");
    assertThat(p.byId("2401.00003").versions())
        .containsExactly(
            new PaperVersion(1, LocalDate.of(2024, 1, 1)),
            new PaperVersion(2, LocalDate.of(2024, 2, 1)));
    assertThat(p.rejections())
        .containsExactly(
            "entry at line 2: missing id", "entry at line 3: missing title for 2401.00002");
    assertThatThrownBy(() -> Parsed.text(new ArxivAtomParser(), "t.xml", xml.substring(0, 120)))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("malformed or truncated XML");
  }
}
