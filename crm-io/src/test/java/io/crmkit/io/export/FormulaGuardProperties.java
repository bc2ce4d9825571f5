package io.crmkit.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class FormulaGuardProperties {

  @Property(tries = 300)
  void noNeutralisedCellStartsAFormulaAndRestoringGivesTheValueBack(@ForAll("cells") String value) {
    String cell = FormulaGuard.neutralise(value);
    assertThat(FormulaGuard.startsFormula(cell)).isFalse();
    assertThat(FormulaGuard.restore(cell)).isEqualTo(value);
  }

  @Property(tries = 300)
  void aCellThatStartsNoFormulaAndNoQuoteIsWrittenAsItIs(@ForAll("cells") String value) {
    boolean safe = !FormulaGuard.startsFormula(value) && !value.startsWith("'");
    assertThat(FormulaGuard.neutralise(value).equals(value)).isEqualTo(safe);
  }

  @Property(tries = 200)
  void noCellOfAnExportedCsvFileStartsAFormulaAndEveryRowReadsBack(
      @ForAll @Size(min = 1, max = 6) List<@Size(min = 3, max = 3) List<@net.jqwik.api.From("cells") String>> rows)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RowWriter writer = RowWriter.open(ExportFormat.CSV, List.of("a", "b", "c"), out)) {
      for (List<String> row : rows) {
        writer.write(row);
      }
    }
    List<List<String>> read;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(false).allowMissingFields(false)
        .ofCsvRecord(out.toString(StandardCharsets.UTF_8))) {
      read = reader.stream().map(CsvRecord::getFields).toList();
    }
    assertThat(read).hasSize(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells = read.get(i + 1);
      assertThat(cells).noneMatch(FormulaGuard::startsFormula);
      assertThat(cells.stream().map(FormulaGuard::restore).toList()).isEqualTo(rows.get(i));
    }
  }

  @Provide
  Arbitrary<String> cells() {
    Arbitrary<String> start = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", "''", "", "a", " ", "\"", ",");
    Arbitrary<String> rest = Arbitraries.strings().withChars("=+-@\t\r\n'\",;aZ0 中").ofMaxLength(8);
    return net.jqwik.api.Combinators.combine(start, rest).as(String::concat);
  }
}
