package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
  private final GroundTruth truth = GroundTruth.builder().add("a", "e1").add("b", "e1").add("c", "e1")
      .add("d", "e2").add("e", "e3").add("f", "e3").build();

  @Test
  void pairsComeFromRecordsThatShareAnEntity() {
    assertThat(truth.truePairs()).containsExactlyInAnyOrder(RecordPair.of("a", "b"), RecordPair.of("a", "c"),
        RecordPair.of("b", "c"), RecordPair.of("e", "f"));
    assertThat(truth.truePairCount()).isEqualTo(4);
    assertThat(truth.isTruePair("c", "a")).isTrue();
    assertThat(truth.isTruePair("a", "a")).isFalse();
    assertThat(truth.isTruePair("a", "unknown")).isFalse();
    assertThat(truth.entityOf("d")).contains("e2");
    assertThat(truth.entityOf("unknown")).isEmpty();
  }

  @Test
  void pairCompletenessIsTheShareOfTruePairsAmongTheCandidates() {
    List<RecordPair> candidates = List.of(RecordPair.of("a", "b"), RecordPair.of("b", "a"), RecordPair.of("a", "d"),
        RecordPair.of("e", "f"));

    assertThat(truth.pairCompleteness(candidates)).isEqualTo(0.5);
    assertThat(GroundTruth.builder().add("x", "e").build().pairCompleteness(List.of())).isEqualTo(1.0);
  }

  @Test
  void precisionRecallAndF1CountEachPredictedPairOnce() {
    PairQuality quality = truth.evaluate(List.of(RecordPair.of("a", "b"), RecordPair.of("a", "b"),
        RecordPair.of("a", "d")));

    assertThat(quality).isEqualTo(new PairQuality(1, 1, 3));
    assertThat(quality.precision()).isEqualTo(0.5);
    assertThat(quality.recall()).isEqualTo(0.25);
    assertThat(quality.f1()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(new PairQuality(0, 0, 0).f1()).isEqualTo(1.0);
    assertThat(new PairQuality(0, 2, 2).f1()).isZero();
  }

  @Test
  void aRecordAddedTwiceIsRefused() {
    GroundTruth.Builder builder = GroundTruth.builder().add("a", "e1");

    assertThatThrownBy(() -> builder.add("a", "e2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record a appears twice");
    assertThatThrownBy(() -> builder.add(" ", "e2")).hasMessageContaining("recordId");
  }

  @Test
  void aPairHasOneFormAndTwoDifferentRecords() {
    assertThat(RecordPair.of("r2", "r10")).isEqualTo(new RecordPair("r10", "r2"));
    assertThatThrownBy(() -> RecordPair.of("r1", "r1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two ids in order");
    assertThatThrownBy(() -> new RecordPair("b", "a")).isInstanceOf(IllegalArgumentException.class);
  }
}
