package io.crmkit.segmentation.rfm;

import static io.crmkit.segmentation.rfm.Summaries.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfmScoringTest {

  private static RfmValues values(int n, long recencyDays, int frequency, String monetary) {
    return new RfmValues(customer(n), Duration.ofDays(recencyDays), frequency, new BigDecimal(monetary));
  }

  @Test
  void tenDistinctCustomersFillEachQuintileWithTwo() {
    List<RfmValues> population = IntStream.rangeClosed(1, 10)
        .mapToObj(i -> values(i, 100 - i, i, i + ".00")).toList();

    List<RfmScore> scores = RfmScoring.quintiles().score(population);

    assertThat(scores).extracting(RfmScore::frequency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(scores).extracting(RfmScore::monetary).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    // the most recent buyer (customer 10, 90 days ago) scores R 5
    assertThat(scores).extracting(RfmScore::recency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
  }

  @Test
  void equalFiguresGetEqualScoresAtTheLowestRankOfTheirTie() {
    List<RfmValues> population = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      population.add(values(i, 10, 1, "5.00"));
    }
    population.add(values(7, 10, 2, "5.00"));
    population.add(values(8, 10, 2, "5.0"));
    population.add(values(9, 10, 7, "9.00"));
    population.add(values(10, 10, 9, "9.00"));

    List<RfmScore> scores = RfmScoring.quintiles().score(population);

    // six customers bought once: 0 worse, all F 1; frequency 2 has 6 worse of 10: F 4
    assertThat(scores).extracting(RfmScore::frequency).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    // 5.00 and 5.0 are the same amount
    assertThat(scores).extracting(RfmScore::monetary).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 5, 5);
    assertThat(scores).extracting(RfmScore::recency).containsOnly(1);
  }

  @Test
  void figuresTooLargeForALongAreScoredExactlyAsSmallOnes() {
    // recencies of centuries overflow nanoseconds, amounts of 30 digits overflow a long
    String huge = "123456789012345678901234567890";
    List<RfmValues> large = IntStream.rangeClosed(1, 10)
        .mapToObj(i -> new RfmValues(customer(i), Duration.ofDays(365L * 400 - i), i, new BigDecimal(huge + i)))
        .toList();
    List<RfmValues> small = IntStream.rangeClosed(1, 10)
        .mapToObj(i -> new RfmValues(customer(i), Duration.ofDays(100 - i), i, new BigDecimal(i))).toList();

    assertThat(RfmScoring.quintiles().score(large)).isEqualTo(RfmScoring.quintiles().score(small));
  }

  @Test
  void quintilesOfNobodyAreNoScores() {
    assertThat(RfmScoring.quintiles().score(List.of())).isEmpty();
  }

  @Test
  void thresholdsScoreEachBoundaryInclusively() {
    RfmScoring scoring = RfmScoring.thresholds(
        List.of(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(365)),
        List.of(2, 4, 8, 16),
        List.of(new BigDecimal("100"), new BigDecimal("500"), new BigDecimal("1000"), new BigDecimal("5000")));

    List<RfmScore> scores = scoring.score(List.of(
        values(1, 30, 1, "99.99"),
        values(2, 31, 2, "100"),
        values(3, 365, 15, "4999.99"),
        values(4, 366, 16, "5000")));

    assertThat(scores).containsExactly(new RfmScore(5, 1, 1), new RfmScore(4, 2, 2), new RfmScore(2, 4, 4),
        new RfmScore(1, 5, 5));
  }

  @Test
  void thresholdsMustBeFourAscendingBoundaries() {
    List<Duration> recency = List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(4));
    List<BigDecimal> monetary = List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.TEN, BigDecimal.valueOf(20));

    assertThatThrownBy(() -> RfmScoring.thresholds(recency, List.of(1, 2, 3), monetary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency needs 4 boundaries");
    assertThatThrownBy(() -> RfmScoring.thresholds(recency, List.of(1, 2, 2, 3), monetary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly ascending");
  }

  @Test
  void theCombinedFrequencyMonetaryScoreRoundsAHalfUp() {
    assertThat(new RfmScore(3, 4, 5).frequencyMonetary()).isEqualTo(5);
    assertThat(new RfmScore(3, 1, 2).frequencyMonetary()).isEqualTo(2);
    assertThat(new RfmScore(3, 3, 3).frequencyMonetary()).isEqualTo(3);
    assertThat(new RfmScore(5, 4, 5).code()).isEqualTo("545");
  }
}
