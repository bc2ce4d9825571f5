package io.crmkit.segmentation.cluster;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-means clustering of feature vectors (standardise them first, {@link ZScores}): k-means++
 * seeding, then Lloyd's iterations until no point changes cluster or the iteration limit is
 * reached.
 *
 * <pre>{@code
 * KMeans.Result result = KMeans.withK(4).seed(42).cluster(ZScores.standardise(rfmFeatures));
 * int clusterOfFirstCustomer = result.assignments()[0];
 * }</pre>
 *
 * <p><b>Reproducible.</b> The only randomness is the seeding, drawn from a {@link
 * SplittableRandom} with the given seed, and every step runs in one thread in point order, so the
 * same vectors, k and seed give the same clusters, bit for bit, on every run and machine. Ties go
 * to the lower cluster index. crmkit has its own small Lloyd's rather than commons-math's {@code
 * KMeansPlusPlusClusterer} (which is seedable too) because it reports the within-cluster sum of
 * squares after every iteration, which is what shows the algorithm working (it never rises), and
 * needs no wrapper type per point.
 *
 * <p><b>Empty clusters.</b> When a cluster loses all its points, its centre moves to the point
 * farthest from its own centre (the lowest index among equals), so the result always has k
 * clusters when there are at least k distinct points.
 */
public final class KMeans {
  private final int k;
  private final long seed;
  private final int maxIterations;

  private KMeans(int k, long seed, int maxIterations) {
    this.k = k;
    this.seed = seed;
    this.maxIterations = maxIterations;
  }

  /**
   * k-means into {@code k} clusters, seed 0, at most 300 iterations.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static KMeans withK(int k) {
    Require.positive(k, "k");
    return new KMeans(k, 0, 300);
  }

  /** The same with the seeding drawn from {@code seed}. */
  public KMeans seed(long seed) {
    return new KMeans(k, seed, maxIterations);
  }

  /**
   * The same with at most {@code maxIterations} Lloyd iterations.
   *
   * @throws IllegalArgumentException if {@code maxIterations < 1}
   */
  public KMeans maxIterations(int maxIterations) {
    Require.positive(maxIterations, "maxIterations");
    return new KMeans(k, seed, maxIterations);
  }

  /**
   * A clustering.
   *
   * @param assignments each vector's cluster, {@code 0..k-1}, in the vectors' order
   * @param centroids each cluster's mean
   * @param wcss the within-cluster sum of squared distances to the centroids (inertia)
   * @param wcssPerIteration the within-cluster sum of squares after each Lloyd iteration, non-increasing
   * @param converged whether the last iteration changed no assignment (else the limit stopped it)
   */
  public record Result(int[] assignments, double[][] centroids, double wcss, List<Double> wcssPerIteration,
      boolean converged) {
    public Result {
      assignments = assignments.clone();
      centroids = Arrays.stream(centroids).map(double[]::clone).toArray(double[][]::new);
      wcssPerIteration = List.copyOf(wcssPerIteration);
    }

    @Override
    public int[] assignments() {
      return assignments.clone();
    }

    @Override
    public double[][] centroids() {
      return Arrays.stream(centroids).map(double[]::clone).toArray(double[][]::new);
    }

    /** The number of clusters. */
    public int k() {
      return centroids.length;
    }

    /** How many vectors each cluster holds. */
    public int[] sizes() {
      int[] sizes = new int[centroids.length];
      for (int cluster : assignments) {
        sizes[cluster]++;
      }
      return sizes;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Result r && Arrays.equals(assignments, r.assignments)
          && Arrays.deepEquals(centroids, r.centroids) && Double.compare(wcss, r.wcss) == 0
          && wcssPerIteration.equals(r.wcssPerIteration) && converged == r.converged;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(assignments) * 31 + Arrays.deepHashCode(centroids);
    }

    @Override
    public String toString() {
      return "KMeans.Result[k=" + k() + ", sizes=" + Arrays.toString(sizes()) + ", wcss=" + wcss
          + ", iterations=" + wcssPerIteration.size() + ", converged=" + converged + "]";
    }
  }

  /**
   * Clusters {@code vectors}.
   *
   * @throws IllegalArgumentException if there are fewer vectors than k, the vectors differ in
   *     length or hold a value that is not finite
   */
  public Result cluster(double[][] vectors) {
    Vectors.check(vectors);
    Require.argument(vectors.length >= k, "k-means into %s clusters needs at least %s vectors, got %s", k, k,
        vectors.length);
    double[][] centroids = seedCentroids(vectors, new SplittableRandom(seed));
    int[] assignments = new int[vectors.length];
    Arrays.fill(assignments, -1);
    List<Double> wcssPerIteration = new ArrayList<>();
    boolean converged = false;
    for (int iteration = 0; iteration < maxIterations && !converged; iteration++) {
      converged = !assign(vectors, centroids, assignments);
      update(vectors, assignments, centroids);
      wcssPerIteration.add(wcss(vectors, assignments, centroids));
    }
    return new Result(assignments, centroids, wcssPerIteration.get(wcssPerIteration.size() - 1), wcssPerIteration,
        converged);
  }

  /** k-means++: the first centre uniformly, each next one with probability proportional to D². */
  private double[][] seedCentroids(double[][] vectors, SplittableRandom random) {
    int n = vectors.length;
    double[][] centroids = new double[k][];
    centroids[0] = vectors[random.nextInt(n)].clone();
    double[] nearest = new double[n];
    for (int i = 0; i < n; i++) {
      nearest[i] = Vectors.squaredDistance(vectors[i], centroids[0]);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double d : nearest) {
        total += d;
      }
      int chosen;
      if (total == 0) {
        chosen = random.nextInt(n);
      } else {
        double target = random.nextDouble() * total;
        chosen = n - 1;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
          cumulative += nearest[i];
          if (cumulative > target) {
            chosen = i;
            break;
          }
        }
      }
      centroids[c] = vectors[chosen].clone();
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], Vectors.squaredDistance(vectors[i], centroids[c]));
      }
    }
    return centroids;
  }

  /** Assigns each vector to its nearest centroid (ties to the lower index); whether any assignment changed. */
  private static boolean assign(double[][] vectors, double[][] centroids, int[] assignments) {
    boolean changed = false;
    for (int i = 0; i < vectors.length; i++) {
      int best = 0;
      double bestDistance = Vectors.squaredDistance(vectors[i], centroids[0]);
      for (int c = 1; c < centroids.length; c++) {
        double distance = Vectors.squaredDistance(vectors[i], centroids[c]);
        if (distance < bestDistance) {
          best = c;
          bestDistance = distance;
        }
      }
      if (assignments[i] != best) {
        assignments[i] = best;
        changed = true;
      }
    }
    return changed;
  }

  /** Moves each centroid to its cluster's mean; an empty cluster's to the point farthest from its centre. */
  private static void update(double[][] vectors, int[] assignments, double[][] centroids) {
    int dimensions = vectors[0].length;
    double[][] sums = new double[centroids.length][dimensions];
    int[] counts = new int[centroids.length];
    for (int i = 0; i < vectors.length; i++) {
      counts[assignments[i]]++;
      for (int d = 0; d < dimensions; d++) {
        sums[assignments[i]][d] += vectors[i][d];
      }
    }
    for (int c = 0; c < centroids.length; c++) {
      if (counts[c] > 0) {
        for (int d = 0; d < dimensions; d++) {
          centroids[c][d] = sums[c][d] / counts[c];
        }
      }
    }
    java.util.Set<Integer> taken = new java.util.HashSet<>();
    for (int c = 0; c < centroids.length; c++) {
      if (counts[c] == 0) {
        int farthest = farthest(vectors, assignments, centroids, taken);
        taken.add(farthest);
        centroids[c] = vectors[farthest].clone();
      }
    }
  }

  /** The vector farthest from its centroid, not yet taken by another empty cluster this round. */
  private static int farthest(double[][] vectors, int[] assignments, double[][] centroids,
      java.util.Set<Integer> taken) {
    int farthest = 0;
    double distance = -1;
    for (int i = 0; i < vectors.length; i++) {
      double d = Vectors.squaredDistance(vectors[i], centroids[assignments[i]]);
      if (d > distance && !taken.contains(i)) {
        farthest = i;
        distance = d;
      }
    }
    return farthest;
  }

  static double wcss(double[][] vectors, int[] assignments, double[][] centroids) {
    double sum = 0;
    for (int i = 0; i < vectors.length; i++) {
      sum += Vectors.squaredDistance(vectors[i], centroids[assignments[i]]);
    }
    return sum;
  }

  @Override
  public String toString() {
    return "KMeans[k=" + k + ", seed=" + seed + ", maxIterations=" + maxIterations + "]";
  }
}
