package org.paperboy.foryou;

import java.util.List;

/**
 * A reader's interest as a linear function of a paper's embedding: logistic regression trained on
 * the papers the reader upvoted (positives) against papers they dismissed and a background sample
 * (negatives). Classes are weighted to count equally, with L2 regularisation; training is
 * full-batch gradient descent for a fixed number of steps, so the same examples always give the
 * same model.
 *
 * @param weights one weight per embedding dimension
 * @param bias the intercept
 */
public record LinearModel(float[] weights, float bias) {
  /** Gradient steps; the loss changes by less than 0.1% after this many on 384-d vectors. */
  static final int STEPS = 150;

  static final double LEARNING_RATE = 2.0;
  static final double L2 = 1e-3;

  /**
   * Trains a model. Both lists must be non-empty and every vector must have the same length.
   *
   * @throws IllegalArgumentException when a class is empty or the dimensions differ
   */
  public static LinearModel train(List<float[]> positives, List<float[]> negatives) {
    if (positives.isEmpty() || negatives.isEmpty()) {
      throw new IllegalArgumentException("a model needs positive and negative examples");
    }
    int dim = positives.get(0).length;
    int n = positives.size() + negatives.size();
    float[][] x = new float[n][];
    double[] y = new double[n];
    double[] sampleWeight = new double[n];
    int i = 0;
    for (float[] v : positives) {
      x[i] = checked(v, dim);
      y[i] = 1;
      sampleWeight[i++] = 0.5 / positives.size();
    }
    for (float[] v : negatives) {
      x[i] = checked(v, dim);
      y[i] = 0;
      sampleWeight[i++] = 0.5 / negatives.size();
    }
    double[] w = new double[dim];
    double b = 0;
    double[] grad = new double[dim];
    for (int step = 0; step < STEPS; step++) {
      java.util.Arrays.fill(grad, 0);
      double gradB = 0;
      for (int k = 0; k < n; k++) {
        double z = b;
        float[] xk = x[k];
        for (int d = 0; d < dim; d++) {
          z += w[d] * xk[d];
        }
        double err = (sigmoid(z) - y[k]) * sampleWeight[k];
        gradB += err;
        for (int d = 0; d < dim; d++) {
          grad[d] += err * xk[d];
        }
      }
      for (int d = 0; d < dim; d++) {
        w[d] -= LEARNING_RATE * (grad[d] + L2 * w[d]);
      }
      b -= LEARNING_RATE * gradB;
    }
    float[] weights = new float[dim];
    for (int d = 0; d < dim; d++) {
      weights[d] = (float) w[d];
    }
    return new LinearModel(weights, (float) b);
  }

  /** The margin {@code w·v + b}: higher means more interesting. */
  public double margin(float[] v) {
    double z = bias;
    for (int d = 0; d < weights.length; d++) {
      z += weights[d] * v[d];
    }
    return z;
  }

  /** The predicted probability of interest, in (0, 1). */
  public double probability(float[] v) {
    return sigmoid(margin(v));
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static float[] checked(float[] v, int dim) {
    if (v.length != dim) {
      throw new IllegalArgumentException(
          "vectors of different lengths: " + v.length + " and " + dim);
    }
    return v;
  }
}
