package io.crmkit.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.privacy.access.Role;
import io.crmkit.privacy.anonymise.Anonymiser;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnonymisedExportTest {
  private static final List<String> REGIONS = List.of("110105", "110108", "440305", "440306", "310101");
  private static final List<QuasiIdentifier> QUASI = List.of(QuasiIdentifier.REGION, QuasiIdentifier.BIRTH_YEAR,
      QuasiIdentifier.GENDER);

  private final ExportFixture fixture = new ExportFixture();

  @BeforeEach
  void fortyCustomers() {
    for (int i = 0; i < 40; i++) {
      fixture.person("王", "客" + i, String.format("+861380000%04d", i), REGIONS.get(i % REGIONS.size()),
          1960 + (i * 7) % 40, i % 3 == 0 ? Gender.FEMALE : Gender.MALE,
          List.of(ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.LOW).get(i % 3));
    }
  }

  @Test
  void anonymisedRowsShareEveryQuasiIdentifierCombinationWithAtLeastKRowsAndCarryNoDirectIdentifier() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult result = fixture.exporterFor(Role.DATA_PROTECTION_OFFICER).export(Criteria.all(),
        ExportSettings.of(ExportFormat.CSV).anonymised(Anonymisation.kAnonymity(5, QUASI)), out);

    List<List<String>> rows = ExporterTest.csv(out);
    assertThat(rows.get(0)).containsExactly("kind", "stage", "tier", "region_code", "birth_year", "gender");
    assertThat(result.rows()).isEqualTo(40);
    assertThat(ExportFixture.text(out)).doesNotContain("王", "+86", "1380000", "erp");
    assertThat(classSizes(rows.subList(1, rows.size()))).allSatisfy((key, size) -> assertThat(size)
        .as("class %s", key).isGreaterThanOrEqualTo(5));
    Anonymiser.Report report = result.anonymisation().orElseThrow();
    assertThat(report.suppressedRecords()).isZero();
    assertThat(report.classes()).isEqualTo(classSizes(rows.subList(1, rows.size())).size());
    assertThat(report.levels()).containsOnlyKeys("region_code", "birth_year", "gender");
  }

  @Test
  void lDiversityKeepsAtLeastLDistinctSensitiveValuesInEveryClass() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fixture.exporterFor(Role.ANALYST).export(Criteria.all(), ExportSettings.of(ExportFormat.CSV)
        .anonymised(Anonymisation.kAnonymity(4, QUASI).withDistinctLDiversity("tier", 2)), out);

    List<List<String>> rows = ExporterTest.csv(out).subList(1, 41);
    Map<List<String>, Set<String>> tiers = rows.stream().collect(Collectors.groupingBy(r -> r.subList(3, 6),
        Collectors.mapping(r -> r.get(2), Collectors.toSet())));
    assertThat(tiers).allSatisfy((key, values) -> assertThat(values).hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void anAnalystsAnonymisedExportGeneralisesTheMaskedValuesAndStaysKAnonymous() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult result = fixture.exporterFor(Role.ANALYST).export(Criteria.all(),
        ExportSettings.of(ExportFormat.JSON_LINES).anonymised(Anonymisation.kAnonymity(3,
            List.of(QuasiIdentifier.REGION, QuasiIdentifier.POSTCODE))), out);

    assertThat(result.header()).containsExactly("kind", "stage", "tier", "region_code", "postcode");
    assertThat(ExportFixture.text(out).lines()).hasSize(40).allSatisfy(line -> assertThat(line).startsWith("{"));
  }

  @Test
  void whenNoGeneralisationReachesKNothingIsWritten() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> fixture.exporterFor(Role.DATA_PROTECTION_OFFICER).export(Criteria.all(),
        ExportSettings.of(ExportFormat.CSV).anonymised(Anonymisation.kAnonymity(41, QUASI)), out))
        .isInstanceOf(Anonymiser.NoSolutionException.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void aSensitiveColumnOutsideTheAnonymisedColumnsIsRefused() {
    assertThatThrownBy(() -> fixture.exporterFor(Role.DATA_PROTECTION_OFFICER).export(Criteria.all(),
        ExportSettings.of(ExportFormat.CSV).anonymised(Anonymisation.kAnonymity(2, QUASI)
            .withDistinctLDiversity("phones", 2)), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sensitive column phones");
  }

  @Test
  void quasiIdentifiersAreNamedAsOnTheCommandLine() {
    assertThat(QuasiIdentifier.named("birth-year")).isEqualTo(QuasiIdentifier.BIRTH_YEAR);
    assertThat(QuasiIdentifier.named("region_code")).isEqualTo(QuasiIdentifier.REGION);
    assertThatThrownBy(() -> QuasiIdentifier.named("shoe-size")).hasMessageContaining("region, birth-year");
  }

  @Test
  void openHierarchiesTakeEmptyAndForeignValuesAndTopOutAtAny() {
    assertThat(QuasiIdentifier.REGION.hierarchy().generalise("110105", 1)).isEqualTo("110100");
    assertThat(QuasiIdentifier.REGION.hierarchy().generalise("", 2)).isEmpty();
    assertThat(QuasiIdentifier.REGION.hierarchy().generalise("US-CA", 1)).isEqualTo("US-CA");
    assertThat(QuasiIdentifier.REGION.hierarchy().generalise("US-CA", 3)).isEqualTo("*");
    assertThat(QuasiIdentifier.BIRTH_YEAR.hierarchy().generalise("1984", 1)).isEqualTo("1980-1984");
    assertThat(QuasiIdentifier.POSTCODE.hierarchy().generalise("100020", 2)).isEqualTo("1000**");
  }

  private static Map<List<String>, Integer> classSizes(List<List<String>> rows) {
    Map<List<String>, Integer> sizes = new HashMap<>();
    rows.forEach(r -> sizes.merge(r.subList(3, 6), 1, Integer::sum));
    return sizes;
  }
}
