package io.crmkit.segmentation.cluster;

import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * k-means over customers: each customer's features (recency, frequency, monetary value, or any
 * other numbers) are standardised to z-scores and clustered, and each customer gets its cluster.
 * Customers are taken in id order, so the result depends on the features, k and seed only, never
 * on the order of the map given.
 *
 * <pre>{@code
 * CustomerClustering.Result result = CustomerClustering.cluster(rfmByCustomer, KMeans.withK(4).seed(42));
 * int cluster = result.clusterOf().get(customerId);
 * }</pre>
 */
public final class CustomerClustering {
  private CustomerClustering() {}

  /**
   * A clustering of customers.
   *
   * @param clusterOf each customer's cluster, {@code 0..k-1}, in id order
   * @param kMeans the clustering of the standardised features (centroids in z-scores)
   * @param zScores the standardisation, to read centroids back in the features' units or to place
   *     new customers
   */
  public record Result(Map<CustomerId, Integer> clusterOf, KMeans.Result kMeans, ZScores zScores) {
    public Result {
      clusterOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clusterOf));
      Objects.requireNonNull(kMeans, "kMeans");
      Objects.requireNonNull(zScores, "zScores");
    }
  }

  /**
   * Standardises {@code features} and clusters them with {@code kMeans}.
   *
   * @throws IllegalArgumentException if there are fewer customers than k, or the vectors differ in
   *     length or hold a value that is not finite
   */
  public static Result cluster(Map<CustomerId, double[]> features, KMeans kMeans) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(kMeans, "kMeans");
    List<CustomerId> ids = new ArrayList<>(features.keySet());
    ids.sort(null);
    double[][] vectors = new double[ids.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = Objects.requireNonNull(features.get(ids.get(i)), () -> "features of a customer").clone();
    }
    Vectors.check(vectors);
    ZScores zScores = ZScores.fit(vectors);
    KMeans.Result result = kMeans.cluster(zScores.apply(vectors));
    Map<CustomerId, Integer> clusterOf = new LinkedHashMap<>();
    int[] assignments = result.assignments();
    for (int i = 0; i < assignments.length; i++) {
      clusterOf.put(ids.get(i), assignments[i]);
    }
    return new Result(clusterOf, result, zScores);
  }
}
