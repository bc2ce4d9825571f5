package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.crmkit.core.dedup.MatchInput;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateCsvTest {
  private final List<GeneratedRecord> records = DuplicateGenerator.builder().seed(23).entities(1_500)
      .duplicateShare(0.5).build().generate();

  @Test
  void recordsReadBackExactlyAsTheyWereWritten() {
    StringWriter out = new StringWriter();
    long written = DuplicateCsv.write(records, out, true);

    List<MatchInput> read = DuplicateCsv.readInputs(new StringReader(out.toString()));

    assertThat(written).isEqualTo(records.size());
    assertThat(read).isEqualTo(records.stream().map(GeneratedRecord::input).toList());
  }

  @Test
  void theTruthColumnGivesBackTheGroundTruth() {
    StringWriter out = new StringWriter();
    DuplicateCsv.write(records, out, true);

    GroundTruth truth = DuplicateCsv.readTruth(new StringReader(out.toString()));

    assertThat(truth.entities()).isEqualTo(GroundTruth.of(records).entities());
    assertThat(truth.truePairs()).isEqualTo(GroundTruth.of(records).truePairs());
  }

  @Test
  void theFileIsAPlainCsvWithAHeaderAndOneRowPerRecord(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("customers.csv");
    DuplicateCsv.write(records, file, false);

    List<NamedCsvRecord> rows = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      csv.forEach(rows::add);
    }

    assertThat(rows).hasSize(records.size());
    assertThat(rows.get(0).getHeader()).isEqualTo(DuplicateCsv.COLUMNS);
    for (int i = 0; i < rows.size(); i++) {
      MatchInput input = records.get(i).input();
      assertThat(rows.get(i).getField("id")).isEqualTo(input.id());
      assertThat(rows.get(i).getField("legal_name")).isEqualTo(input.legalName().orElse(""));
      assertThat(rows.get(i).getField("address_line")).isEqualTo(input.addressLine().orElse(""));
      assertThat(rows.get(i).getField("birth_date")).isEqualTo(input.birthDate().map(Object::toString).orElse(""));
    }
    assertThat(Files.readString(file)).contains("\"").contains(",organisation,").contains(",person,");
  }

  @Test
  void aFileWithoutTheTruthColumnHasNoTruthToRead() {
    StringWriter out = new StringWriter();
    DuplicateCsv.write(records.subList(0, 3), out, false);

    assertThatThrownBy(() -> DuplicateCsv.readTruth(new StringReader(out.toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2, column entity_id: is missing");
  }

  @Test
  void aBadValueIsReportedWithItsLineAndColumn() {
    String header = String.join(",", DuplicateCsv.COLUMNS);
    String good = "r1,crm,person,,Smith,Mary,,,,,,,,,,,1980-02-03";
    String badKind = "r2,crm,company,,,,Acme,,,,,,,,,,";
    String badDate = "r3,crm,person,,Smith,Bob,,,,,,,,,,,03/02/1980";

    assertThat(DuplicateCsv.readInputs(new StringReader(header + "\n" + good + "\n"))).hasSize(1);
    assertThatThrownBy(() -> DuplicateCsv.readInputs(new StringReader(header + "\n" + good + "\n" + badKind)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3, column kind: must be person or organisation, got 'company'");
    assertThatThrownBy(() -> DuplicateCsv.readInputs(new StringReader(header + "\n" + badDate)))
        .hasMessage("line 2, column birth_date: must be a date yyyy-MM-dd, got '03/02/1980'");
  }
}
