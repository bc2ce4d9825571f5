package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsvRecordsProperties {
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> fields = Arbitraries.strings().withChars(",;\"\r\n a中\uFEFF").ofMaxLength(6);
    return fields.list().ofMinSize(1).ofMaxSize(4).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> lineEnds() {
    return Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\r\n\r\n");
  }

  @Property
  void everyWrittenRecordIsReadBackWithThePhysicalLineItStartsOn(@ForAll("tables") List<List<String>> table,
      @ForAll("lineEnds") String lineEnd, @ForAll boolean byteOrderMark) {
    StringBuilder csv = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
    List<String> expected = new ArrayList<>();
    for (List<String> record : table) {
      expected.add(lineOf(csv) + " " + record);
      csv.append(String.join(",", record.stream().map(CsvRecordsProperties::quoted).toList())).append(lineEnd);
    }
    assertThat(CsvRecordsTest.read(csv.toString(), ',')).containsExactlyElementsOf(expected);
  }

  @Property
  void aQuoteLeftOpenAtTheEndIsReportedOnItsRecordsLineAndNothingBeforeIsLost(
      @ForAll("tables") List<List<String>> table, @ForAll("lineEnds") String lineEnd) {
    StringBuilder csv = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (List<String> record : table) {
      expected.add(lineOf(csv) + " " + record);
      csv.append(String.join(",", record.stream().map(CsvRecordsProperties::quoted).toList())).append(lineEnd);
    }
    expected.add(lineOf(csv) + " ! not valid CSV");
    csv.append("x,\"open").append(lineEnd).append("y,z").append(lineEnd);
    List<String> told = CsvRecordsTest.read(csv.toString(), ',');
    assertThat(told).hasSameSizeAs(expected);
    assertThat(told.subList(0, table.size())).containsExactlyElementsOf(expected.subList(0, table.size()));
    assertThat(told.get(table.size())).startsWith(expected.get(table.size()));
  }

  private static String quoted(String field) {
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }

  /** The line the next record starts on: blank lines before it are skipped. */
  private static long lineOf(CharSequence before) {
    long line = 1;
    Matcher breaks = LINE_BREAK.matcher(before);
    while (breaks.find()) {
      line++;
    }
    return line;
  }
}
