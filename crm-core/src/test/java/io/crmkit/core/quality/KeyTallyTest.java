package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Exact counting up to the capacity, distinct sampling beyond it. */
class KeyTallyTest {

  @Test
  void belowTheCapacityEveryKeyIsCountedExactly() {
    KeyTally tally = new KeyTally("phone", 1024);
    for (int i = 0; i < 900; i++) {
      tally.add("+86138" + (i % 300)); // 300 keys, three customers each
    }

    QualityReport.KeyUniqueness result = tally.result(1000);

    assertThat(result).isEqualTo(new QualityReport.KeyUniqueness("phone", 900, 900, 300, 600, 0.6, true, 1.0));
  }

  @Test
  void beyondTheCapacityTheSampleStaysWithinItAndScalesUpToCloseEstimates() {
    int capacity = 1024;
    KeyTally tally = new KeyTally("email", capacity);
    int singles = 40_000;
    int pairs = 10_000;
    for (int i = 0; i < singles; i++) {
      tally.add("single" + i + "@example.com");
      assertThat(tally.kept()).isLessThanOrEqualTo(capacity);
    }
    for (int i = 0; i < pairs; i++) {
      tally.add("pair" + i + "@example.com");
      tally.add("pair" + i + "@example.com");
    }

    QualityReport.KeyUniqueness result = tally.result(60_000);

    // 50 000 distinct keys, 20 000 customers sharing one; the sample keeps about 512 to 1024 keys,
    // a relative standard error of at most 1/sqrt(512) = 4.4%: 15% is over three of them.
    assertThat(result.exact()).isFalse();
    assertThat(result.sampleRate()).isLessThan(1.0);
    assertThat(result.customersWithKey()).isEqualTo(60_000);
    assertThat((double) result.distinctKeys()).isCloseTo(50_000, within(50_000 * 0.15));
    assertThat((double) result.customersSharingKey()).isCloseTo(20_000, within(20_000 * 0.15));
    assertThat(result.estimatedDuplicates()).isEqualTo(60_000 - result.distinctKeys());
  }

  @Test
  void aKeyIsKeptOrDroppedWithAllItsCustomers() {
    KeyTally tally = new KeyTally("identifier", 16);
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < 200; i++) {
        tally.add("id-" + i);
      }
    }

    QualityReport.KeyUniqueness result = tally.result(800);

    // every kept key was seen four times, so the sample says every customer shares its key
    assertThat(result.customersSharingKey()).isEqualTo(result.customersWithKey());
    assertThat(result.estimatedDuplicates() * 4).isCloseTo(3 * 800, within(800L));
  }

  @Test
  void theHashIsStableAcrossRuns() {
    assertThat(KeyTally.hash("+8613812345678")).isEqualTo(KeyTally.hash("+8613812345678"))
        .isNotEqualTo(KeyTally.hash("+8613812345679"));
  }
}
