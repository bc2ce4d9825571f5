package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndRecordsKnowTheirFirstLine() throws Exception {
    CsvReader csv = new CsvReader(new StringReader("\uFEFFcode,label\r\n\r\n1,\"a, \"\"b\"\"\nc\"\n2,\n"), ',');
    assertThat(csv.next()).containsExactly("code", "label");
    assertThat(csv.recordLine()).isEqualTo(1);
    assertThat(csv.next()).containsExactly("1", "a, \"b\"\nc");
    assertThat(csv.recordLine()).isEqualTo(3);
    assertThat(csv.next()).containsExactly("2", "");
    assertThat(csv.recordLine()).isEqualTo(5);
    assertThat(csv.next()).isNull();
  }

  @Test
  void aBrokenRecordIsReportedWithItsLineAndReadingGoesOnAtTheNextLine() throws Exception {
    CsvReader csv = new CsvReader(new StringReader("a,\"b\"x,c\nd,e\nf,g\"h\ni;j\n"), ',');
    assertThatThrownBy(csv::next).isInstanceOf(CsvReader.SyntaxError.class)
        .hasMessage("unexpected 'x' after a closing quote")
        .satisfies(e -> assertThat(((CsvReader.SyntaxError) e).line()).isEqualTo(1));
    assertThat(csv.next()).isEqualTo(List.of("d", "e"));
    assertThatThrownBy(csv::next).isInstanceOf(CsvReader.SyntaxError.class)
        .satisfies(e -> assertThat(((CsvReader.SyntaxError) e).line()).isEqualTo(3));
    assertThat(new CsvReader(new StringReader("i;j"), ';').next()).containsExactly("i", "j");
  }
}
