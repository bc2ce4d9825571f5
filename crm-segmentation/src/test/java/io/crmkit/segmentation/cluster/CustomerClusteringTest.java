package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerClusteringTest {

  /** Recent frequent big spenders and lapsed one-time small buyers: days since, purchases, spend. */
  private static Map<CustomerId, double[]> rfm() {
    Random random = new Random(5);
    Map<CustomerId, double[]> features = new LinkedHashMap<>();
    for (int i = 0; i < 80; i++) {
      boolean loyal = i % 2 == 0;
      features.put(CustomerId.of(new UUID(3, i)), loyal
          ? new double[] {5 + random.nextInt(10), 20 + random.nextInt(5), 2_000 + random.nextInt(500)}
          : new double[] {300 + random.nextInt(60), 1, 30 + random.nextInt(20)});
    }
    return features;
  }

  @Test
  void customersOfTheSameKindShareAClusterAndTheTwoKindsDoNot() {
    CustomerClustering.Result result = CustomerClustering.cluster(rfm(), KMeans.withK(2).seed(1));

    int loyal = result.clusterOf().get(CustomerId.of(new UUID(3, 0)));
    result.clusterOf().forEach((id, cluster) ->
        assertThat(cluster).as("%s", id).isEqualTo(id.value().getLeastSignificantBits() % 2 == 0 ? loyal : 1 - loyal));
    assertThat(result.zScores().apply(new double[] {5, 20, 2_000})[1]).isPositive();
  }

  @Test
  void theOrderOfTheMapGivenDoesNotChangeTheClusters() {
    Map<CustomerId, double[]> features = rfm();
    Map<CustomerId, double[]> reversed = new LinkedHashMap<>();
    List<CustomerId> ids = new java.util.ArrayList<>(features.keySet());
    java.util.Collections.reverse(ids);
    ids.forEach(id -> reversed.put(id, features.get(id)));

    CustomerClustering.Result first = CustomerClustering.cluster(features, KMeans.withK(3).seed(8));
    CustomerClustering.Result second = CustomerClustering.cluster(new HashMap<>(reversed), KMeans.withK(3).seed(8));

    assertThat(second.clusterOf()).isEqualTo(first.clusterOf());
    assertThat(second.kMeans()).isEqualTo(first.kMeans());
  }

  @Test
  void fewerCustomersThanClustersIsRefused() {
    assertThatThrownBy(() -> CustomerClustering.cluster(Map.of(CustomerId.of(new UUID(0, 1)), new double[] {1}),
        KMeans.withK(2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 vectors");
  }
}
