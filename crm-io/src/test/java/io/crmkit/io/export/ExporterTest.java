package io.crmkit.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.privacy.access.AccessDeniedException;
import io.crmkit.privacy.access.Role;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterTest {
  private final ExportFixture fixture = new ExportFixture();
  private final Customer zhang = fixture.person("张", "伟", "+8613812345678", "110105", 1984, Gender.MALE,
      ValueTier.HIGH);
  private final Customer li = fixture.person("李", "娜", "+8613998765432", "440305", 1991, Gender.FEMALE,
      ValueTier.LOW);

  @Test
  void dataProtectionOfficerExportsTheMatchingCustomersInClearInTheStandardColumns() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportResult result = fixture.exporterFor(Role.DATA_PROTECTION_OFFICER)
        .export(Criteria.tierIs(ValueTier.HIGH), ExportSettings.of(ExportFormat.CSV), out);

    List<List<String>> rows = csv(out);
    assertThat(result.rows()).isEqualTo(1);
    assertThat(rows.get(0)).isEqualTo(ExportColumns.standard().header()).startsWith("id", "kind", "display_name");
    List<String> row = rows.get(1);
    assertThat(cell(rows, row, "id")).isEqualTo(zhang.id().value().toString());
    assertThat(cell(rows, row, "display_name")).isEqualTo("张伟");
    assertThat(cell(rows, row, "phones")).as("neutralised: E.164 starts with +").isEqualTo("'+8613812345678");
    assertThat(cell(rows, row, "region_code")).isEqualTo("110105");
    assertThat(cell(rows, row, "codes")).isEqualTo("region=110105");
    assertThat(cell(rows, row, "birth_date")).isEqualTo("1984-06-15");
    assertThat(cell(rows, row, "external_references")).isEqualTo("erp:C-5678");
    assertThat(cell(rows, row, "tier")).isEqualTo("HIGH");
    assertThat(cell(rows, row, "created_at")).isEqualTo(zhang.createdAt().toString());
  }

  @Test
  void analystExportShowsPersonalValuesMaskedAndNonPersonalOnesAsStored() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fixture.exporterFor(Role.ANALYST).export(Criteria.all(), ExportSettings.of(ExportFormat.CSV), out);

    List<List<String>> rows = csv(out);
    assertThat(rows).hasSize(3);
    List<String> row = rows.stream().filter(r -> r.get(0).equals(zhang.id().value().toString())).findFirst()
        .orElseThrow();
    assertThat(cell(rows, row, "phones")).isEqualTo("'+86138****5678");
    assertThat(cell(rows, row, "display_name")).isEqualTo("张*");
    assertThat(cell(rows, row, "street")).isEqualTo("***");
    assertThat(cell(rows, row, "region_code")).as("coarsened to the city").isEqualTo("110100");
    assertThat(cell(rows, row, "birth_date")).isEqualTo("1984-01-01");
    assertThat(cell(rows, row, "gender")).as("withheld").isEmpty();
    assertThat(cell(rows, row, "codes")).as("non-personal").isEqualTo("region=110105");
    assertThat(ExportFixture.text(out)).doesNotContain("13812345678", "建国路");
  }

  @Test
  void rolesWithoutTheExportPermissionAreRefusedBeforeAnythingIsWritten() {
    for (Role role : List.of(Role.SALES_REP, Role.ADMINISTRATOR)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThatThrownBy(() -> fixture.exporterFor(role).export(Criteria.all(),
          ExportSettings.of(ExportFormat.CSV), out))
          .isInstanceOf(AccessDeniedException.class).hasMessageContaining("EXPORT");
      assertThat(out.size()).as(role.name()).isZero();
    }
    assertThat(fixture.stores.privacy().auditLog().inRange(TimeRange.all()))
        .noneMatch(r -> r.entry().action() == AuditAction.EXPORT);
  }

  @Test
  void everyExportIsAuditedOnceWithTheQueryShapeAndTheCountButNoValue() {
    fixture.exporterFor(Role.ANALYST).export(Criteria.codeStartsWith("region", "44"),
        ExportSettings.of(ExportFormat.JSON_LINES), new ByteArrayOutputStream());

    List<AuditRecord> exports = fixture.stores.privacy().auditLog().inRange(TimeRange.all()).stream()
        .filter(r -> r.entry().action() == AuditAction.EXPORT).toList();
    assertThat(exports).singleElement().satisfies(r -> {
      assertThat(r.entry().actor()).isEqualTo("tester-analyst");
      assertThat(r.entry().target()).startsWith("export 1 customers:").doesNotContain("44");
    });
  }

  @Test
  void jsonLinesExportWritesOneObjectPerCustomerKeyedByColumnWithNullForAbsentValues() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportSettings settings = ExportSettings.of(ExportFormat.JSON_LINES)
        .withColumns(ExportColumns.standard().withAttributes(List.of("segment", "score", "missing")));
    ExportResult result = fixture.exporterFor(Role.DATA_PROTECTION_OFFICER).export(Criteria.all(), settings, out);

    String[] lines = ExportFixture.text(out).split("\n");
    assertThat(result.rows()).isEqualTo(2);
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines[0]);
    assertThat(first.fieldNames()).toIterable().containsExactlyElementsOf(result.header());
    assertThat(first.get("attr.segment").asText()).as("JSON is not neutralised").isEqualTo("=HYPERLINK(\"http://evil\")");
    assertThat(first.get("attr.score").asText()).isEqualTo("-12");
    assertThat(first.get("attr.missing").isNull()).isTrue();
    assertThat(first.get("legal_name").isNull()).isTrue();
  }

  @Test
  void csvCellsThatWouldStartAFormulaAreQuotedAndRestoreToTheStoredValue() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportSettings settings = ExportSettings.of(ExportFormat.CSV)
        .withColumns(ExportColumns.standard().withAttributes(List.of("segment", "score")));
    fixture.exporterFor(Role.DATA_PROTECTION_OFFICER).export(Criteria.all(), settings, out);

    List<List<String>> rows = csv(out);
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).noneMatch(FormulaGuard::startsFormula);
      assertThat(cell(rows, row, "attr.segment")).isEqualTo("'=HYPERLINK(\"http://evil\")");
      assertThat(FormulaGuard.restore(cell(rows, row, "attr.score"))).isEqualTo("-12");
    }
  }

  @Test
  void anAttributeChosenTwiceOrInvalidIsRefused() {
    assertThatThrownBy(() -> ExportColumns.standard().withAttributes(List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> ExportColumns.standard().withAttributes(List.of("1bad")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a custom attribute name");
  }

  @Test
  void anExportOfNoCustomerWritesTheHeaderAlone() {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    Exporter exporter = fixture.exporterFor(Role.ANALYST);
    assertThat(exporter.export(Criteria.tierIs(ValueTier.VIP), ExportSettings.of(ExportFormat.CSV), csv).rows())
        .isZero();
    exporter.export(Criteria.tierIs(ValueTier.VIP), ExportSettings.of(ExportFormat.JSON_LINES), jsonl);
    assertThat(csv(csv)).containsExactly(ExportColumns.standard().header());
    assertThat(jsonl.size()).isZero();
  }

  @Test
  void progressIsToldEveryCustomerRead() {
    long[] last = {0};
    fixture.exporterFor(Role.ANALYST).export(Criteria.all(), ExportSettings.of(ExportFormat.CSV),
        new ByteArrayOutputStream(), done -> last[0] = done);
    assertThat(last[0]).isEqualTo(2);
  }

  static List<List<String>> csv(ByteArrayOutputStream out) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(ExportFixture.text(out))) {
      return reader.stream().map(CsvRecord::getFields).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String cell(List<List<String>> rows, List<String> row, String column) {
    int index = rows.get(0).indexOf(column);
    assertThat(index).as("column " + column + " in " + Arrays.toString(rows.get(0).toArray())).isNotNegative();
    return row.get(index);
  }
}
