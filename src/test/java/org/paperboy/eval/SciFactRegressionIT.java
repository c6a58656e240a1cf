package org.paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingModelId;
import org.paperboy.search.HybridFusion;
import org.paperboy.search.SearchMode;
import org.paperboy.testing.SharedData;

/**
 * Pinned effectiveness on BEIR SciFact (test split), checked two-sided like Anserini's regressions:
 * a better number fails too, until {@code regression/scifact.properties} is updated with it.
 */
class SciFactRegressionIT {
  @TempDir Path tmp;

  @Test
  void scifactScoresMatchThePinnedNumbers() throws IOException {
    Properties pinned = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/regression/scifact.properties")) {
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
    // The bar for keyword search: within 0.015 of Anserini's BM25 (0.6789).
    assertThat(scores.get(SearchMode.KEYWORD).ndcgAt10()).isCloseTo(0.6789, within(0.015));
  }
}
