package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Cli;
import org.paperboy.testing.SharedData;

/** The import command end to end: real files, real SQLite in a temp data directory. */
class ImportCommandTest {
  @TempDir Path tmp;

  private Path data() {
    return tmp.resolve("data");
  }

  private Cli.Result importing(String... paths) {
    List<String> args =
        new ArrayList<>(List.of("import", "--data", data().toString(), "--as-of", "2024-12-01"));
    args.addAll(List.of(paths));
    return Cli.run(args.toArray(String[]::new));
  }

  private List<JsonNode> export() throws IOException {
    Cli.Result r = Cli.run("export", "--data", data().toString());
    assertThat(r.exit()).isZero();
    List<JsonNode> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : r.out().split("\n")) {
      if (!line.isBlank()) {
        out.add(json.readTree(line));
      }
    }
    return out;
  }

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void importingTheSameFilesTwiceChangesNothingAndSaysSo() {
    String pages = SharedData.path("pages").toString();
    String api = SharedData.path("arxiv-api").toString();
    Cli.Result first = importing(pages, api);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("0 rejected").doesNotContain(" 0 new,");
    Cli.Result second = importing(pages, api);
    assertThat(second.exit()).isZero();
    assertThat(second.out()).startsWith("0 new, 0 updated, ");
  }

  @Test
  void aPageEntryAndItsArxivRecordBecomeOnePaperInEitherOrder() throws IOException {
    String page =
        "new\n\nDaily Papers\n\nbyAK and the research community\n\nOct 29\n\n"
            + "Sparsity-certifying Graph Decompositions\n\nWe describe a new algorithm.\n\n"
            + "  • 2 authors\n·\nMar 30, 2007 7\n";
    Path pageFile = write("page.txt", page);
    Path oai =
        SharedData.path("arxiv-api/ListRecords_arXiv_set-cs_2016-03-09_page1_first5records.xml");

    assertThat(importing(pageFile.toString()).exit()).isZero();
    assertThat(export())
        .singleElement()
        .satisfies(p -> assertThat(p.get("provisional").asBoolean()).isTrue());
    assertThat(importing(oai.toString()).out()).startsWith("4 new, 1 updated");
    List<JsonNode> afterPageFirst = export();

    Files.walk(data())
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    assertThat(importing(oai.toString()).exit()).isZero();
    assertThat(importing(pageFile.toString()).out()).startsWith("0 new, 1 updated");
    List<JsonNode> afterArxivFirst = export();

    assertThat(afterArxivFirst).hasSize(5).isEqualTo(afterPageFirst);
    JsonNode merged =
        afterArxivFirst.stream()
            .filter(p -> p.get("id").asText().equals("0704.0002"))
            .findFirst()
            .orElseThrow();
    assertThat(merged.get("title").asText()).isEqualTo("Sparsity-certifying Graph Decompositions");
    assertThat(merged.get("upvotes").asInt()).isEqualTo(7);
    assertThat(merged.get("abstract").asText())
        .startsWith("We describe a new algorithm, the $(k,\\ell)$");
    assertThat(merged.get("sources").toString()).isEqualTo("[\"page\",\"oai\"]");
    assertThat(merged.get("provisional").asBoolean()).isFalse();
  }

  @Test
  void exportHasTheDocumentedFields() throws IOException {
    importing(SharedData.path("hf-daily/2026-08-21.json").toString());
    JsonNode p =
        export().stream()
            .filter(x -> x.get("id").asText().equals("2608.19880"))
            .findFirst()
            .orElseThrow();
    assertThat(p.get("title").asText())
        .isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
    assertThat(p.get("authors")).hasSize(17);
    assertThat(p.get("author_count").asInt()).isEqualTo(17);
    assertThat(p.get("published").asText()).isEqualTo("2026-08-20");
    assertThat(p.get("daily_date").asText()).isEqualTo("2026-08-21");
    assertThat(p.get("upvotes").asInt()).isEqualTo(163);
    assertThat(p.get("links").get("abs").asText()).isEqualTo("https://arxiv.org/abs/2608.19880");
    assertThat(p.get("links").get("code").asText())
        .isEqualTo("https://github.com/google-research/envharness");
    assertThat(p.get("sources").toString()).isEqualTo("[\"hf\"]");
    assertThat(p.has("categories")).isTrue();
    assertThat(p.has("abstract")).isTrue();
  }

  @Test
  void rejectedRecordsAreNamedAndTheGoodOnesAroundThemImported() throws IOException {
    Path lines =
        write(
            "mixed.jsonl",
            "{\"id\": \"2503.00001\", \"title\": \"One\", \"abstract\": \"a\"}\n"
                + "{\"id\": \"2503.00002\", \"title\": \"Two\", \"abstract\": \n"
                + "{\"title\": \"No id\"}\n"
                + "{\"id\": \"2503.00004\", \"abstract\": \"no title\"}\n"
                + "{\"id\": \"2503.00005\", \"title\": \"Five\", \"abstract\": \"e\"}\n");
    Cli.Result r = importing(lines.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
    assertThat(r.err())
        .contains(lines + ": line 2: rejected: not a JSON object")
        .contains(lines + ": line 3: rejected: missing id")
        .contains(lines + ": line 4: rejected: missing title for 2503.00004")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(r.out()).startsWith("2 new, 0 updated, 0 unchanged, 0 deleted, 3 rejected");
    assertThat(export())
        .extracting(p -> p.get("id").asText())
        .containsExactly("2503.00001", "2503.00005");
  }

  @Test
  void aBinaryFileForcedToAFormatIsOneLineNotOnePerLine() throws IOException {
    byte[] binary = new byte[200_000];
    new java.util.Random(7).nextBytes(binary);
    Path file = tmp.resolve("random.bin");
    Files.write(file, binary);
    List<String> args =
        List.of("import", "--data", data().toString(), "--format", "kaggle", file.toString());
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains(file + ": error: not UTF-8 text").doesNotContain("rejected");
    assertThat(r.err().lines().filter(l -> l.contains(file.toString()))).hasSize(1);
    // Text that merely has a multi-byte character cut at the 8 KiB mark is still text.
    String row =
        "{\"id\": \"2503.00009\", \"title\": \"\u00e9t\u00e9 \u6f22\u5b57\", \"abstract\": \"x\"}\n";
    Path text = write("accents.jsonl", row.repeat(8192 / row.length() + 5));
    assertThat(importing(text.toString()).exit()).isZero();
  }

  @Test
  void aTruncatedXmlFileKeepsTheRecordsBeforeTheCutAndFailsWithOneLine() throws IOException {
    String full =
        Files.readString(
            SharedData.path(
                "arxiv-api/ListRecords_arXiv_set-cs_2016-03-09_page1_first5records.xml"));
    int cut = full.indexOf("<record>", full.indexOf("0704.0046")) + 20;
    Path truncated = write("truncated.xml", full.substring(0, cut));
    Cli.Result r = importing(truncated.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith(truncated + ": error: malformed or truncated XML at line");
    assertThat(r.out()).startsWith("2 new,");
    assertThat(export()).hasSize(2);
  }

  @Test
  void aTruncatedGzipFileFailsClearly() throws IOException {
    byte[] gz = Files.readAllBytes(SharedData.path("arxiv-oai-cs-2016/103.xml.gz"));
    Path cut = tmp.resolve("cut.xml.gz");
    Files.write(cut, java.util.Arrays.copyOf(gz, gz.length / 2));
    Cli.Result r = importing(cut.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    // Either the gzip stream or the XML parser notices the cut first; both name it in one line.
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith(cut + ": error: ")
        .contains("truncated");
    assertThat(r.out()).contains("1 file(s) failed");
  }

  @Test
  void emptyUnknownMissingAndWronglyEncodedFilesAreEachNamed() throws IOException {
    Path empty = write("empty.json", "");
    Path unknown = write("notes.txt", "shopping list: milk, eggs\n");
    Path missing = tmp.resolve("nope.json");
    Path latin1 = tmp.resolve("latin1.txt");
    Files.write(
        latin1,
        "byAK and the research community\n\nOct 29\n\nCaf\u00e9 title\n\nAbstract.\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Path good = write("good.jsonl", "{\"id\": \"2503.00009\", \"title\": \"Fine\"}\n");
    Cli.Result r =
        importing(
            empty.toString(),
            unknown.toString(),
            missing.toString(),
            latin1.toString(),
            good.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err())
        .contains(empty + ": error: empty file")
        .contains(unknown + ": error: unrecognised format")
        .contains(missing + ": error: no such file")
        .contains(latin1 + ": error: not UTF-8 text")
        .doesNotContain("\tat ");
    assertThat(r.out()).startsWith("1 new,").contains("4 file(s) failed");
  }

  @Test
  void gzipIsDetectedByContentNotName() throws IOException {
    Path hidden = tmp.resolve("listing.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hidden))) {
      out.write(
          "{\"id\": \"2503.00010\", \"title\": \"Zipped\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(importing(hidden.toString()).out()).startsWith("1 new,");
  }

  @Test
  void aMistypedCommandSaysSoBrieflyAndExportFollowsTheUmask() throws IOException {
    Cli.Result typo = Cli.run("imprt", "x.json");
    assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err())
        .contains("paperboy: error: Unmatched arguments")
        .contains("import")
        .contains("Run 'paperboy --help' for usage.")
        .doesNotContain("Usage:");
    importing(SharedData.path("hf-daily/2026-08-21.json").toString());
    Path out = tmp.resolve("export.jsonl");
    assertThat(Cli.run("export", "--data", data().toString(), "--out", out.toString()).exit())
        .isZero();
    Path plain = Files.createFile(tmp.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void exportWritesTheCollectionAsBibtexOrRisThatReadsBack() {
    importing(SharedData.path("hf-daily/2026-08-21.json").toString());
    Cli.Result bib = Cli.run("export", "--data", data().toString(), "--format", "bibtex");
    assertThat(bib.exit()).isZero();
    Cli.Result ris = Cli.run("export", "--data", data().toString(), "--format", "ris");
    assertThat(ris.exit()).isZero();
    for (String text : List.of(bib.out(), ris.out())) {
      org.paperboy.library.LibraryFile.Parsed back = org.paperboy.library.LibraryFile.parse(text);
      assertThat(back.errors()).isEmpty();
      assertThat(back.entries()).hasSize(17);
      assertThat(back.entries()).allMatch(e -> e.arxivId().isPresent());
    }
    assertThat(bib.out()).contains("  eprint = {2608.19880},").contains("archivePrefix = {arXiv}");
    Cli.Result bad = Cli.run("export", "--data", data().toString(), "--format", "csv");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("use jsonl, bibtex or ris");
  }

  @Test
  void anUnknownFormatOptionIsAUsageError() {
    Cli.Result r = Cli.run("import", "--data", data().toString(), "--format", "bibtex", "x");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown format 'bibtex'");
    Cli.Result noArgs = Cli.run("import", "--data", data().toString());
    assertThat(noArgs.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void statsCountBySourceYearAndCategory() {
    importing(SharedData.path("arxiv-api").toString());
    Cli.Result r = Cli.run("stats", "--data", data().toString(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("\"papers\" : 22")
        .contains("\"oai\" : 8")
        .contains("\"api\" : 14")
        .contains("\"math.DG\"");
    Cli.Result text = Cli.run("stats", "--data", data().toString());
    assertThat(text.out()).startsWith("papers: 22 ").contains("by source:").contains("by year:");
  }

  @Test
  void aBadConfigurationFileIsOneClearLine() throws IOException {
    Path conf = write("paperboy.properties", "import.batch-size = lots\n");
    Cli.Result r = Cli.run("stats", "--data", data().toString(), "--config", conf.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err().strip())
        .isEqualTo("paperboy: error: configuration: import.batch-size: not a whole number: 'lots'");
  }

  @Test
  void aBulkLoadWithoutTheIndexIsSearchableAfterTheAutomaticRebuild() {
    Cli.Result first = importing(SharedData.path("arxiv-api").toString());
    assertThat(first.exit()).isZero();
    Cli.Result bulk =
        Cli.run(
            "import",
            "--no-index",
            "--data",
            data().toString(),
            SharedData.path("hf-daily/2026-08-21.json").toString());
    assertThat(bulk.exit()).as(bulk.err()).isZero();
    assertThat(Files.exists(data().resolve("index"))).isFalse();
    Cli.Result search =
        Cli.run(
            "search",
            "--data",
            data().toString(),
            "--mode",
            "keyword",
            "--json",
            "EnvHarness static worlds");
    assertThat(search.exit()).isZero();
    assertThat(search.err()).contains("building the search index");
    assertThat(search.out()).contains("2608.19880");
    Cli.Result old =
        Cli.run(
            "search", "--data", data().toString(), "--mode", "keyword", "--json", "Einstein-Weyl");
    assertThat(old.out()).contains("1801.05533");
  }
}
