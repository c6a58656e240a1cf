package org.paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void ndcgMatchesTrecEvalOnAHandComputedCase() {
    // relevant: a, c. Ranked: a, b, c -> DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3)
    double expected = 1.5 / (1 + 1 / (Math.log(3) / Math.log(2)));
    assertThat(Metrics.ndcg(List.of("a", "b", "c"), Map.of("a", 1, "c", 1), 10))
        .isCloseTo(expected, within(1e-12));
    assertThat(Metrics.ndcg(List.of("a", "c"), Map.of("a", 1, "c", 1), 10)).isEqualTo(1.0);
    assertThat(Metrics.ndcg(List.of("x"), Map.of("a", 1), 10)).isZero();
  }

  @Test
  void recallCountsRelevantFoundWithinK() {
    assertThat(Metrics.recall(List.of("a", "b", "c"), Map.of("a", 1, "d", 1), 100)).isEqualTo(0.5);
    assertThat(Metrics.recall(List.of("b", "a"), Map.of("a", 1), 1)).isZero();
  }
}
