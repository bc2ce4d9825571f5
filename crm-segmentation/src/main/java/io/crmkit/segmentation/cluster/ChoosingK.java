package io.crmkit.segmentation.cluster;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Helps choose k: clusters the same vectors for every k in a range (same seed) and reports each
 * k's within-cluster sum of squares (look for the elbow, where adding a cluster stops paying) and
 * silhouette score (higher is better).
 */
public final class ChoosingK {
  private ChoosingK() {}

  /**
   * One k's figures.
   *
   * @param k the number of clusters
   * @param wcss the within-cluster sum of squares of k-means into k clusters
   * @param silhouette the silhouette score of that clustering ({@link Silhouette#score(double[][], int[])});
   *     0 for k = 1, which has no second cluster to compare with
   */
  public record Candidate(int k, double wcss, double silhouette) {}

  /**
   * The figures of k = {@code fromK} .. {@code toK}, in that order, each from {@code
   * KMeans.withK(k).seed(seed)}.
   *
   * @throws IllegalArgumentException if {@code fromK < 1}, {@code toK < fromK}, or there are fewer
   *     vectors than {@code toK}
   */
  public static List<Candidate> evaluate(double[][] vectors, int fromK, int toK, long seed) {
    Require.positive(fromK, "fromK");
    Require.atLeast(toK, fromK, "toK");
    List<Candidate> candidates = new ArrayList<>();
    for (int k = fromK; k <= toK; k++) {
      KMeans.Result result = KMeans.withK(k).seed(seed).cluster(vectors);
      double silhouette = distinctClusters(result) < 2 ? 0 : Silhouette.score(vectors, result.assignments());
      candidates.add(new Candidate(k, result.wcss(), silhouette));
    }
    return candidates;
  }

  /** The candidate with the highest silhouette score (the lower k among equals). */
  public static Candidate bestBySilhouette(List<Candidate> candidates) {
    Require.argument(!candidates.isEmpty(), "no candidates to choose from");
    Candidate best = candidates.get(0);
    for (Candidate candidate : candidates) {
      if (candidate.silhouette() > best.silhouette()) {
        best = candidate;
      }
    }
    return best;
  }

  private static long distinctClusters(KMeans.Result result) {
    return java.util.Arrays.stream(result.sizes()).filter(size -> size > 0).count();
  }
}
