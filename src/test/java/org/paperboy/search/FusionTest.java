package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static List<ScoredId> list(String... ids) {
    ScoredId[] out = new ScoredId[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = new ScoredId(ids[i], ids.length - i);
    }
    return List.of(out);
  }

  @Test
  void rrfSumsReciprocalRanks() {
    List<ScoredId> fused =
        Fusion.reciprocalRank(List.of(list("a", "b", "c"), list("b", "d")), 60, 10);
    assertThat(fused).extracting(ScoredId::id).containsExactly("b", "a", "d", "c");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
  }

  @Test
  void rrfBreaksTiesById() {
    List<ScoredId> fused = Fusion.reciprocalRank(List.of(list("z", "y"), list("y", "z")), 60, 10);
    assertThat(fused).extracting(ScoredId::id).containsExactly("y", "z");
  }

  @Test
  void rrfCutsToTheLimit() {
    assertThat(Fusion.reciprocalRank(List.of(list("a", "b", "c")), 60, 2)).hasSize(2);
    assertThat(Fusion.reciprocalRank(List.of(), 60, 5)).isEmpty();
  }

  @Test
  void convexNormalisesEachListThenWeighs() {
    List<ScoredId> lex = List.of(new ScoredId("a", 10), new ScoredId("b", 5), new ScoredId("c", 0));
    List<ScoredId> dense =
        List.of(new ScoredId("c", 0.9), new ScoredId("b", 0.7), new ScoredId("d", 0.5));
    List<ScoredId> fused = Fusion.convex(lex, dense, 0.3, 10);
    // a: 0.3*1 = 0.3; b: 0.3*0.5 + 0.7*0.5 = 0.5; c: 0 + 0.7*1 = 0.7; d: 0.7*0 = 0
    assertThat(fused).extracting(ScoredId::id).containsExactly("c", "b", "a", "d");
    assertThat(fused.get(0).score()).isCloseTo(0.7, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void convexWithWeightOneIsTheLexicalOrder() {
    List<ScoredId> lex = list("a", "b", "c");
    assertThat(Fusion.convex(lex, list("c", "b", "a"), 1.0, 10))
        .extracting(ScoredId::id)
        .containsExactly("a", "b", "c");
    assertThatThrownBy(() -> Fusion.convex(lex, lex, 1.5, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
