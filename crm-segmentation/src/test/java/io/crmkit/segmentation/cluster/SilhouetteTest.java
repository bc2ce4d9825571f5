package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

  @Test
  void twoPairsOnALineScoreAsRousseeuwDefines() {
    double[][] points = {{0}, {1}, {10}, {11}};
    int[] clusters = {0, 0, 1, 1};
    // a = 1 for every point; b = 10.5 for 0 and 11, 9.5 for 1 and 10.
    double expected = ((10.5 - 1) / 10.5 * 2 + (9.5 - 1) / 9.5 * 2) / 4;

    assertThat(Silhouette.score(points, clusters)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void pointsInTheWrongClustersScoreBelowZeroAndAPointAloneScoresZero() {
    double[][] points = {{0}, {10}, {1}, {11}};

    assertThat(Silhouette.score(points, new int[] {0, 0, 1, 1})).isNegative();
    assertThat(Silhouette.score(new double[][] {{0}, {5}, {6}}, new int[] {0, 1, 1}))
        .isCloseTo((0 + (5 - 1) / 5.0 + (6 - 1) / 6.0) / 3, within(1e-12));
  }

  @Test
  void aSampleIsDrawnTheSameWayForTheSameSeed() {
    double[][] points = new double[500][];
    int[] clusters = new int[500];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {i % 2 * 10 + (i % 7) * 0.1};
      clusters[i] = i % 2;
    }

    double sampled = Silhouette.score(points, clusters, 50, 3);

    assertThat(Silhouette.score(points, clusters, 50, 3)).isEqualTo(sampled);
    assertThat(sampled).isCloseTo(Silhouette.score(points, clusters), within(0.05));
  }

  @Test
  void oneClusterHasNoSilhouette() {
    assertThatThrownBy(() -> Silhouette.score(new double[][] {{0}, {1}}, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two clusters");
  }
}
