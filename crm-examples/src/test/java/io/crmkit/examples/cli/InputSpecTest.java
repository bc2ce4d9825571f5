package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSpecTest {

  private static MappingFile columns(Map<String, List<String>> columns) {
    return new MappingFile(null, null, null, null, columns, null, null, null, null, null, null);
  }

  @Test
  void fillsInTheDefaultsOfAnExport() {
    InputSpec spec = InputSpec.from(columns(Map.of("fullName", List.of("name"))), "the options");

    assertThat(spec.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(spec.delimiter()).isEqualTo(',');
    assertThat(spec.quote()).isEqualTo('"');
    assertThat(spec.header()).isTrue();
    assertThat(spec.datePattern()).isEqualTo("yyyy-MM-dd");
    assertThat(spec.kindValues()).containsEntry("个人", CustomerKind.PERSON).containsEntry("企业", CustomerKind.ORGANISATION)
        .containsEntry("p", CustomerKind.PERSON);
    assertThat(spec.idPrefix()).isEmpty();
  }

  @Test
  void readsTabAsTheTabCharacter() {
    MappingFile given = new MappingFile(null, "\\t", null, false, Map.of("id", List.of("1")), null, null, null, null,
        null, null);

    assertThat(InputSpec.from(given, "the options").delimiter()).isEqualTo('\t');
  }

  @Test
  void readsYearsWrittenAsYyyyStrictly() {
    MappingFile given = new MappingFile(null, null, null, null, Map.of("id", List.of("id")), null, null, null,
        "dd/MM/yyyy", null, null);
    InputSpec spec = InputSpec.from(given, "the options");

    assertThat(LocalDate.parse("31/12/1999", spec.dateFormatter())).isEqualTo(LocalDate.of(1999, 12, 31));
    assertThatThrownBy(() -> LocalDate.parse("30/02/1999", spec.dateFormatter()))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void leavesQuotedLettersOfADatePatternAlone() {
    MappingFile given = new MappingFile(null, null, null, null, Map.of("id", List.of("id")), null, null, null,
        "yyyy'y'MM'm'dd", null, null);

    assertThat(LocalDate.parse("1999y12m31", InputSpec.from(given, "x").dateFormatter()))
        .isEqualTo(LocalDate.of(1999, 12, 31));
  }

  @Test
  void refusesAValueThatMeansBothKinds() {
    MappingFile given = new MappingFile(null, null, null, null, Map.of("kind", List.of("类型")), null,
        List.of("客户"), List.of("客户", "企业"), null, null, null);

    assertThatThrownBy(() -> InputSpec.from(given, "m.json"))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
        .hasMessage("m.json: 客户 cannot mean both a person and an organisation");
  }

  @Test
  void refusesAMappingWithoutColumns() {
    assertThatThrownBy(() -> InputSpec.from(MappingFile.EMPTY, "the options"))
        .isInstanceOf(CliException.class).hasMessageContaining("no column is mapped");
  }

  @Test
  void refusesTheQuoteAsDelimiter() {
    MappingFile given = new MappingFile(null, "'", "'", null, Map.of("id", List.of("id")), null, null, null, null,
        null, null);

    assertThatThrownBy(() -> InputSpec.from(given, "the options"))
        .isInstanceOf(CliException.class).hasMessageContaining("the quote and the delimiter must differ");
  }

  @Test
  void optionsLaidOverAMappingFileWinFieldByField() {
    MappingFile file = new MappingFile("GBK", ";", null, null, Map.of("id", List.of("编号"), "fullName", List.of("名称")),
        null, null, null, "yyyyMMdd", "crm", null);
    MappingFile options = new MappingFile(null, ",", null, null, Map.of("fullName", List.of("姓名")), null, null, null,
        null, null, null);

    MappingFile merged = options.over(file);

    assertThat(merged.encoding()).isEqualTo("GBK");
    assertThat(merged.delimiter()).isEqualTo(",");
    assertThat(merged.columns()).containsEntry("id", List.of("编号")).containsEntry("fullName", List.of("姓名"));
    assertThat(merged.dateFormat()).isEqualTo("yyyyMMdd");
    assertThat(merged.withoutFileIdentity().source()).isNull();
  }

  @Test
  void repeatedColumnOptionsAddUp() {
    assertThat(MappingFile.parseColumns(List.of("phones=手机", "phones=电话, 传真", "id=编号")))
        .containsEntry("phones", List.of("手机", "电话", "传真")).containsEntry("id", List.of("编号"));
  }
}
