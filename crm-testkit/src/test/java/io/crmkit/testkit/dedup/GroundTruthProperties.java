package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The truth's pairs are exactly the pairs of records that share an entity, however it is generated. */
class GroundTruthProperties {

  @Property(tries = 30)
  void truePairsAreEveryTwoRecordsOfOneEntityAndTheirCountAgrees(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int entities, @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @IntRange(min = 1, max = 6) int maxDuplicates) {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(seed).entities(entities)
        .duplicateShare(share).maxDuplicates(maxDuplicates).build().generate();
    GroundTruth truth = GroundTruth.of(records);

    Set<RecordPair> expected = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      for (int j = i + 1; j < records.size(); j++) {
        if (records.get(i).entityId().equals(records.get(j).entityId())) {
          expected.add(RecordPair.of(records.get(i).id(), records.get(j).id()));
        }
      }
    }
    assertThat(truth.truePairs()).isEqualTo(expected);
    assertThat(truth.truePairCount()).isEqualTo(expected.size());
    assertThat(truth.entityCount()).isEqualTo(entities);
    assertThat(truth.pairCompleteness(new ArrayList<>(expected))).isEqualTo(1.0);
    assertThat(truth.evaluate(expected).f1()).isEqualTo(1.0);
  }

  @Property(tries = 30)
  void aBlockingThatDropsPairsLosesCompletenessAndRecallInProportion(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 10) int keepOneIn) {
    GroundTruth truth = GroundTruth.of(DuplicateGenerator.builder().seed(seed).entities(200).duplicateShare(0.5)
        .build().generate());
    List<RecordPair> all = truth.truePairs().stream().sorted(java.util.Comparator.comparing(RecordPair::first)
        .thenComparing(RecordPair::second)).toList();
    List<RecordPair> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i += keepOneIn) {
      kept.add(all.get(i));
    }
    kept.add(RecordPair.of("no-such-record", "r1"));

    double share = (double) (kept.size() - 1) / all.size();
    assertThat(truth.pairCompleteness(kept)).isEqualTo(share);
    PairQuality quality = truth.evaluate(kept);
    assertThat(quality.recall()).isEqualTo(share);
    assertThat(quality.falsePositives()).isEqualTo(1);
    assertThat(quality.truePositives() + quality.falseNegatives()).isEqualTo(truth.truePairCount());
  }
}
