package io.crmkit.io.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.io.CrmStores;
import io.crmkit.io.memory.InMemoryImports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTest {
  private static final String JSON_MAPPING = """
      {"columns": [
        {"column": "code", "field": "id", "transforms": ["trim", "prefix:ERP-"]},
        {"column": "name", "field": "fullName", "transforms": ["trim"]},
        {"column": "birthday", "field": "birthDate", "transforms": ["date:yyyyMMdd"]},
        {"column": "phone", "field": "phone", "transforms": ["phoneRegion:US"]},
        {"column": "level", "field": "tag", "transforms": ["upper"]},
        {"column": "note", "field": "attribute:note", "transforms": ["default:none"]}],
       "unknownColumns": "ignore"}
      """;

  @TempDir
  Path dir;

  private final CrmStores stores = CrmStores.inMemory();
  private final ImportStore imports = stores.base().attach(InMemoryImports.extension());

  private ImportReport importWith(Path mapping, String csv) throws IOException {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, csv);
    return FileImport.builder().stores(stores).imports(imports).mapping(ColumnMapping.read(mapping)).system("erp")
        .build().run(ImportSource.csv(file));
  }

  private Path jsonMapping() throws IOException {
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(mapping, JSON_MAPPING);
    return mapping;
  }

  @Test
  void aJsonMappingAppliesEachColumnsTransformsInOrder() throws IOException {
    ImportReport report = importWith(jsonMapping(),
        "code,name,birthday,phone,level,note,extra\n 7 ,  Ann Lee ,19800131,415 555 0100,gold,,x\n");

    assertThat(report.problems()).isEmpty();
    Customer ann = stores.base().customers().findByExternalReference(ExternalReference.of("erp", "ERP-7"))
        .orElseThrow();
    assertThat(ann.personName().orElseThrow().familyName()).contains("Lee");
    assertThat(ann.personName().orElseThrow().givenName()).contains("Ann");
    assertThat(ann.birthDate()).contains(LocalDate.of(1980, 1, 31));
    assertThat(ann.contactPoints()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo("+14155550100"));
    assertThat(ann.tags()).containsExactly("GOLD");
    assertThat(ann.attributes()).containsExactly(java.util.Map.entry("note", AttributeValue.text("none")));
  }

  @Test
  void aValueATransformCannotReadIsDroppedAndTheRowStillWritten() throws IOException {
    ImportReport report = importWith(jsonMapping(),
        "code,name,birthday,phone,level,note,extra\n8,Bo Chen,19801331,12,gold,vip,\n");

    assertThat(report.totals().inserted()).isEqualTo(1);
    assertThat(report.problems()).extracting(RowProblem::column, RowProblem::rule, RowProblem::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("birthday", "date-format", RowProblem.Outcome.VALUE_DROPPED),
            org.assertj.core.groups.Tuple.tuple("phone", "phone", RowProblem.Outcome.VALUE_DROPPED));
  }

  @Test
  void unknownFieldsTransformsAndMembersAreRefusedWithWhatIsWrong() throws IOException {
    assertThatThrownBy(() -> ColumnMapping.builder().column("x", "nickname"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field 'nickname'");
    assertThatThrownBy(() -> ColumnMapping.builder().column("x", "fullName", "shout"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown transform 'shout'");
    assertThatThrownBy(() -> ColumnMapping.builder().column("x", "birthDate", "date:yyyy-MM-dd-q-{"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed date pattern");
    Path mapping = dir.resolve("bad.json");
    Files.writeString(mapping, "{\"columns\": [], \"colour\": \"red\"}");
    assertThatThrownBy(() -> ColumnMapping.read(mapping))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.json: unknown member \"colour\"");
  }

  @Test
  void aMappingFilesUnknownMemberOrValueIsNamedWithWhatIsAllowedAndNoJavaName() throws IOException {
    Path member = Files.writeString(dir.resolve("member.json"),
        "{\"columns\": [{\"column\": \"id\", \"field\": \"id\"}], \"extra\": 1}");
    Path value = Files.writeString(dir.resolve("value.yaml"),
        "columns:\n  - {column: id, field: id}\nunknownColumns: bogus\n");
    Path entry = Files.writeString(dir.resolve("entry.json"),
        "{\"columns\": [{\"column\": \"id\", \"field\": \"id\", \"transform\": \"trim\"}]}");

    assertThatThrownBy(() -> ColumnMapping.read(member)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member.json: unknown member \"extra\"; a mapping has columns, unknownColumns, phoneRegion,"
            + " country");
    assertThatThrownBy(() -> ColumnMapping.read(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value.yaml: unknownColumns is attributes, report or ignore, not 'bogus'");
    assertThatThrownBy(() -> ColumnMapping.read(entry)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry.json: unknown member \"transform\" in columns[0]; a column entry has column, field,"
            + " transforms");
    Path form = Files.writeString(dir.resolve("form.json"), "{\"columns\": 5}");
    assertThatThrownBy(() -> ColumnMapping.read(form)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("form.json is not a column mapping: columns has the wrong form (line 1)");
    Path syntax = Files.writeString(dir.resolve("syntax.json"), "{\"columns\": [");
    assertThatThrownBy(() -> ColumnMapping.read(syntax)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("syntax.json is not a column mapping: not valid JSON at line 1")
        .hasMessageNotContaining("io.crmkit");
  }

  @Test
  void mappingAnEmptyFileByNameSaysTheFileIsEmpty() throws IOException {
    Path csv = Files.writeString(dir.resolve("empty.csv"), "");
    Path jsonLines = Files.writeString(dir.resolve("empty.jsonl"), "");

    for (ImportSource source : new ImportSource[] {ImportSource.csv(csv), ImportSource.jsonLines(jsonLines)}) {
      assertThatThrownBy(() -> ColumnMapping.byName(source, ColumnMapping.UnknownColumns.REPORT))
          .isInstanceOf(UnreadableFileException.class).hasMessage("the file is empty");
    }
  }
}
