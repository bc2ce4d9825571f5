package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingTest {
  private static final String SWITCHBOARD = "+861088880000";

  /** {@code count} people who all give the company switchboard, plus their own mobile for every tenth. */
  private static List<MatchRecord> staffSharingASwitchboard(int count) {
    List<MatchRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      MatchRecord.Builder b = new MatchRecord.Builder().id(String.format("r%05d", i)).kind(CustomerKind.PERSON)
          .familyName("name" + i).addPhone(SWITCHBOARD);
      if (i % 10 == 0) {
        b.addPhone("+86139000" + String.format("%05d", i / 10));
      }
      records.add(b.build());
    }
    return records;
  }

  private static Blocking phoneOnly(int cap, Blocking.Oversized handling) {
    return new Blocking(List.of(BlockingRule.phone()), cap, handling, 5);
  }

  @Test
  void anOversizedKeyIsSkippedAndReportedInsteadOfComparedAllPairs() {
    Blocking.Candidates candidates = phoneOnly(100, Blocking.Oversized.SKIP)
        .candidates(staffSharingASwitchboard(3_000));

    assertThat(candidates.size()).isZero();
    assertThat(candidates.oversizedKeys()).containsExactly(new Blocking.OversizedKey("phone:" + SWITCHBOARD, 3_000));
  }

  @Test
  void anOversizedKeyFallsBackToAWindowWithLinearlyManyPairs() {
    Blocking.Candidates candidates = phoneOnly(100, Blocking.Oversized.WINDOW)
        .candidates(staffSharingASwitchboard(3_000));

    assertThat(candidates.size()).isEqualTo(3_000 * 4 - (1 + 2 + 3 + 4));
    assertThat(candidates.oversizedKeys()).hasSize(1);
  }

  @Test
  void byDefaultABlockOfMoreThanThirtyRecordsIsWindowedSoCandidatesGrowLinearly() {
    // 30 records sharing a phone: all 435 pairs; 31: a window of 8 over them, 31 * 7 - 28 pairs.
    Blocking phoneDefaults = Blocking.defaults().withRules(List.of(BlockingRule.phone()));

    assertThat(phoneDefaults.candidates(staffSharingASwitchboard(30)).size()).isEqualTo(30 * 29 / 2);
    Blocking.Candidates windowed = phoneDefaults.candidates(staffSharingASwitchboard(31));
    assertThat(windowed.size()).isEqualTo(31 * 7 - (1 + 2 + 3 + 4 + 5 + 6 + 7));
    assertThat(windowed.oversizedKeys()).containsExactly(new Blocking.OversizedKey("phone:" + SWITCHBOARD, 31));
  }

  @Test
  void blocksUpToTheCapAreComparedAllPairs() {
    Blocking.Candidates candidates = phoneOnly(100, Blocking.Oversized.SKIP).candidates(staffSharingASwitchboard(50));
    assertThat(candidates.size()).isEqualTo(50 * 49 / 2);
    assertThat(candidates.oversizedKeys()).isEmpty();
  }

  @Test
  void rulesAreUnitedAndEachPairIsCountedOnce() {
    SyntheticPeople people = SyntheticPeople.generate(300, 7);
    Blocking byPhone = new Blocking(List.of(BlockingRule.phone()), 200, Blocking.Oversized.SKIP, 5);
    Blocking byId = new Blocking(List.of(BlockingRule.identifier()), 200, Blocking.Oversized.SKIP, 5);
    Blocking both = new Blocking(List.of(BlockingRule.phone(), BlockingRule.identifier()), 200,
        Blocking.Oversized.SKIP, 5);

    Set<RecordPair> union = new HashSet<>(byPhone.candidates(people.records()).pairs());
    union.addAll(byId.candidates(people.records()).pairs());
    List<RecordPair> pairs = both.candidates(people.records()).pairs();

    assertThat(pairs).doesNotHaveDuplicates();
    assertThat(new HashSet<>(pairs)).isEqualTo(union);
  }

  @Test
  void crossCandidatesOnlyJoinTheTwoLists() {
    List<MatchRecord> records = staffSharingASwitchboard(40);
    Blocking.Candidates candidates = phoneOnly(100, Blocking.Oversized.SKIP).crossCandidates(records, 10);

    assertThat(candidates.size()).isEqualTo(10 * 30);
    assertThat(candidates.comparablePairs()).isEqualTo(10 * 30);
    assertThat(candidates.pairs()).allSatisfy(p -> {
      assertThat(p.leftId().compareTo("r00010") < 0).isTrue();
      assertThat(p.rightId().compareTo("r00010") >= 0).isTrue();
    });
  }

  @Test
  void defaultBlockingKeepsTheTruePairsOfGeneratedDuplicatesAndCutsMostComparisons() {
    SyntheticPeople people = SyntheticPeople.generate(1_000, 11);
    Blocking.Quality quality = Blocking.defaults().candidates(people.records()).quality(people.truePairs());

    assertThat(quality.pairCompleteness()).isGreaterThan(0.99);
    assertThat(quality.reductionRatio()).isGreaterThan(0.95);
  }

  @Test
  void qualityCountsKeptTruePairsAndSavedComparisons() {
    List<MatchRecord> records = staffSharingASwitchboard(4);
    Blocking.Candidates candidates = new Blocking(List.of(BlockingRule.identifier(), BlockingRule.nameWindow(2)),
        10, Blocking.Oversized.SKIP, 5).candidates(records);
    Blocking.Quality quality = candidates.quality(Set.of(RecordPair.of("r00000", "r00001"),
        RecordPair.of("r00000", "r00003")));

    // name0 < name1 < name2 < name3: the window pairs neighbours only, 3 of the 6 pairs.
    assertThat(candidates.size()).isEqualTo(3);
    assertThat(quality.pairCompleteness()).isEqualTo(0.5);
    assertThat(quality.reductionRatio()).isEqualTo(0.5);
  }

  @Test
  void keysCarryTheirRulesName() {
    MatchRecord record = staffSharingASwitchboard(1).get(0);
    assertThat(phoneOnly(10, Blocking.Oversized.SKIP).keys(record))
        .containsExactlyInAnyOrder("phone:" + SWITCHBOARD, "phone:+8613900000000");
  }

  @Test
  void aBlockingWithoutRulesOrWithATinyCapIsRejected() {
    assertThatThrownBy(() -> new Blocking(List.of(), 10, Blocking.Oversized.SKIP, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocking rules");
    assertThatThrownBy(() -> phoneOnly(1, Blocking.Oversized.SKIP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBlockSize");
  }
}
