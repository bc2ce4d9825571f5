package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DuplicateGeneratorTest {

  private static DuplicateGenerator.Builder small() {
    return DuplicateGenerator.builder().seed(42).entities(500);
  }

  @Test
  void theSameSeedGivesTheSameRecordsInTheSameOrder() {
    List<GeneratedRecord> first = small().build().generate();
    List<GeneratedRecord> second = small().build().generate();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesOtherRecords() {
    List<MatchInput> first = inputs(small().build().generate());
    List<MatchInput> second = inputs(small().seed(43).build().generate());

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void theListTheStreamAndTheIteratorGiveTheSameRecords() {
    DuplicateGenerator generator = small().build();
    List<GeneratedRecord> iterated = new ArrayList<>();
    generator.iterator().forEachRemaining(iterated::add);

    assertThat(generator.stream().toList()).isEqualTo(generator.generate()).isEqualTo(iterated);
  }

  @Test
  void anExhaustedIteratorSaysSo() {
    Iterator<GeneratedRecord> records = DuplicateGenerator.builder().entities(1).duplicateShare(0).build().iterator();
    records.next();

    assertThat(records.hasNext()).isFalse();
    assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("all 1");
  }

  @Test
  void recordsAreNumberedInOutputOrderAndEntitiesAreAllGenerated() {
    List<GeneratedRecord> records = small().build().generate();

    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).id()).isEqualTo("r" + (i + 1));
    }
    assertThat(records.stream().map(GeneratedRecord::entityId).distinct()).hasSize(500);
  }

  @Test
  void anEntityWithDuplicatesHasTwoToMaxDuplicatesPlusOneRecordsAndTheShareIsAsAsked() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(1).entities(4_000).duplicateShare(0.25)
        .maxDuplicates(4).build().generate();
    Map<String, Long> sizes = records.stream()
        .collect(Collectors.groupingBy(GeneratedRecord::entityId, Collectors.counting()));

    assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(1L, 5L));
    assertThat(new HashSet<>(sizes.values())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    double withDuplicates = sizes.values().stream().filter(size -> size > 1).count() / 4_000.0;
    assertThat(withDuplicates).isBetween(0.22, 0.28);
  }

  @Test
  void withoutDuplicatesEveryEntityHasOneRecord() {
    List<GeneratedRecord> records = small().duplicateShare(0).build().generate();

    assertThat(records).hasSize(500);
    assertThat(GroundTruth.of(records).truePairCount()).isZero();
  }

  @Test
  void maxRecordsStopsThereAndTheTruthCoversExactlyTheRecordsHandedOut() {
    List<GeneratedRecord> records = small().maxRecords(123).build().generate();
    GroundTruth truth = GroundTruth.of(records);

    assertThat(records).hasSize(123);
    assertThat(truth.recordCount()).isEqualTo(123);
    assertThat(truth.truePairs()).allSatisfy(pair -> assertThat(truth.entityOf(pair.first()))
        .isEqualTo(truth.entityOf(pair.second())));
  }

  @Test
  void organisationAndChineseSharesAreAsAsked() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(5).entities(4_000).duplicateShare(0)
        .organisationShare(0.3).chineseShare(0.7).withoutVariations().build().generate();
    long organisations = records.stream().filter(r -> r.input().legalName().isPresent()).count();
    long chinese = records.stream().filter(r -> hasHan(nameOf(r.input()))).count();

    assertThat(organisations / 4_000.0).isBetween(0.27, 0.33);
    assertThat(chinese / 4_000.0).isBetween(0.67, 0.73);
  }

  @Test
  void onlyPersonsOrOnlyOrganisationsWhenAsked() {
    assertThat(small().organisationShare(0).build().generate())
        .allSatisfy(r -> assertThat(r.input().legalName()).isEmpty());
    assertThat(small().organisationShare(1).build().generate())
        .allSatisfy(r -> assertThat(r.input().legalName()).isPresent());
  }

  @Test
  void withoutVariationsTheRecordsOfAnEntityAgreeOnEveryValueTheyHold() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(9).entities(2_000).duplicateShare(0.5)
        .withoutVariations().build().generate();

    assertThat(records).allSatisfy(r -> assertThat(r.variations()).isEmpty());
    assertAgreeWithinEntity(records, r -> r.input().phones());
    assertAgreeWithinEntity(records, r -> r.input().emails());
    assertAgreeWithinEntity(records, r -> r.input().identifier());
    assertAgreeWithinEntity(records, r -> r.input().birthDate());
    assertAgreeWithinEntity(records, r -> r.input().postcode());
    assertThat(records).allSatisfy(r -> assertThat(r.input().phones().get(0)).startsWith("+"));
  }

  @Test
  void commonNamesAreFarMoreFrequentThanRareOnes() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(3).entities(10_000).duplicateShare(0)
        .organisationShare(0).withoutVariations().build().generate();
    Map<String, Long> names = records.stream()
        .collect(Collectors.groupingBy(r -> nameOf(r.input()), Collectors.counting()));
    long wangWei = names.getOrDefault("王伟", 0L);
    long smith = records.stream().filter(r -> nameOf(r.input()).endsWith("Smith")).count();

    assertThat(wangWei).as("王伟 among 5,000 Chinese persons").isGreaterThan(25);
    assertThat(smith).as("Smiths among 5,000 Western persons").isGreaterThan(250);
    assertThat(names.values().stream().filter(count -> count <= 2).count()).as("rare names").isGreaterThan(100);
  }

  @Test
  void sharedSwitchboardsAndDefaultBirthDatesMakeLargeBlocksAcrossEntities() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(11).entities(3_000)
        .rate(Variation.SWITCHBOARD, 0.05).rate(Variation.DEFAULT_BIRTH_DATE, 0.05).build().generate();
    Map<String, Set<String>> entitiesByPhone = new HashMap<>();
    for (GeneratedRecord record : records) {
      for (String phone : record.input().phones()) {
        entitiesByPhone.computeIfAbsent(phone, p -> new HashSet<>()).add(record.entityId());
      }
    }
    long defaultBirthDates = records.stream()
        .filter(r -> r.input().birthDate().equals(java.util.Optional.of(RecordWriter.DEFAULT_BIRTH_DATE))).count();

    assertThat(entitiesByPhone.values().stream().mapToInt(Set::size).max().orElseThrow()).isGreaterThan(20);
    assertThat(defaultBirthDates).isGreaterThan(80);
  }

  @Test
  void aBranchIsAnotherCustomerNamedAfterTheHeadOfficeGeneratedBeforeIt() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(4).entities(2_000).duplicateShare(0)
        .organisationShare(1).chineseShare(1).branchShare(0.4).withoutVariations().build().generate();
    Map<String, String> nameOfEntity = records.stream()
        .collect(Collectors.toMap(GeneratedRecord::entityId, r -> r.input().legalName().orElseThrow()));

    List<String> branches = nameOfEntity.keySet().stream().filter(e -> nameOfEntity.get(e).endsWith("分公司")).toList();
    assertThat(branches.size() / 2_000.0).isBetween(0.2, 0.3); // 0.4 of those whose predecessor is no branch
    for (String branch : branches) {
      String head = nameOfEntity.get("e" + (Integer.parseInt(branch.substring(1)) - 1));
      assertThat(head).doesNotEndWith("分公司");
      assertThat(nameOfEntity.get(branch)).startsWith(head).matches(".+[^市区]分公司");
    }
    assertThat(DuplicateGenerator.builder().seed(4).entities(500).organisationShare(1).chineseShare(1)
        .branchShare(0).build().generate()).noneSatisfy(r -> assertThat(r.input().legalName().orElseThrow())
        .contains("分公司"));
  }

  @Test
  void aWindowOfOneKeepsAnEntitysRecordsSideBySideAndTheDefaultSpreadsThem() {
    assertThat(adjacentDuplicates(small().duplicateShare(1).shuffleWindow(1).build().generate()))
        .isEqualTo(1.0);
    assertThat(adjacentDuplicates(small().duplicateShare(1).build().generate())).isLessThan(0.1);
  }

  @Test
  void kindIsLeftOutOnlyByTheWebSource() {
    List<GeneratedRecord> records = small().build().generate();

    assertThat(records).allSatisfy(r -> assertThat(r.input().kind().isEmpty())
        .isEqualTo(r.input().source().orElseThrow().equals("web")));
    assertThat(records).anySatisfy(r -> assertThat(r.input().kind()).contains(CustomerKind.ORGANISATION));
  }

  @Test
  void settingsOutsideTheirRangeAreRefusedWithTheirName() {
    DuplicateGenerator.Builder builder = DuplicateGenerator.builder();

    assertThatThrownBy(() -> builder.entities(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entities");
    assertThatThrownBy(() -> builder.duplicateShare(1.5)).hasMessageContaining("duplicateShare");
    assertThatThrownBy(() -> builder.maxDuplicates(0)).hasMessageContaining("maxDuplicates");
    assertThatThrownBy(() -> builder.chineseShare(-0.1)).hasMessageContaining("chineseShare");
    assertThatThrownBy(() -> builder.branchShare(1.1)).hasMessageContaining("branchShare");
    assertThatThrownBy(() -> builder.organisationShare(Double.NaN)).hasMessageContaining("organisationShare");
    assertThatThrownBy(() -> builder.rate(Variation.TYPO, 2)).hasMessageContaining("TYPO");
    assertThatThrownBy(() -> builder.rate(null, 0.5)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.maxRecords(0)).hasMessageContaining("maxRecords");
    assertThatThrownBy(() -> builder.shuffleWindow(0)).hasMessageContaining("shuffleWindow");
  }

  @Test
  void aHundredThousandRecordsStreamThroughWithTheirTruth() {
    DuplicateGenerator generator = DuplicateGenerator.builder().seed(2026).entities(80_000).build();
    GroundTruth.Builder truth = GroundTruth.builder();
    long[] counts = new long[2]; // records, records with a phone
    generator.forEach(record -> {
      truth.add(record);
      counts[0]++;
      counts[1] += record.input().phones().isEmpty() ? 0 : 1;
    });
    GroundTruth built = truth.build();

    assertThat(counts[0]).isGreaterThan(100_000);
    assertThat(built.recordCount()).isEqualTo(counts[0]);
    assertThat(built.entityCount()).isEqualTo(80_000);
    assertThat(built.truePairCount()).isEqualTo(built.truePairs().size()).isGreaterThan(20_000);
    assertThat(counts[1]).isGreaterThan(90_000);
  }

  /** The share of entities with several records whose records all follow one another. */
  private static double adjacentDuplicates(List<GeneratedRecord> records) {
    Map<String, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      positions.computeIfAbsent(records.get(i).entityId(), e -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = positions.values().stream().filter(p -> p.size() > 1).toList();
    long adjacent = groups.stream().filter(p -> p.get(p.size() - 1) - p.get(0) == p.size() - 1).count();
    return (double) adjacent / groups.size();
  }

  private static <T> void assertAgreeWithinEntity(List<GeneratedRecord> records, Function<GeneratedRecord, T> value) {
    Map<String, Set<T>> values = new HashMap<>();
    for (GeneratedRecord record : records) {
      T v = value.apply(record);
      boolean absent = v instanceof java.util.Optional<?> o && o.isEmpty() || v instanceof List<?> l && l.isEmpty();
      if (!absent) {
        values.computeIfAbsent(record.entityId(), e -> new HashSet<>()).add(v);
      }
    }
    assertThat(values.values()).allSatisfy(distinct -> assertThat(distinct).hasSize(1));
  }

  /** The name as written in one field: 王伟 for family 王 and given 伟, Mary Smith for Smith and Mary. */
  static String nameOf(MatchInput input) {
    return input.legalName().or(input::fullName).orElseGet(() -> {
      String family = input.familyName().orElse("");
      String given = input.givenName().orElse("");
      return hasHan(family + given) ? family + given : (given + " " + family).strip();
    });
  }

  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static List<MatchInput> inputs(List<GeneratedRecord> records) {
    return records.stream().map(GeneratedRecord::input).toList();
  }
}
