package io.crmkit.segmentation.cluster;

import io.crmkit.core.common.Require;
import java.util.Objects;

/** The checks and distances the clustering classes share. */
final class Vectors {
  private Vectors() {}

  /** Checks that {@code vectors} is a non-empty matrix of finite values with at least one feature. */
  static void check(double[][] vectors) {
    Objects.requireNonNull(vectors, "vectors");
    Require.argument(vectors.length > 0, "at least one vector is needed");
    int dimensions = Objects.requireNonNull(vectors[0], "vectors[0]").length;
    Require.argument(dimensions > 0, "vectors need at least one feature");
    for (int i = 0; i < vectors.length; i++) {
      double[] vector = Objects.requireNonNull(vectors[i], () -> "vector " + vectors.length);
      Require.argument(vector.length == dimensions, "every vector must have %s features, vector %s has %s",
          dimensions, i, vector.length);
      for (double value : vector) {
        Require.argument(Double.isFinite(value), "vector %s holds %s; features must be finite", i, value);
      }
    }
  }

  static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double delta = a[d] - b[d];
      sum += delta * delta;
    }
    return sum;
  }
}
