package io.crmkit.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.io.CrmStores;
import io.crmkit.io.memory.InMemoryImports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file of the malformed corpus gets a clear report, and every good row around the bad ones is kept. */
class MalformedFilesTest {
  @TempDir
  Path dir;

  private final CrmStores stores = CrmStores.inMemory();
  private final ImportStore imports = stores.base().attach(InMemoryImports.extension());
  private final ColumnMapping idAndName = ColumnMapping.builder().column("id", "id").column("name", "fullName")
      .unknownColumns(ColumnMapping.UnknownColumns.ATTRIBUTES).build();

  private ImportReport importCorpus(String name) {
    return importFile(FileImportTest.resource("malformed/" + name));
  }

  private ImportReport importFile(Path file) {
    return FileImport.builder().stores(stores).imports(imports).mapping(idAndName).system("erp").build()
        .run(ImportSource.csv(file));
  }

  private boolean stored(String id) {
    return stores.base().customers().findByExternalReference(ExternalReference.of("erp", id)).isPresent();
  }

  @Test
  void unbalancedQuotesEndTheReadableRowsWithACsvSyntaxProblemAtItsLine() {
    ImportReport report = importCorpus("unbalanced-quotes.csv");

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.outcome()).isEqualTo(RowProblem.Outcome.FILE);
      assertThat(p.rule()).isEqualTo("csv-syntax");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).contains("broken quoting");
    });
    assertThat(report.allGood()).isFalse();
    assertThat(report.finished()).isTrue();
  }

  @Test
  void brokenQuotingAfterARecordSpanningTwoLinesIsReportedAtTheLineWhereItsRecordStarts() throws IOException {
    Path file = Files.writeString(dir.resolve("multiline.csv"), "id,name,note\n1,Ann Lee,x\n2,Bo Chen,x\n"
        + "3,Cy Wu,x\n4,Di Ma,x\n5,\"Eve\nNewline\",x\n6,\"Broken\n7,Fay Li,x\n");

    ImportReport report = importFile(file);

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("csv-syntax");
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).startsWith("broken quoting in the record starting at line 8 ");
    });
    assertThat(report.totals().inserted()).isEqualTo(5);
  }

  @Test
  void rowsWithTheWrongColumnCountAreRejectedAndTheOthersKept() {
    ImportReport report = importCorpus("wrong-column-count.csv");

    assertThat(report.totals()).isEqualTo(new ImportTotals(4, 2, 0, 0, 0, 0, 2));
    assertThat(report.problems()).extracting(RowProblem::row, RowProblem::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "wrong-column-count"),
            org.assertj.core.groups.Tuple.tuple(3L, "wrong-column-count"));
    assertThat(stored("C-1")).isTrue();
    assertThat(stored("C-4")).isTrue();
  }

  @Test
  void anEmptyFileIsReportedAsEmpty() {
    ImportReport report = importCorpus("empty.csv");

    assertThat(report.totals()).isEqualTo(ImportTotals.NONE);
    assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.rule()).isEqualTo("empty-file"));
  }

  @Test
  void aHeaderWithoutRowsIsReportedAsHavingNoRows() {
    ImportReport report = importCorpus("header-only.csv");

    assertThat(report.totals()).isEqualTo(ImportTotals.NONE);
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("no-rows");
      assertThat(p.message()).contains("header but no data rows");
    });
  }

  @Test
  void mixedLineEndingsAreRowsAllTheSame() {
    ImportReport report = importCorpus("mixed-line-endings.csv");

    assertThat(report.totals().inserted()).isEqualTo(3);
    assertThat(report.problems()).isEmpty();
    assertThat(stored("C-3")).isTrue();
  }

  @Test
  void aGbkFileReadAsUtf8RejectsTheUndecodableRowNamingItsColumnAndKeepsTheOthers() {
    ImportReport report = importCorpus("gbk-as-utf8.csv");

    assertThat(report.totals()).isEqualTo(new ImportTotals(2, 1, 0, 0, 0, 0, 1));
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(1);
      assertThat(p.column()).isEqualTo("name");
      assertThat(p.rule()).isEqualTo("undecodable");
      assertThat(p.message()).contains("declare the encoding");
    });
    assertThat(stores.base().customers().stream(Criteria.all()).map(c -> c.displayName()))
        .noneMatch(name -> name.contains("\uFFFD") || name.contains("\uFFFF"));
  }

  @Test
  void formulaInjectionStringsAreKeptAsDataOnImport() {
    ImportReport report = importCorpus("formula-injection.csv");

    assertThat(report.totals().inserted()).isEqualTo(2);
    var customer = stores.base().customers().findByExternalReference(ExternalReference.of("erp", "C-1")).orElseThrow();
    assertThat(customer.attributes().get("note").toString()).contains("+1+2");
  }

  @Test
  void aOneMegabyteFieldRejectsItsRowWithTheLengthRuleAndKeepsTheNext() throws IOException {
    Path file = dir.resolve("big-field.csv");
    Files.writeString(file, "id,name\nC-1," + "x".repeat(1024 * 1024) + "\nC-2,Bob\n");

    ImportReport report = importFile(file);

    assertThat(report.totals()).isEqualTo(new ImportTotals(2, 1, 0, 0, 0, 0, 1));
    assertThat(report.problems()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.row()).isEqualTo(1);
      assertThat(p.outcome()).isEqualTo(RowProblem.Outcome.REJECTED);
      assertThat(p.message()).doesNotContain("xxxxxxxx");
    });
    assertThat(stored("C-2")).isTrue();
  }
}
