package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.segmentation.clv.Transaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionFileTest {

  @TempDir
  Path dir;

  private Path file(String name, String text, Charset charset) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, charset);
    return file;
  }

  private static TransactionFormat format(String delimiter, Boolean header, String customer, String date,
      String amount, String currency, String pattern) {
    return TransactionFormat.of(null, delimiter, null, header, customer, date, amount, currency, pattern);
  }

  @Test
  void readsQuotedDelimitedRowsByHeaderNameWithAByteOrderMark() throws IOException {
    Path sales = file("sales.csv", "\uFEFFid;when;total;cur\r\n\"C;1\";01/02/2025;1234.50;cny\r\n",
        StandardCharsets.UTF_8);

    TransactionFile.Contents read = TransactionFile.read(sales,
        format(";", null, "id", "when", "total", "cur", "dd/MM/yyyy"), Progress.silent());

    assertThat(read.transactions()).containsExactly(
        new Transaction("C;1", LocalDate.of(2025, 2, 1), new BigDecimal("1234.50"), "CNY"));
    assertThat(read.rejections()).isEmpty();
  }

  @Test
  void readsRunsOfWhitespaceByColumnNumberInTheGivenEncoding() throws IOException {
    Path sales = file("sales.txt", "  张三\t 20250102   -5.5  \n\n李四 20250103 7\n", Charset.forName("GBK"));

    TransactionFile.Contents read = TransactionFile.read(sales,
        TransactionFormat.of("GBK", "whitespace", null, false, "1", "2", "3", null, "yyyyMMdd"), Progress.silent());

    assertThat(read.transactions()).containsExactly(
        Transaction.of("张三", LocalDate.of(2025, 1, 2), new BigDecimal("-5.5")),
        Transaction.of("李四", LocalDate.of(2025, 1, 3), new BigDecimal("7")));
    assertThat(read.rows()).isEqualTo(2);
  }

  @Test
  void aStrictDateFormatRejectsTheThirtyFirstOfFebruary() throws IOException {
    Path sales = file("sales.csv", "c,d,a\nx,2025-02-31,1\n", StandardCharsets.UTF_8);

    TransactionFile.Contents read = TransactionFile.read(sales, format(null, null, "c", "d", "a", null, null),
        Progress.silent());

    assertThat(read.rejections()).extracting(TransactionFile.Rejection::message).containsExactly(
        "sales.csv row 1 (line 2), column 2 (d): \"2025-02-31\" is not a date in the format yyyy-MM-dd; row skipped");
  }

  @Test
  void badOptionsAreUsageErrorsBeforeAnyRowIsRead() {
    assertThatThrownBy(() -> format("ab", null, "1", "2", "3", null, null)).isInstanceOf(CliException.class)
        .hasMessageContaining("the delimiter must be one character, tab or whitespace, not \"ab\"");
    assertThatThrownBy(() -> format(",", null, " ", "2", "3", null, null)).hasMessage("--customer names no column");
    assertThatThrownBy(() -> TransactionFormat.of("NOPE", null, null, null, "1", "2", "3", null, null))
        .hasMessageContaining("unknown encoding NOPE");
  }

  @Test
  void anEmptyFileIsBadInput() throws IOException {
    Path empty = file("empty.csv", "", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TransactionFile.read(empty, format(null, null, "1", "2", "3", null, null), Progress.silent()))
        .isInstanceOf(CliException.class).hasMessageEndingWith("empty.csv: no rows");
  }
}
