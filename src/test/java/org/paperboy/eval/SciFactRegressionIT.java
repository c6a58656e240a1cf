package org.paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingModelId;
import org.paperboy.search.HybridFusion;
import org.paperboy.search.SearchMode;
import org.paperboy.testing.SharedData;

/**
 * Pinned effectiveness on BEIR SciFact (test split), checked two-sided like Anserini's regressions:
 * a better number fails too, until the pinned file is updated with it. One file per embedding
 * model: the default (MiniLM) embeds the whole corpus in the run; bge-small's corpus vectors come
 * pre-encoded (a test resource, as Anserini ships pre-encoded corpora for its dense regressions:
 * encoding 5,183 abstracts with bge-small takes ~19 minutes on two cores), a sample of them is
 * re-encoded and compared here, and the queries are encoded in the run.
 */
class SciFactRegressionIT {
  /** Pre-encoded corpus vectors re-encoded per run to show the file is the model's output. */
  private static final int RECHECKED = 24;

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"scifact.properties", "scifact-bge-small.properties"})
  void scifactScoresMatchThePinnedNumbers(String file) throws IOException {
    Properties pinned = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/regression/" + file)) {
      pinned.load(in);
    }
    double tolerance = Double.parseDouble(pinned.getProperty("tolerance"));
    EmbeddingModelId model = EmbeddingModelId.fromKey(pinned.getProperty("model")).orElseThrow();
    HybridFusion fusion =
        new HybridFusion(
            pinned.getProperty("fusion"), Double.parseDouble(pinned.getProperty("lexical-weight")));
    BeirDataset ds = BeirDataset.load(SharedData.path("beir-scifact"), "test");
    assertThat(ds.corpus()).hasSize(Integer.parseInt(pinned.getProperty("documents")));
    assertThat(ds.queries()).hasSize(Integer.parseInt(pinned.getProperty("queries")));

    Path cache = Path.of("target", "eval-cache");
    Files.createDirectories(cache);
    Map<SearchMode, ModeScores> scores;
    try (Embedder embedder = new Embedder(model)) {
      String preEncoded = pinned.getProperty("pre-encoded");
      if (preEncoded != null) {
        usePreEncoded(preEncoded, cache.resolve(Evaluator.cacheFileName(model, ds)), ds, embedder);
      }
      scores =
          new Evaluator(embedder, fusion)
              .run(
                  ds,
                  List.of(SearchMode.values()),
                  tmp.resolve("index"),
                  Optional.of(cache),
                  n -> {});
    }
    for (SearchMode mode : SearchMode.values()) {
      ModeScores s = scores.get(mode);
      assertThat(s.ndcgAt10())
          .as("%s nDCG@10", mode.key())
          .isCloseTo(
              Double.parseDouble(pinned.getProperty(mode.key() + ".ndcg@10")), within(tolerance));
      assertThat(s.recallAt100())
          .as("%s Recall@100", mode.key())
          .isCloseTo(
              Double.parseDouble(pinned.getProperty(mode.key() + ".recall@100")),
              within(tolerance));
    }
    // The bars: keyword within 0.015 of Anserini's BM25 (0.6789); hybrid better than
    // either mode alone.
    assertThat(scores.get(SearchMode.KEYWORD).ndcgAt10()).isCloseTo(0.6789, within(0.015));
    assertThat(scores.get(SearchMode.HYBRID).ndcgAt10())
        .isGreaterThan(scores.get(SearchMode.KEYWORD).ndcgAt10())
        .isGreaterThan(scores.get(SearchMode.SEMANTIC).ndcgAt10());
  }

  /**
   * Puts the pre-encoded corpus vectors where the evaluation's cache looks for them, after
   * re-encoding a spread sample of the documents and checking that they match.
   */
  private static void usePreEncoded(String resource, Path target, BeirDataset ds, Embedder e)
      throws IOException {
    Path file = Files.createTempFile(target.getParent(), ".pre-encoded", ".tmp");
    try (InputStream in =
        new GZIPInputStream(
            SciFactRegressionIT.class.getResourceAsStream("/regression/" + resource))) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, float[]> vectors = VectorCache.read(file);
    assertThat(vectors).hasSize(ds.corpus().size());
    List<BeirDataset.Doc> sample = new ArrayList<>();
    for (int i = 0; i < RECHECKED; i++) {
      sample.add(ds.corpus().get(i * (ds.corpus().size() / RECHECKED)));
    }
    List<float[]> now =
        e.embedAll(
            sample.stream()
                .map(d -> Embedder.textOf(d.title() == null ? "" : d.title(), d.text()))
                .toList());
    for (int i = 0; i < sample.size(); i++) {
      float[] stored = vectors.get(sample.get(i).id());
      double dot = 0;
      for (int j = 0; j < stored.length; j++) {
        dot += stored[j] * now.get(i)[j];
      }
      assertThat(dot).as("pre-encoded vector of %s", sample.get(i).id()).isGreaterThan(0.9999);
    }
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
