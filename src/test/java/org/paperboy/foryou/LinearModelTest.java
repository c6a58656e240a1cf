package org.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  /** Unit vectors near {@code centre}, with noise. */
  private static List<float[]> cloud(float[] centre, int n, long seed) {
    Random r = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[centre.length];
      double norm = 0;
      for (int d = 0; d < v.length; d++) {
        v[d] = centre[d] + (float) (r.nextGaussian() * 0.3);
        norm += v[d] * v[d];
      }
      for (int d = 0; d < v.length; d++) {
        v[d] /= (float) Math.sqrt(norm);
      }
      out.add(v);
    }
    return out;
  }

  private static float[] axis(int dim, int d) {
    float[] v = new float[dim];
    v[d] = 1;
    return v;
  }

  @Test
  void separatesTwoClustersAndScoresUnseenPointsOfEachSide() {
    int dim = 32;
    LinearModel m = LinearModel.train(cloud(axis(dim, 0), 25, 1), cloud(axis(dim, 1), 300, 2));
    for (float[] v : cloud(axis(dim, 0), 20, 3)) {
      assertThat(m.probability(v)).isGreaterThan(0.5);
    }
    for (float[] v : cloud(axis(dim, 1), 20, 4)) {
      assertThat(m.probability(v)).isLessThan(0.5);
    }
  }

  @Test
  void theSameExamplesGiveTheSameModel() {
    List<float[]> pos = cloud(axis(16, 2), 10, 5);
    List<float[]> neg = cloud(axis(16, 3), 50, 6);
    assertThat(LinearModel.train(pos, neg).weights())
        .containsExactly(LinearModel.train(pos, neg).weights());
  }

  @Test
  void refusesEmptyClassesAndMixedDimensions() {
    assertThatThrownBy(() -> LinearModel.train(List.of(), List.of(new float[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive and negative");
    assertThatThrownBy(
            () -> LinearModel.train(List.of(new float[] {1, 0}), List.of(new float[] {1})))
        .hasMessageContaining("different lengths");
  }
}
