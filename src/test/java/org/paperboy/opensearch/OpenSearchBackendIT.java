package org.paperboy.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.EmbeddingModelId;
import org.paperboy.config.HybridFusion;
import org.paperboy.embed.Embedder;
import org.paperboy.eval.BeirDataset;
import org.paperboy.eval.Evaluator;
import org.paperboy.eval.ModeScores;
import org.paperboy.search.SearchMode;
import org.paperboy.testing.Cli;
import org.paperboy.testing.OpenSearchServer;
import org.paperboy.testing.SharedData;

/**
 * The OpenSearch backend against the embedded one, on a real OpenSearch 3.6 node with the k-NN
 * plugin: one store, indexed by {@code reindex} into each backend, must give the same rankings for
 * every mode, filter, sort and similar papers; new imports are searchable at once; SciFact quality
 * is within 0.01 nDCG@10 of the pinned embedded numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchBackendIT {
  private final ObjectMapper json = new ObjectMapper();
  private String data;
  private String cluster;

  @BeforeAll
  void importEmbedAndIndexBoth(@TempDir Path tmp) {
    cluster = OpenSearchServer.shared().uri().toString();
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
    assertThat(Cli.run("embed", "--data", data, "--quiet").exit()).isZero();
    Cli.Result reindexed = Cli.run("reindex", "--data", data, "--search", cluster);
    assertThat(reindexed.exit()).as(reindexed.err()).isZero();
  }

  private JsonNode run(boolean openSearch, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--data", data));
    if (openSearch) {
      all.addAll(List.of("--search", cluster));
    }
    all.addAll(List.of(args));
    Cli.Result r = Cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return json.readTree(r.out());
  }

  private static List<String> ids(JsonNode hits) {
    List<String> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  @Test
  void everyModeFilterAndSortRanksTheSameOnBothBackends() throws IOException {
    List<List<String>> searches =
        List.of(
            List.of("--mode", "keyword", "language model reasoning"),
            List.of("--mode", "keyword", "\"diffusion model\" video"),
            List.of("--mode", "keyword", "cat:math.DG manifolds"),
            List.of("--mode", "keyword", "author:\"Chengsong Huang\" agent"),
            List.of("--mode", "keyword", "--sort", "date", "agents benchmark"),
            List.of("--mode", "keyword", "--sort", "upvotes", "year:2024 vision"),
            List.of("--mode", "keyword", "--limit", "5", "--offset", "5", "transformer"),
            List.of("--mode", "semantic", "robots learning to grasp objects"),
            List.of("--mode", "hybrid", "efficient attention for long context"),
            List.of("--mode", "hybrid", "year:2026 multilingual speech"));
    for (List<String> s : searches) {
      List<String> args = new ArrayList<>(List.of("search", "--json"));
      args.addAll(s);
      String[] a = args.toArray(String[]::new);
      List<String> embedded = ids(run(false, a));
      List<String> scaled = ids(run(true, a));
      assertThat(embedded).as("embedded: %s", s).isNotEmpty();
      assertThat(scaled).as("OpenSearch: %s", s).isEqualTo(embedded);
    }
    JsonNode first = run(false, "search", "--json", "--mode", "keyword", "transformer").get(0);
    String id = first.get("id").asText();
    assertThat(ids(run(true, "similar", id, "--json", "--limit", "8")))
        .hasSize(8)
        .doesNotContain(id)
        .isEqualTo(ids(run(false, "similar", id, "--json", "--limit", "8")));
  }

  @Test
  void anImportIsSearchableOnOpenSearchAtOnce() throws IOException {
    Cli.Result imported =
        Cli.run(
            "import",
            "--data",
            data,
            "--search",
            cluster,
            "--quiet",
            SharedData.path("hf-daily/2026-08-20.json").toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    JsonNode daily = json.readTree(Files.readString(SharedData.path("hf-daily/2026-08-20.json")));
    String title = daily.get(0).get("paper").get("title").asText();
    String paper = daily.get(0).get("paper").get("id").asText();
    assertThat(ids(run(true, "search", "--json", "--mode", "keyword", "--limit", "3", title)))
        .contains(paper);
  }

  @Test
  void anUnreachableClusterIsAClearErrorNotAStackTrace() {
    Cli.Result r =
        Cli.run("--data", data, "--search", "http://127.0.0.1:1", "search", "--json", "anything");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err())
        .contains("cannot reach OpenSearch at http://127.0.0.1:1")
        .doesNotContain("\tat ");
    Cli.Result bad = Cli.run("--data", data, "--search", "opensearch:9200", "search", "x");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("search: expected 'lucene' or an http(s):// OpenSearch address");
  }

  @Test
  void sciFactOnOpenSearchIsWithinOneHundredthOfTheEmbeddedBackend() throws IOException {
    Properties pinned = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/regression/scifact.properties")) {
      pinned.load(in);
    }
    EmbeddingModelId model = EmbeddingModelId.fromKey(pinned.getProperty("model")).orElseThrow();
    HybridFusion fusion =
        new HybridFusion(
            pinned.getProperty("fusion"), Double.parseDouble(pinned.getProperty("lexical-weight")));
    BeirDataset ds = BeirDataset.load(SharedData.path("beir-scifact"), "test");
    Path cache = Path.of("target", "eval-cache");
    Files.createDirectories(cache);
    Map<SearchMode, ModeScores> scores;
    try (Embedder embedder = new Embedder(model)) {
      scores =
          new Evaluator(embedder, fusion)
              .onOpenSearch(OpenSearchServer.shared().uri())
              .run(
                  ds, List.of(SearchMode.values()), Path.of("unused"), Optional.of(cache), n -> {});
    }
    for (SearchMode mode : SearchMode.values()) {
      assertThat(scores.get(mode).ndcgAt10())
          .as("%s nDCG@10 on OpenSearch", mode.key())
          .isCloseTo(Double.parseDouble(pinned.getProperty(mode.key() + ".ndcg@10")), within(0.01));
    }
    assertThat(scores.get(SearchMode.HYBRID).ndcgAt10())
        .isGreaterThan(scores.get(SearchMode.KEYWORD).ndcgAt10())
        .isGreaterThan(scores.get(SearchMode.SEMANTIC).ndcgAt10());
  }
}
