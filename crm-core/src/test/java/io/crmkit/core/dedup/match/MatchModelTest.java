package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MatchModelTest {

  @Property(tries = 10)
  void scoringOnePairGivesTheBatchRunsPairExactlyAndNonMatchesForTheCandidatesItDropped(
      @ForAll @LongRange(min = 1, max = 10_000) long seed) {
    List<MatchRecord> records = SyntheticPeople.generate(150, seed).records();
    Deduplicator dedup = Deduplicator.withDefaults();
    Deduplicator.Result result = dedup.run(records);
    MatchModel model = dedup.model(result.parameters(), records);
    Map<String, MatchRecord> byId = records.stream().collect(Collectors.toMap(MatchRecord::id, Function.identity()));
    Map<RecordPair, ScoredPair> kept = new HashMap<>();
    result.pairs().forEach(p -> kept.put(RecordPair.of(p.leftId(), p.rightId()), p));

    for (RecordPair candidate : result.candidates().pairs()) {
      ScoredPair one = model.score(byId.get(candidate.rightId()), byId.get(candidate.leftId()));
      ScoredPair batch = kept.get(candidate);
      if (batch == null) {
        assertThat(one.decision()).isEqualTo(ScoredPair.Decision.NON_MATCH);
      } else {
        assertThat(one).isEqualTo(batch);
      }
    }
  }

  @Test
  void keysAreTheBatchKeysEachOnce() {
    List<MatchRecord> records = SyntheticPeople.generate(30, 5).records();
    Deduplicator dedup = Deduplicator.withDefaults();
    MatchModel model = dedup.model(dedup.run(records).parameters(), records);

    for (MatchRecord record : records) {
      assertThat(model.keys(record)).containsExactlyElementsOf(new LinkedHashSet<>(Blocking.defaults().keys(record)));
    }
  }

  @Test
  void aModelRefusesParametersOverOtherFieldsAndAPairOfOneRecord() {
    List<MatchRecord> records = SyntheticPeople.generate(30, 6).records();
    Deduplicator full = Deduplicator.withDefaults();
    MatchParameters parameters = full.run(records).parameters();
    Deduplicator fewer = Deduplicator.builder()
        .comparisons(Deduplicator.defaultComparisons().subList(0, 3)).build();

    assertThatThrownBy(() -> fewer.model(parameters, records))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comparisons' fields");
    MatchModel model = full.model(parameters, records);
    assertThatThrownBy(() -> model.score(records.get(0), records.get(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different records");
  }
}
