package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void table_reads_a_header_and_rows_with_crlf() {
    Table table = Table.read(new StringReader("age;gender\r\n34;male\r\n45;female\r\n"), ';');

    assertThat(table.header()).containsExactly("age", "gender");
    assertThat(table.rows()).containsExactly(List.of("34", "male"), List.of("45", "female"));
    assertThatThrownBy(() -> Table.read(new StringReader("a;b\n1\n"), ';'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
  }

  @Test
  void table_keeps_cells_exactly_as_written() {
    Table table = Table.read(new StringReader("name;city\n Ann ;Rome \n"), ';');

    assertThat(table.rows()).containsExactly(List.of(" Ann ", "Rome "));
  }
}
