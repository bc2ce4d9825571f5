package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansTest {
  private static final double[][] CENTRES = {{0, 0}, {10, 10}, {-10, 10}};
  private static final int PER_BLOB = 60;

  /** Three well separated blobs of 60 points (standard deviation 0.7 around each centre), shuffled. */
  private static double[][] blobs(long seed) {
    Random random = new Random(seed);
    double[][] points = new double[CENTRES.length * PER_BLOB][];
    for (int i = 0; i < points.length; i++) {
      double[] centre = CENTRES[i % CENTRES.length];
      points[i] = new double[] {centre[0] + 0.7 * random.nextGaussian(), centre[1] + 0.7 * random.nextGaussian()};
    }
    return points;
  }

  @Test
  void separatedBlobsAreRecoveredOneClusterEach() {
    double[][] points = blobs(7);

    KMeans.Result result = KMeans.withK(3).seed(42).cluster(points);

    Set<Integer> clustersOfBlobs = new HashSet<>();
    for (int blob = 0; blob < CENTRES.length; blob++) {
      Set<Integer> clusters = new HashSet<>();
      for (int i = blob; i < points.length; i += CENTRES.length) {
        clusters.add(result.assignments()[i]);
      }
      assertThat(clusters).as("blob %s", blob).hasSize(1);
      clustersOfBlobs.addAll(clusters);
    }
    assertThat(clustersOfBlobs).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(result.sizes()).containsOnly(PER_BLOB);
    assertThat(result.converged()).isTrue();
    for (double[] centre : CENTRES) {
      assertThat(Arrays.stream(result.centroids()).anyMatch(c -> Math.hypot(c[0] - centre[0], c[1] - centre[1]) < 0.5))
          .as("a centroid near %s", Arrays.toString(centre)).isTrue();
    }
    assertThat(Silhouette.score(points, result.assignments())).isGreaterThan(0.8);
  }

  @Test
  void theSameSeedGivesTheSameClustersBitForBit() {
    double[][] points = ZScores.standardise(blobs(11));

    KMeans.Result first = KMeans.withK(5).seed(2024).cluster(points);
    KMeans.Result second = KMeans.withK(5).seed(2024).cluster(points);

    assertThat(second).isEqualTo(first);
    assertThat(second.assignments()).containsExactly(first.assignments());
    assertThat(second.wcssPerIteration()).isEqualTo(first.wcssPerIteration());
  }

  @Test
  void choosingKPointsAtTheNumberOfBlobs() {
    double[][] points = ZScores.standardise(blobs(3));

    List<ChoosingK.Candidate> candidates = ChoosingK.evaluate(points, 1, 6, 1);

    assertThat(candidates).extracting(ChoosingK.Candidate::k).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(ChoosingK.bestBySilhouette(candidates).k()).isEqualTo(3);
    assertThat(candidates.get(0).silhouette()).isZero();
    double dropTo3 = candidates.get(1).wcss() - candidates.get(2).wcss();
    double dropTo4 = candidates.get(2).wcss() - candidates.get(3).wcss();
    assertThat(dropTo3).as("the elbow is at 3").isGreaterThan(10 * dropTo4);
  }

  @Test
  void oneClusterIsTheMeanOfEverything() {
    double[][] points = {{1, 2}, {3, 4}, {5, 9}};

    KMeans.Result result = KMeans.withK(1).cluster(points);

    assertThat(result.centroids()[0][0]).isCloseTo(3, within(1e-12));
    assertThat(result.centroids()[0][1]).isCloseTo(5, within(1e-12));
    assertThat(result.wcss()).isCloseTo((4 + 9) + (0 + 1) + (4 + 16), within(1e-9));
  }

  @Test
  void asManyClustersAsDistinctPointsPutsEachPointAlone() {
    double[][] points = {{0}, {1}, {2}, {3}};

    KMeans.Result result = KMeans.withK(4).seed(9).cluster(points);

    assertThat(result.sizes()).containsOnly(1);
    assertThat(result.wcss()).isZero();
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> KMeans.withK(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
    assertThatThrownBy(() -> KMeans.withK(3).cluster(new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 vectors");
    assertThatThrownBy(() -> KMeans.withK(1).cluster(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 1 has 1");
    assertThatThrownBy(() -> KMeans.withK(1).cluster(new double[][] {{Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> KMeans.withK(1).cluster(new double[0][]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one vector");
  }
}
