package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  private static final SyntheticPeople PEOPLE = SyntheticPeople.generate(2_000, 42);
  private static final Deduplicator.Result RESULT = Deduplicator.withDefaults().run(PEOPLE.records());

  @Test
  void findsGeneratedDuplicatesWithoutLabels() {
    Set<RecordPair> truth = PEOPLE.truePairs();
    Set<RecordPair> predicted = RESULT.matches().stream().map(p -> RecordPair.of(p.leftId(), p.rightId()))
        .collect(Collectors.toSet());
    long correct = predicted.stream().filter(truth::contains).count();

    assertThat((double) correct / predicted.size()).as("precision").isGreaterThan(0.98);
    assertThat((double) correct / truth.size()).as("recall").isGreaterThan(0.95);
  }

  @Test
  void entitiesAreNamedByTheSmallestRecordIdOfTheirCluster() {
    assertThat(RESULT.entities()).hasSize(PEOPLE.records().size());
    RESULT.entities().forEach((id, entity) -> {
      assertThat(entity.compareTo(id)).isLessThanOrEqualTo(0);
      assertThat(RESULT.entities()).containsEntry(entity, entity);
    });
    long correct = RESULT.entities().entrySet().stream()
        .filter(e -> e.getValue().equals(PEOPLE.entities().get(e.getKey()))).count();
    assertThat((double) correct / PEOPLE.records().size()).isGreaterThan(0.97);
  }

  @Test
  void everyPairExplainsItselfAndTheFieldWeightsAddUpToThePairWeight() {
    assertThat(RESULT.pairs()).isNotEmpty();
    for (ScoredPair pair : RESULT.pairs()) {
      assertThat(pair.fields()).extracting(FieldScore::field)
          .containsExactlyElementsOf(Deduplicator.defaultComparisons().stream().map(Comparison::field).toList());
      double sum = pair.fields().stream().mapToDouble(FieldScore::weight).sum();
      assertThat(sum).isCloseTo(pair.weight(), within(1e-9));
      assertThat(pair.leftId().compareTo(pair.rightId())).isNegative();
      assertThat(pair.decision()).isNotEqualTo(ScoredPair.Decision.NON_MATCH);
    }
  }

  @Test
  void thresholdsMergeReviewOrKeepApart() {
    Deduplicator.Thresholds thresholds = new Deduplicator.Thresholds(0.9, 0.5);
    assertThat(thresholds.decide(0.95)).isEqualTo(ScoredPair.Decision.MATCH);
    assertThat(thresholds.decide(0.9)).isEqualTo(ScoredPair.Decision.MATCH);
    assertThat(thresholds.decide(0.7)).isEqualTo(ScoredPair.Decision.REVIEW);
    assertThat(thresholds.decide(0.49)).isEqualTo(ScoredPair.Decision.NON_MATCH);
    assertThat(RESULT.pairs()).allSatisfy(p -> assertThat(p.decision()).isEqualTo(
        p.probability() >= 0.9 ? ScoredPair.Decision.MATCH : ScoredPair.Decision.REVIEW));
    assertThatThrownBy(() -> new Deduplicator.Thresholds(0.5, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("review threshold");
  }

  @Test
  void fittedParametersArePrintableAndStatisticsCountTheRun() {
    assertThat(RESULT.parameters().toString()).contains("familyName", "exact", "lambda");
    assertThat(RESULT.parameters().lambda()).isBetween(1e-5, 1e-2);
    Deduplicator.Statistics statistics = RESULT.statistics();
    assertThat(statistics.records()).isEqualTo(PEOPLE.records().size());
    assertThat(statistics.candidatePairs()).isEqualTo(RESULT.candidates().size()).isPositive();
    assertThat(statistics.timings()).containsOnlyKeys("blocking", "comparing", "estimating", "scoring", "clustering");
  }

  @Test
  void anOverrideReplacesTheEstimate() {
    Deduplicator.Result result = Deduplicator.builder().overrideM("identifier", "exact", 0.5)
        .overrideU("identifier", "exact", 0.25).build().run(PEOPLE.records());
    int identifier = result.parameters().fields().indexOf("identifier");
    assertThat(result.parameters().m(identifier, 0)).isEqualTo(0.5);
    assertThat(result.parameters().weight(identifier, 0)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void linkingPairsOnlyRecordsOfTheTwoListsWithTheLeftRecordFirst() {
    List<MatchRecord> left = new ArrayList<>();
    List<MatchRecord> right = new ArrayList<>();
    for (MatchRecord r : PEOPLE.records()) {
      (r.id().endsWith("-0") ? left : right).add(r);
    }
    Set<String> leftIds = left.stream().map(MatchRecord::id).collect(Collectors.toSet());

    Deduplicator.Result linked = Deduplicator.withDefaults().link(left, right);

    assertThat(linked.pairs()).isNotEmpty().allSatisfy(p -> {
      assertThat(leftIds).contains(p.leftId());
      assertThat(leftIds).doesNotContain(p.rightId());
    });
    Set<String> linkedCopies = new HashSet<>();
    linked.matches().forEach(p -> linkedCopies.add(p.rightId()));
    assertThat((double) linkedCopies.size() / right.size()).isGreaterThan(0.9);
  }

  @Test
  void aDefaultBirthDateSharedByHundredsIsReportedAndDoesNotBlowUpTheComparisons() {
    List<MatchRecord> records = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      records.add(new MatchRecord.Builder().from(PEOPLE.records().get(i)).birthDate(LocalDate.of(1900, 1, 1))
          .postcode("1000").build());
    }
    Deduplicator.Result result = Deduplicator.withDefaults().run(records);

    assertThat(result.statistics().oversizedKeys()).extracting(Blocking.OversizedKey::key)
        .contains("birthdate+place:1900-01-01|p:1000");
    int uncapped = Blocking.defaults().withMaxBlockSize(1_000, Blocking.Oversized.WINDOW).candidates(records).size();
    assertThat(uncapped).isEqualTo(600 * 599 / 2);
    assertThat(result.statistics().candidatePairs()).isLessThan(uncapped / 4);
  }

  @Test
  void recordsSharingAnIdAreRejected() {
    MatchRecord first = PEOPLE.records().get(0);
    assertThatThrownBy(() -> Deduplicator.withDefaults().run(List.of(first, first)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(first.id());
  }

  @Test
  void aRunWithoutCandidatePairsMakesEveryRecordItsOwnEntity() {
    Deduplicator.Result result = Deduplicator.withDefaults().run(PEOPLE.records().subList(0, 1));
    assertThat(result.pairs()).isEmpty();
    assertThat(result.entities()).isEqualTo(Map.of(PEOPLE.records().get(0).id(), PEOPLE.records().get(0).id()));
  }
}
