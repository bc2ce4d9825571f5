package io.crmkit.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a CSV writer quotes, delimits and breaks, the import reads back every row exactly, numbered in order. */
class CsvRowReaderProperties {

  @Property(tries = 60)
  void everyRowWrittenIsReadBackWithItsValuesInOrder(@ForAll("tables") List<List<String>> rows,
      @ForAll("delimiters") char delimiter, @ForAll boolean crlf) throws IOException {
    List<String> header = new ArrayList<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      header.add("c" + i);
    }
    StringWriter text = new StringWriter();
    CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter)
        .lineDelimiter(crlf ? LineDelimiter.CRLF : LineDelimiter.LF).build(text);
    csv.writeRecord(header);
    rows.forEach(csv::writeRecord);
    csv.flush();
    Path file = Files.createTempFile("rows", ".csv");
    try {
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);

      List<SourceRow> read = new ArrayList<>();
      try (RowReader reader = RowReader.open(ImportSource.csv(file).delimiter(delimiter))) {
        reader.forEachRemaining(read::add);
        assertThat(reader.fileProblems()).isEmpty();
      }

      assertThat(read).hasSize(rows.size());
      long previousLine = 1;
      for (int r = 0; r < rows.size(); r++) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
          expected.put(header.get(c), rows.get(r).get(c));
        }
        assertThat(read.get(r).row()).isEqualTo(r + 1);
        assertThat(read.get(r).values()).isEqualTo(expected);
        assertThat(read.get(r).problems()).isEmpty();
        assertThat(read.get(r).line()).isGreaterThan(previousLine);
        previousLine = read.get(r).line();
      }
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<Character> delimiters() {
    return Arbitraries.of(',', ';', '\t', '|');
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> values = Arbitraries.strings()
        .withChars("ab 张伟,;|\t\"\r\n=+-@'")
        .withCharRange('a', 'z')
        .ofMaxLength(12);
    return Arbitraries.integers().between(2, 5).flatMap(columns ->
        values.list().ofSize(columns).list().ofMinSize(1).ofMaxSize(20));
  }
}
