package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Cli;
import org.paperboy.testing.SharedData;

/** Import, embed and search real papers through the CLI: index, embeddings and fusion together. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCommandIT {
  private String data;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void importAndEmbed(@TempDir Path tmp) {
    data = tmp.resolve("data").toString();
    Cli.Result imported =
        Cli.run(
            "import",
            "--data",
            data,
            "--quiet",
            SharedData.path("arxiv-api").toString(),
            SharedData.path("hf-daily/2026-08-21.json").toString(),
            SharedData.path("hf-daily/2024-05-27.json").toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("await embeddings");
    Cli.Result embedded = Cli.run("embed", "--data", data, "--quiet");
    assertThat(embedded.exit()).as(embedded.err()).isZero();
    assertThat(embedded.out()).contains("embedded ");
  }

  private JsonNode search(String... extra) throws IOException {
    String[] args = new String[extra.length + 4];
    args[0] = "search";
    args[1] = "--data";
    args[2] = data;
    args[3] = "--json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    Cli.Result r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return json.readTree(r.out());
  }

  @Test
  void keywordSearchFindsTheTitleWordsFirst() throws IOException {
    JsonNode hits = search("--mode", "keyword", "Einstein-Weyl cosymplectic manifolds");
    assertThat(hits.get(0).get("id").asText()).isEqualTo("1801.05533");
    assertThat(hits.get(0).get("title").asText()).contains("Einstein-Weyl");
  }

  @Test
  void semanticSearchFindsAPaperByMeaningWithoutItsWords() throws IOException {
    JsonNode hits =
        search(
            "--mode", "semantic", "--limit", "3", "robot arm planning with vision language models");
    assertThat(hits).isNotEmpty();
    assertThat(hits.findValuesAsText("id")).contains("2510.14968");
  }

  @Test
  void hybridIsTheDefaultAndRanksDeterministically() throws IOException {
    JsonNode a = search("agents that learn in generated environments");
    JsonNode b = search("--mode", "hybrid", "agents that learn in generated environments");
    assertThat(a).isEqualTo(b);
    assertThat(a.findValuesAsText("id")).contains("2608.19880");
  }

  @Test
  void filtersByCategoryYearAndAuthor() throws IOException {
    JsonNode cat = search("--mode", "keyword", "--limit", "50", "cat:math.DG");
    assertThat(cat).hasSize(8);
    JsonNode year = search("--mode", "keyword", "--limit", "50", "year:2003 collisions");
    assertThat(year.findValuesAsText("id")).containsExactly("hep-ex/0307015");
    JsonNode author = search("--mode", "keyword", "author:\"Xiaomin Chen\"");
    assertThat(author.findValuesAsText("id")).contains("1801.05533");
  }

  @Test
  void paginationAndSortAreConsistent() throws IOException {
    JsonNode all = search("--mode", "keyword", "--limit", "6", "model");
    JsonNode second = search("--mode", "keyword", "--limit", "3", "--offset", "3", "model");
    assertThat(second.findValuesAsText("id")).isEqualTo(all.findValuesAsText("id").subList(3, 6));
    JsonNode byVotes = search("--mode", "keyword", "--sort", "upvotes", "--limit", "5", "model");
    assertThat(byVotes).hasSize(5);
  }

  @Test
  void snippetsMarkTheMatchedWords() {
    Cli.Result r = Cli.run("search", "--data", data, "--mode", "keyword", "Einstein-Weyl");
    assertThat(r.out()).contains("*Einstein*");
  }

  @Test
  void malformedQueriesStillAnswerAndExplain() {
    Cli.Result r =
        Cli.run("search", "--data", data, "--mode", "keyword", "\"unclosed year:soon ((( OR");
    assertThat(r.exit()).isZero();
    Cli.Result empty = Cli.run("search", "--data", data, "the of and");
    assertThat(empty.exit()).isZero();
    assertThat(empty.err()).contains("no searchable words");
    Cli.Result badMode = Cli.run("search", "--data", data, "--mode", "fuzzy", "x");
    assertThat(badMode.exit()).isEqualTo(ExitCodes.USAGE);
    Cli.Result tooMany = Cli.run("search", "--data", data, "--limit", "0", "x");
    assertThat(tooMany.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void similarPapersNeverIncludeThePaperAndLargeLimitsWork() throws IOException {
    Cli.Result r =
        Cli.run(
            "similar",
            "--data",
            data,
            "--json",
            "--limit",
            "5000",
            "https://arxiv.org/abs/1801.05533v1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode hits = json.readTree(r.out());
    assertThat(hits.findValuesAsText("id")).doesNotContain("1801.05533").hasSizeGreaterThan(10);
    double previous = Double.MAX_VALUE;
    for (JsonNode h : hits) {
      assertThat(h.get("score").asDouble()).isLessThanOrEqualTo(previous);
      previous = h.get("score").asDouble();
    }
    Cli.Result unknown = Cli.run("similar", "--data", data, "9999.99999");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(unknown.err()).contains("no paper with id");
  }

  @Test
  void reindexRebuildsFromTheStoreWithoutReembedding() throws IOException {
    JsonNode before = search("--mode", "semantic", "quantum");
    Cli.Result r = Cli.run("reindex", "--data", data);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("indexed ");
    assertThat(search("--mode", "semantic", "quantum")).isEqualTo(before);
    Cli.Result stats = Cli.run("stats", "--data", data);
    assertThat(stats.out()).contains("(100.0%)");
  }
}
