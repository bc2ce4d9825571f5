package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  /** What a read told its visitor, one line per record or problem. */
  static List<String> read(String csv, char delimiter) {
    List<String> told = new ArrayList<>();
    CsvRecords.read(new StringReader(csv), delimiter, new CsvRecords.Visitor() {
      @Override
      public void record(long line, List<String> fields) {
        told.add(line + " " + fields);
      }

      @Override
      public void unreadable(long line, String message) {
        told.add(line + " ! " + message);
      }
    });
    return told;
  }

  @Test
  void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndRecordsKnowTheirFirstLine() {
    assertThat(read("\uFEFFcode,label\r\n\r\n1,\"a, \"\"b\"\"\nc\"\n2,\n\n", ',')).containsExactly(
        "1 [code, label]",
        "3 [1, a, \"b\"\nc]",
        "5 [2, ]");
  }

  @Test
  void anyDelimiterSplitsFieldsAndRecordsMayDifferInLength() {
    assertThat(read("a;b\tc\n\"x;y\";z;w", ';')).containsExactly("1 [a, b\tc]", "2 [x;y, z, w]");
    assertThat(read("a;b\tc\n", '\t')).containsExactly("1 [a;b, c]");
  }

  @Test
  void aQuotedFieldLeftOpenIsReportedAtItsRecordsLineAfterTheRecordsBeforeIt() {
    List<String> told = read("code,label\nN,North\nS,\"South\nW,West\n", ',');
    assertThat(told).hasSize(3);
    assertThat(told.subList(0, 2)).containsExactly("1 [code, label]", "2 [N, North]");
    assertThat(told.get(2)).startsWith("3 ! not valid CSV, so nothing after it is read: ").containsIgnoringCase("unclosed");
    assertThat(read("\"", ',')).singleElement().asString().startsWith("1 ! not valid CSV");
  }

  @Test
  void aCharacterAfterAClosingQuoteEndsTheReadingWithTheRecordsLine() {
    List<String> told = read("a,b\n\"multi\nline\",c\nd,\"e\"x,f\ng,h\n", ',');
    assertThat(told).hasSize(3);
    assertThat(told.subList(0, 2)).containsExactly("1 [a, b]", "2 [multi\nline, c]");
    assertThat(told.get(2)).startsWith("4 ! not valid CSV, so nothing after it is read: ").contains("'x'");
  }

  @Test
  void anEmptyInputHasNoRecordAndABlankFieldIsNotABlankLine() {
    assertThat(read("", ',')).isEmpty();
    assertThat(read("\uFEFF\n\n", ',')).isEmpty();
    assertThat(read("\n \n\"\"\n", ',')).containsExactly("2 [ ]", "3 []");
  }

  @Test
  void theCallersReaderStaysOpen() throws Exception {
    Reader reader = new StringReader("a,b\n");
    CsvRecords.read(reader, ',', new CsvRecords.Visitor() {
      @Override
      public void record(long line, List<String> fields) {}

      @Override
      public void unreadable(long line, String message) {}
    });
    assertThat(reader.ready()).as("a closed StringReader throws here").isTrue();
  }

  @Test
  void quotesAndLineBreaksCannotBeDelimiters() {
    assertThatThrownBy(() -> read("a", '"')).isInstanceOf(IllegalArgumentException.class).hasMessage("U+0022 cannot be a delimiter");
    assertThatThrownBy(() -> read("a", '\n')).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CsvLayout.standard().withDelimiter('\r')).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("U+000D cannot be a delimiter");
  }
}
