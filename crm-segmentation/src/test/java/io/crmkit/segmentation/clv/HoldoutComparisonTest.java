package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The BG/NBD paper's calibration/holdout check on CDNOW: 39 weeks each. */
class HoldoutComparisonTest {

  @Test
  void onCdnowThePredictionsTrackTheActualHoldoutPurchasesPerCalibrationFrequency() {
    HoldoutComparison comparison = HoldoutComparison.of(Cdnow.transactions(), Cdnow.CALIBRATION_END,
        Cdnow.HOLDOUT_END, ClvTimeUnit.WEEKS, BgNbdFitter.standard());

    assertThat(comparison.fit().converged()).isTrue();
    assertThat(comparison.holdoutLength()).isEqualTo(39.0);
    assertThat(comparison.rows()).extracting(HoldoutComparison.Row::frequency)
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7+");
    assertThat(comparison.rows()).extracting(HoldoutComparison.Row::customers)
        .containsExactly(1411, 439, 214, 100, 62, 38, 29, 64);
    // SOURCE.md: the holdout has 1882 distinct customer-days; the model expects 1653.4 of them.
    assertThat(comparison.actualTotal()).isEqualTo(1882.0);
    assertThat(comparison.predictedTotal()).isCloseTo(1653.4, within(0.1));
    assertThat(comparison.aggregateError()).isCloseTo(-0.1215, within(0.0005));
    for (HoldoutComparison.Row row : comparison.rows()) {
      assertThat(row.predictedMean()).as("frequency %s", row.frequency())
          .isCloseTo(row.actualMean(), within(0.4 + 0.1 * row.actualMean()));
    }
    assertThat(comparison.rows().get(0).predictedMean()).isCloseTo(0.225, within(0.001));
    assertThat(comparison.rows().get(0).actualMean()).isCloseTo(0.2367, within(0.0001));
    assertThat(comparison.meanAbsoluteError()).isPositive().isLessThan(1);
  }
}
