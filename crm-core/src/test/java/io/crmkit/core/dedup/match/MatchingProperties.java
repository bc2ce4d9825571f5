package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.MatchRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class MatchingProperties {
  private static final SyntheticPeople PEOPLE = SyntheticPeople.generate(300, 3);
  private static final Deduplicator DEDUPLICATOR = Deduplicator.builder().randomPairs(20_000, 5).build();
  private static final Deduplicator.Result RESULT = DEDUPLICATOR.run(PEOPLE.records());

  @Property(tries = 10)
  void shuffledInputGivesTheSameEntities(@ForAll long seed) {
    List<MatchRecord> shuffled = new ArrayList<>(PEOPLE.records());
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(DEDUPLICATOR.run(shuffled).entities()).isEqualTo(RESULT.entities());
  }

  @Property(tries = 20)
  void clusteringDependsOnlyOnTheSetOfPairsNotTheirOrder(@ForAll long seed) {
    List<String> ids = new ArrayList<>(RESULT.entities().keySet());
    List<io.crmkit.core.dedup.ScoredPair> pairs = new ArrayList<>(RESULT.matches());
    Random random = new Random(seed);
    Collections.shuffle(ids, random);
    Collections.shuffle(pairs, random);

    assertThat(Clustering.defaults().entities(ids, pairs)).isEqualTo(RESULT.entities());
  }

  /** Whatever m and u a model holds, raising one field's agreement never lowers a pair's weight. */
  @Property(tries = 200)
  void moreAgreementNeverWeighsLess(@ForAll @DoubleRange(min = 0.001, max = 1) @Scale(3) double m0,
      @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(3) double m1, @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(3) double m2,
      @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(3) double u0, @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(3) double u1,
      @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(3) double u2, @ForAll @IntRange(min = 1, max = 2) int level) {
    MatchParameters p = MatchParameters.of(List.of("f"), List.of(List.of("exact", "close", "different")),
        new double[][] {{m0, m1, m2}}, new double[][] {{u0, u1, u2}}, 0.01);

    assertThat(p.weight(0, level - 1)).isGreaterThanOrEqualTo(p.weight(0, level));
  }

  /** With the fitted model, improving any field of a compared pair by one level never lowers its weight. */
  @Property(tries = 100)
  void scoringIsMonotoneInAgreement(@ForAll @IntRange(min = 0, max = 299) int a,
      @ForAll @IntRange(min = 0, max = 299) int b) {
    List<MatchRecord> records = PEOPLE.records();
    MatchParameters parameters = RESULT.parameters();
    List<Comparison> comparisons = Deduplicator.defaultComparisons();
    int[] levels = new int[comparisons.size()];
    for (int f = 0; f < levels.length; f++) {
      levels[f] = comparisons.get(f).level(records.get(a), records.get(b));
    }
    for (int f = 0; f < levels.length; f++) {
      if (levels[f] > 0) {
        double before = parameters.weight(f, levels[f]);
        double after = parameters.weight(f, levels[f] - 1);
        assertThat(after).isGreaterThanOrEqualTo(before);
      }
    }
  }
}
