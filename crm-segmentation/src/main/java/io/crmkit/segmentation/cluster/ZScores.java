package io.crmkit.segmentation.cluster;

import io.crmkit.core.common.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * Standardisation of feature vectors to z-scores, {@code (x - mean) / standard deviation} per
 * feature, so that recency in days, a purchase count and a spend in yuan weigh alike in k-means'
 * distances. The means and (population) standard deviations are fitted on one set of vectors
 * and can then standardise others the same way. A feature with no spread (every value equal)
 * standardises to 0: it cannot tell customers apart, so it adds nothing to a distance.
 */
public final class ZScores {
  private final double[] means;
  private final double[] deviations;

  private ZScores(double[] means, double[] deviations) {
    this.means = means;
    this.deviations = deviations;
  }

  /**
   * The means and standard deviations of {@code vectors}' features.
   *
   * @throws IllegalArgumentException if there are no vectors, they differ in length, have no
   *     features, or hold a value that is not finite
   */
  public static ZScores fit(double[][] vectors) {
    Vectors.check(vectors);
    int n = vectors.length;
    int dimensions = vectors[0].length;
    double[] means = new double[dimensions];
    double[] deviations = new double[dimensions];
    for (int d = 0; d < dimensions; d++) {
      double sum = 0;
      for (double[] vector : vectors) {
        sum += vector[d];
      }
      double mean = sum / n;
      double squares = 0;
      for (double[] vector : vectors) {
        double delta = vector[d] - mean;
        squares += delta * delta;
      }
      means[d] = mean;
      deviations[d] = Math.sqrt(squares / n);
    }
    return new ZScores(means, deviations);
  }

  /** Fits on {@code vectors} and standardises them: the usual one step. */
  public static double[][] standardise(double[][] vectors) {
    return fit(vectors).apply(vectors);
  }

  /**
   * {@code vectors} in z-scores of the fitted features, as new arrays.
   *
   * @throws IllegalArgumentException if a vector's length is not the fitted one
   */
  public double[][] apply(double[][] vectors) {
    Objects.requireNonNull(vectors, "vectors");
    double[][] out = new double[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      out[i] = apply(vectors[i]);
    }
    return out;
  }

  /** One vector in z-scores. */
  public double[] apply(double[] vector) {
    Objects.requireNonNull(vector, "vector");
    Require.argument(vector.length == means.length, "a vector must have %s features, got %s", means.length,
        vector.length);
    double[] z = new double[vector.length];
    for (int d = 0; d < vector.length; d++) {
      z[d] = deviations[d] == 0 ? 0 : (vector[d] - means[d]) / deviations[d];
    }
    return z;
  }

  /** The fitted means, one per feature. */
  public double[] means() {
    return means.clone();
  }

  /** The fitted population standard deviations, one per feature. */
  public double[] deviations() {
    return deviations.clone();
  }

  @Override
  public String toString() {
    return "ZScores[means=" + Arrays.toString(means) + ", deviations=" + Arrays.toString(deviations) + "]";
  }
}
