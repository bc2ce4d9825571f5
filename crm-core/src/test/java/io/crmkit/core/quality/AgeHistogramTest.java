package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Day counts, nearest-rank percentiles and age bands. */
class AgeHistogramTest {

  @Test
  void percentilesAreNearestRankOverWholeDays() {
    AgeHistogram ages = new AgeHistogram();
    for (int day = 1; day <= 100; day++) {
      ages.add(day);
    }

    QualityReport.Ages result = ages.result();

    assertThat(result.p50Days()).isEqualTo(50);
    assertThat(result.p90Days()).isEqualTo(90);
    assertThat(result.p99Days()).isEqualTo(99);
    assertThat(result.maxDays()).isEqualTo(100);
    assertThat(result.buckets()).extracting(QualityReport.AgeBucket::count).containsExactly(29L, 60L, 11L, 0L, 0L);
    assertThat(result.buckets().get(0).share()).isEqualTo(0.29);
  }

  @Test
  void bandBoundsAreExclusive() {
    AgeHistogram ages = new AgeHistogram();
    ages.add(29);
    ages.add(30);
    ages.add(364);
    ages.add(365);
    ages.add(1095);

    assertThat(ages.result().buckets()).extracting(QualityReport.AgeBucket::count)
        .containsExactly(1L, 1L, 1L, 1L, 1L);
  }

  @Test
  void agesBeyondACenturyCountAsTheCapAndNegativeAgesAsZero() {
    AgeHistogram ages = new AgeHistogram();
    ages.add(-5);
    ages.add(1_000_000);
    ages.addNever();

    QualityReport.Ages result = ages.result();

    assertThat(result.counted()).isEqualTo(2);
    assertThat(result.never()).isEqualTo(1);
    assertThat(result.p50Days()).isZero();
    assertThat(result.maxDays()).isEqualTo(DataQuality.MAX_AGE_DAYS);
    assertThat(ages.atMost(0)).isEqualTo(1);
  }

  @Test
  void nothingCountedGivesZeros() {
    QualityReport.Ages result = new AgeHistogram().result();

    assertThat(result.p50Days()).isZero();
    assertThat(result.buckets()).allSatisfy(bucket -> assertThat(bucket.share()).isZero());
  }
}
