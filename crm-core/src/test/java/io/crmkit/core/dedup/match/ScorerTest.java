package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private static final Comparison FAMILY = Comparison.jaroWinkler("familyName", MatchRecord::familyName, 0.9)
      .withTermFrequencies(MatchRecord::familyName);
  private static final MatchParameters PARAMETERS = MatchParameters.of(List.of("familyName"),
      List.of(FAMILY.levels()), new double[][] {{0.9, 0.05, 0.05}}, new double[][] {{0.01, 0.02, 0.97}}, 0.001);

  private static MatchRecord person(String id, String family) {
    return new MatchRecord.Builder().id(id).kind(CustomerKind.PERSON).familyName(family).build();
  }

  private static ScoredPair score(List<MatchRecord> records, MatchRecord a, MatchRecord b) {
    Scorer scorer = new Scorer(List.of(FAMILY), PARAMETERS, new TermFrequencies(records, List.of(FAMILY)),
        new Deduplicator.Thresholds(0.5, 1e-9));
    AgreementCounts shape = AgreementCounts.empty(List.of(FAMILY));
    return scorer.score(a, b, shape.encode(new int[] {FAMILY.level(a, b)}), false);
  }

  @Test
  void aCommonSurnameAgreeingWeighsLessThanARareOne() {
    List<MatchRecord> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      records.add(person("s" + i, "smith"));
    }
    records.add(person("r1", "zalewski"));
    records.add(person("r2", "zalewski"));
    for (int i = 0; i < 98; i++) {
      records.add(person("o" + i, "other" + i));
    }

    double common = score(records, records.get(0), records.get(1)).weight();
    double rare = score(records, records.get(100), records.get(101)).weight();

    assertThat(common).isLessThan(rare);
    assertThat(rare).isCloseTo(MatchParameters.log2(0.9 / (2 / 200.0)), within(1e-9));
    assertThat(common).isGreaterThanOrEqualTo(PARAMETERS.weight(0, 1));
  }

  @Test
  void theExplanationNamesEachFieldsLevelAndItsWeightsAddUp() {
    List<MatchRecord> records = List.of(person("b", "martha"), person("a", "marhta"));
    ScoredPair pair = score(records, records.get(0), records.get(1));

    assertThat(pair.leftId()).isEqualTo("a");
    assertThat(pair.fields()).containsExactly(new FieldScore("familyName", "jw>=0.9", PARAMETERS.weight(0, 1)));
    assertThat(pair.weight()).isEqualTo(PARAMETERS.weight(0, 1));
    double logOdds = pair.weight() + MatchParameters.log2(0.001 / 0.999);
    assertThat(pair.probability()).isCloseTo(1 / (1 + Math.pow(2, -logOdds)), within(1e-12));
  }

  @Test
  void weightsLookedUpPerRecordEqualThePairWeightsForEveryLevel() {
    List<MatchRecord> records = List.of(person("a", "smith"), person("b", "smith"), person("c", "smyth"),
        person("d", "zalewski"), new MatchRecord.Builder().id("e").kind(CustomerKind.PERSON).build());
    Scorer scorer = new Scorer(List.of(FAMILY), PARAMETERS, new TermFrequencies(records, List.of(FAMILY)),
        new Deduplicator.Thresholds(0.5, 1e-9));
    AgreementCounts shape = AgreementCounts.empty(List.of(FAMILY));
    Scorer.RecordWeights weights = scorer.recordWeights(records.toArray(MatchRecord[]::new));

    for (int i = 0; i < records.size(); i++) {
      for (int j = i + 1; j < records.size(); j++) {
        MatchRecord a = records.get(i);
        MatchRecord b = records.get(j);
        long pattern = shape.encode(new int[] {FAMILY.level(a, b)});
        ScoredPair byPair = scorer.scoreAny(a, b, pattern, false);
        assertThat(weights.weight(pattern, i)).as(a.id() + "-" + b.id()).isEqualTo(byPair.weight());
      }
    }
  }
}
