package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.CustomerRules;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** What holds for every seed and every setting: determinism, record limits and valid customers. */
class DuplicateGeneratorProperties {
  private static final CrmValidator VALIDATOR = CrmValidator.create();

  @Property(tries = 25)
  void theSameSeedAndSettingsGiveTheSameRecords(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int entities,
      @ForAll @DoubleRange(min = 0, max = 1) double organisationShare,
      @ForAll @DoubleRange(min = 0, max = 1) double chineseShare, @ForAll @IntRange(min = 1, max = 50) int window) {
    DuplicateGenerator.Builder settings = DuplicateGenerator.builder().seed(seed).entities(entities)
        .organisationShare(organisationShare).chineseShare(chineseShare).shuffleWindow(window);

    assertThat(settings.build().generate()).isEqualTo(settings.build().generate());
  }

  @Property(tries = 25)
  void maxRecordsGivesThatManyRecordsOrAllThereAre(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int entities, @ForAll @IntRange(min = 1, max = 400) int max) {
    int all = DuplicateGenerator.builder().seed(seed).entities(entities).build().generate().size();
    List<GeneratedRecord> limited = DuplicateGenerator.builder().seed(seed).entities(entities).maxRecords(max)
        .build().generate();

    assertThat(limited).hasSize(Math.min(all, max));
  }

  @Property(tries = 15)
  void everyGeneratedFileReadsBackAsItsRecordsAndTheirTruth(@ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 1) double chineseShare, @ForAll boolean withTruth) {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(seed).entities(60).duplicateShare(0.5)
        .chineseShare(chineseShare).build().generate();
    StringWriter file = new StringWriter();
    DuplicateCsv.write(records, file, withTruth);

    assertThat(DuplicateCsv.readInputs(new StringReader(file.toString())))
        .isEqualTo(records.stream().map(GeneratedRecord::input).toList());
    if (withTruth) {
      assertThat(DuplicateCsv.readTruth(new StringReader(file.toString())).entities())
          .isEqualTo(GroundTruth.of(records).entities());
    }
  }

  @Property(tries = 25)
  void everyRecordOfEverySettingBecomesAValidCustomer(@ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 1) double organisationShare,
      @ForAll @DoubleRange(min = 0, max = 1) double chineseShare, @ForAll @DoubleRange(min = 0, max = 1) double rate) {
    DuplicateGenerator.Builder settings = DuplicateGenerator.builder().seed(seed).entities(40).duplicateShare(0.5)
        .organisationShare(organisationShare).chineseShare(chineseShare);
    for (Variation variation : Variation.values()) {
      settings.rate(variation, rate);
    }

    for (GeneratedRecord record : settings.build().generate()) {
      assertThat(VALIDATOR.violations(GeneratedCustomers.toNewCustomer(record), CustomerRules.ALL))
          .as("%s", record.input()).isEmpty();
    }
  }
}
