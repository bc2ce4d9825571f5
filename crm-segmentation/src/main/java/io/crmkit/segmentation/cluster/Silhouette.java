package io.crmkit.segmentation.cluster;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The silhouette score of a clustering: for each point, {@code (b - a) / max(a, b)} where {@code
 * a} is its mean distance to the other points of its cluster and {@code b} the smallest mean
 * distance to the points of another cluster; the score is the mean over the points, from -1
 * (points sit in the wrong clusters) to 1 (tight, well separated clusters). A point alone in its
 * cluster scores 0, as in Rousseeuw's definition. The k with the highest score is a good choice.
 *
 * <p>The exact score costs n² distances, so above {@code sampleSize} points it is computed on a
 * sample of that many points drawn with {@code seed} (the same sample for the same inputs), as
 * scikit-learn's {@code sample_size} does.
 */
public final class Silhouette {
  /** The sample size of {@link #score(double[][], int[])}. */
  public static final int DEFAULT_SAMPLE_SIZE = 2_000;

  private Silhouette() {}

  /** The score on at most {@value #DEFAULT_SAMPLE_SIZE} points, sampled with seed 0. */
  public static double score(double[][] vectors, int[] assignments) {
    return score(vectors, assignments, DEFAULT_SAMPLE_SIZE, 0);
  }

  /**
   * The score on at most {@code sampleSize} points.
   *
   * @throws IllegalArgumentException if the assignments do not match the vectors, or there are
   *     fewer than two clusters among the (sampled) points, or {@code sampleSize < 2}
   */
  public static double score(double[][] vectors, int[] assignments, int sampleSize, long seed) {
    Vectors.check(vectors);
    Objects.requireNonNull(assignments, "assignments");
    Require.argument(assignments.length == vectors.length, "%s assignments for %s vectors", assignments.length,
        vectors.length);
    Require.atLeast(sampleSize, 2, "sampleSize");
    int[] sample = sample(vectors.length, sampleSize, seed);
    int clusters = 0;
    for (int cluster : assignments) {
      Require.argument(cluster >= 0, "a cluster index must not be negative, got %s", cluster);
      clusters = Math.max(clusters, cluster + 1);
    }
    double total = 0;
    for (int i : sample) {
      total += pointScore(vectors, assignments, sample, i, clusters);
    }
    long distinct = java.util.Arrays.stream(sample).map(i -> assignments[i]).distinct().count();
    Require.argument(distinct >= 2, "a silhouette needs at least two clusters, got %s", distinct);
    return total / sample.length;
  }

  private static double pointScore(double[][] vectors, int[] assignments, int[] sample, int i, int clusters) {
    double[] sums = new double[clusters];
    int[] counts = new int[clusters];
    for (int j : sample) {
      if (j != i) {
        sums[assignments[j]] += Math.sqrt(Vectors.squaredDistance(vectors[i], vectors[j]));
        counts[assignments[j]]++;
      }
    }
    int own = assignments[i];
    if (counts[own] == 0) {
      return 0;
    }
    double a = sums[own] / counts[own];
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < clusters; c++) {
      if (c != own && counts[c] > 0) {
        b = Math.min(b, sums[c] / counts[c]);
      }
    }
    if (b == Double.POSITIVE_INFINITY || Math.max(a, b) == 0) {
      return 0;
    }
    return (b - a) / Math.max(a, b);
  }

  /** Every index when there are at most {@code size}, else {@code size} distinct indices drawn with {@code seed}, sorted. */
  private static int[] sample(int n, int size, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (n <= size) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(n - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] chosen = java.util.Arrays.copyOf(all, size);
    java.util.Arrays.sort(chosen);
    return chosen;
  }
}
