package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class KMeansProperties {

  @Property(tries = 200)
  void everyPointIsInExactlyOneOfTheKClusters(@ForAll("points") double[][] points, @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll long seed) {
    int clusters = Math.min(k, points.length);

    KMeans.Result result = KMeans.withK(clusters).seed(seed).cluster(points);

    assertThat(result.assignments()).hasSize(points.length);
    assertThat(Arrays.stream(result.assignments()).allMatch(c -> c >= 0 && c < clusters)).isTrue();
    assertThat(Arrays.stream(result.sizes()).sum()).isEqualTo(points.length);
    assertThat(result.centroids()).hasNumberOfRows(clusters);
  }

  @Property(tries = 200)
  void theWithinClusterSumOfSquaresNeverRisesFromOneLloydIterationToTheNext(@ForAll("points") double[][] points,
      @ForAll @IntRange(min = 1, max = 6) int k, @ForAll long seed) {
    KMeans.Result result = KMeans.withK(Math.min(k, points.length)).seed(seed).cluster(points);

    List<Double> wcss = result.wcssPerIteration();
    for (int i = 1; i < wcss.size(); i++) {
      assertThat(wcss.get(i)).as("iteration %s of %s", i, wcss).isLessThanOrEqualTo(wcss.get(i - 1) * (1 + 1e-12) + 1e-12);
    }
    assertThat(result.wcss()).isEqualTo(wcss.get(wcss.size() - 1));
    assertThat(result.wcss()).isCloseTo(KMeans.wcss(points, result.assignments(), result.centroids()),
        org.assertj.core.api.Assertions.within(1e-9 * (1 + result.wcss())));
  }

  @Property(tries = 100)
  void theSameSeedGivesTheSameResult(@ForAll("points") double[][] points, @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll long seed) {
    KMeans kMeans = KMeans.withK(Math.min(k, points.length)).seed(seed);

    assertThat(kMeans.cluster(points)).isEqualTo(kMeans.cluster(points));
  }

  @Property(tries = 100)
  void zScoresHaveMeanZeroAndUnitDeviationOrAreZeroWithoutSpread(@ForAll("points") double[][] points) {
    double[][] z = ZScores.standardise(points);

    for (int d = 0; d < points[0].length; d++) {
      int feature = d;
      double mean = Arrays.stream(z).mapToDouble(v -> v[feature]).average().orElseThrow();
      double variance = Arrays.stream(z).mapToDouble(v -> (v[feature] - mean) * (v[feature] - mean)).average()
          .orElseThrow();
      boolean spread = Arrays.stream(points).mapToDouble(v -> v[feature]).distinct().count() > 1;
      assertThat(mean).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(variance).isCloseTo(spread ? 1 : 0, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  /** 1 to 60 points of 1 to 4 features, from a coarse grid (so duplicates and ties happen) or anywhere. */
  @Provide
  Arbitrary<double[][]> points() {
    return Arbitraries.integers().between(1, 4).flatMap(dimensions -> {
      Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.integers().between(-3, 3).map(Integer::doubleValue),
          Arbitraries.doubles().between(-1000, 1000));
      Arbitrary<double[]> point = value.list().ofSize(dimensions)
          .map(values -> values.stream().mapToDouble(Double::doubleValue).toArray());
      return point.list().ofMinSize(1).ofMaxSize(60).map(list -> list.toArray(double[][]::new));
    });
  }
}
