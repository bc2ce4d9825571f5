package io.crmkit.io.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.io.CrmStores;
import io.crmkit.io.memory.InMemoryImports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImportTest {
  @TempDir
  Path dir;

  private final CrmStores stores = CrmStores.inMemory();
  private final ImportStore imports = stores.base().attach(InMemoryImports.extension());

  static Path resource(String name) {
    try {
      return Path.of(FileImportTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private FileImport.Builder importer(ColumnMapping mapping) {
    return FileImport.builder().stores(stores).imports(imports).mapping(mapping).system("erp");
  }

  /** people.csv: 25 rows of which rows 3 and 23 have a field too many. */
  private Path twentyFivePeopleRowsThreeAndTwentyThreeTooWide() throws IOException {
    StringBuilder text = new StringBuilder("id,name\n");
    for (int i = 1; i <= 25; i++) {
      text.append("P-").append(i).append(i == 3 || i == 23 ? ",Person,extra" : ",Person " + i).append('\n');
    }
    return Files.writeString(dir.resolve("people.csv"), text);
  }

  private Customer byReference(String id) {
    return stores.base().customers().findByExternalReference(ExternalReference.of("erp", id)).orElseThrow();
  }

  @Test
  void importsMappedRowsWithStandardisedPhonesRegionCodesAndUnknownColumnsAsAttributes() {
    ColumnMapping mapping = ColumnMapping.read(resource("mapping.yaml"));
    ImportReport report = importer(mapping).build().run(ImportSource.csv(resource("customers.csv")));

    assertThat(report.totals()).isEqualTo(new ImportTotals(3, 3, 0, 0, 0, 0, 0));
    Customer zhang = byReference("C-1");
    assertThat(zhang.personName().orElseThrow().familyName()).contains("张");
    assertThat(zhang.contactPoints()).anySatisfy(c -> assertThat(c.value()).isEqualTo("+8613812345678"));
    assertThat(zhang.addresses().get(0).regionCode()).contains("110105");
    assertThat(zhang.dimensionCodes()).containsEntry(Dimensions.REGION, "110105")
        .containsEntry(Dimensions.CUSTOMER_TYPE, "B2C");
    assertThat(zhang.attributes()).containsEntry("segment", AttributeValue.text("gold"));
    Customer mary = byReference("C-2");
    assertThat(mary.personName().orElseThrow().familyName()).contains("van der Berg");
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.column()).isEqualTo("email");
      assertThat(p.outcome()).isEqualTo(RowProblem.Outcome.VALUE_DROPPED);
      assertThat(p.message()).doesNotContain("not-an-email");
    });
  }

  @Test
  void rerunningAFinishedImportChangesNothing() {
    ColumnMapping mapping = ColumnMapping.read(resource("mapping.yaml"));
    FileImport fileImport = importer(mapping).build();
    ImportReport first = fileImport.run(ImportSource.csv(resource("customers.csv")));
    Map<String, Long> versions = versions();

    ImportReport again = fileImport.run(ImportSource.csv(resource("customers.csv")));

    assertThat(first.alreadyFinished()).isFalse();
    assertThat(again.finished()).isTrue();
    assertThat(again.alreadyFinished()).isTrue();
    assertThat(again.resumedAfterRow()).isEqualTo(3);
    assertThat(versions()).isEqualTo(versions);
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(3);
  }

  @Test
  void restartingReadsEveryRowAgainAndLeavesEqualRowsUnchanged() {
    ColumnMapping mapping = ColumnMapping.read(resource("mapping.yaml"));
    importer(mapping).build().run(ImportSource.csv(resource("customers.csv")));

    ImportReport again = importer(mapping).restart(true).build().run(ImportSource.csv(resource("customers.csv")));

    assertThat(again.totals()).isEqualTo(new ImportTotals(3, 0, 0, 3, 0, 0, 0));
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(3);
  }

  @Test
  void resumesAfterTheCheckpointOfAnInterruptedImport() throws IOException {
    Path file = dir.resolve("people.csv");
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 1; i <= 25; i++) {
      csv.append("P-").append(i).append(",Person ").append(i).append('\n');
    }
    Files.writeString(file, csv);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();
    RuntimeException crash = new RuntimeException("killed");
    FileImport crashing = importer(mapping).batchSize(10).listener((row, totals) -> {
      if (row == 20) {
        throw crash;
      }
    }).build();
    assertThatThrownBy(() -> crashing.run(ImportSource.csv(file))).isSameAs(crash);
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(20);

    ImportReport resumed = importer(mapping).batchSize(10).build().run(ImportSource.csv(file));

    assertThat(resumed.resumedAfterRow()).isEqualTo(20);
    assertThat(resumed.totals()).isEqualTo(new ImportTotals(25, 25, 0, 0, 0, 0, 0));
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(25);
  }

  @Test
  void aResumedImportKeepsTheRejectedRowsOfTheRunBeforeInItsCsvReport() throws IOException {
    Path file = twentyFivePeopleRowsThreeAndTwentyThreeTooWide();
    Path csv = dir.resolve("report.csv");
    Path json = dir.resolve("report.json");
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();
    RuntimeException crash = new RuntimeException("killed");
    FileImport crashing = importer(mapping).batchSize(10).reportFiles(csv, json).listener((row, totals) -> {
      if (row == 20) {
        throw crash;
      }
    }).build();
    assertThatThrownBy(() -> crashing.run(ImportSource.csv(file))).isSameAs(crash);

    importer(mapping).batchSize(10).reportFiles(csv, json).build().run(ImportSource.csv(file));

    assertThat(Files.readAllLines(csv)).hasSize(3).first().isEqualTo("row,line,column,outcome,rule,message");
    assertThat(Files.readAllLines(csv)).anyMatch(line -> line.startsWith("3,4,"))
        .anyMatch(line -> line.startsWith("23,24,"));
  }

  @Test
  void aKilledImportsReportOnDiskListsTheRejectionsOfEveryCommittedBatchAndTheResumeKeepsThem()
      throws IOException {
    Path file = twentyFivePeopleRowsThreeAndTwentyThreeTooWide();
    Path csv = dir.resolve("report.csv");
    Path json = dir.resolve("report.json");
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();
    byte[][] onDiskAtKill = new byte[1][];
    RuntimeException kill = new RuntimeException("kill -9");
    FileImport killed = importer(mapping).batchSize(10).reportFiles(csv, json).listener((row, totals) -> {
      if (row == 20) {
        try {
          onDiskAtKill[0] = Files.readAllBytes(csv); // all a killed process leaves: no flush, no close follows
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        throw kill;
      }
    }).build();
    assertThatThrownBy(() -> killed.run(ImportSource.csv(file))).isSameAs(kill);
    Files.write(csv, onDiskAtKill[0]);

    importer(mapping).batchSize(10).reportFiles(csv, json).build().run(ImportSource.csv(file));

    assertThat(new String(onDiskAtKill[0], StandardCharsets.UTF_8)).contains("\n3,4,");
    assertThat(Files.readAllLines(csv)).hasSize(3).first().isEqualTo("row,line,column,outcome,rule,message");
    assertThat(Files.readAllLines(csv)).anyMatch(line -> line.startsWith("3,4,"))
        .anyMatch(line -> line.startsWith("23,24,"));
  }

  @Test
  void aChangedEncodingOrMappingStartsANewImportFromTheFirstRow() throws IOException {
    Path file = dir.resolve("gbk.csv");
    Files.write(file, "id,name,city\nG-1,王芳,广州市\nG-2,李娜,深圳市\n".getBytes(Charset.forName("GBK")));
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();
    ImportReport undecodable = importer(mapping).build().run(ImportSource.csv(file));
    assertThat(undecodable.totals().rejected()).isEqualTo(2);

    ImportSource gbk = ImportSource.csv(file).encoding(Charset.forName("GBK"));
    ImportReport declared = importer(mapping).build().run(gbk);
    ColumnMapping withCity = ColumnMapping.builder().column("id", "id").column("name", "fullName")
        .column("city", "city").build();
    ImportReport remapped = importer(withCity).build().run(gbk);
    ImportReport again = importer(withCity).build().run(gbk);

    assertThat(declared.importId()).isNotEqualTo(undecodable.importId());
    assertThat(declared.resumedAfterRow()).isZero();
    assertThat(declared.totals()).isEqualTo(new ImportTotals(2, 2, 0, 0, 0, 0, 0));
    assertThat(remapped.resumedAfterRow()).isZero();
    assertThat(remapped.totals()).isEqualTo(new ImportTotals(2, 0, 2, 0, 0, 0, 0));
    assertThat(byReference("G-1").addresses()).singleElement().satisfies(a -> assertThat(a.city()).contains("广州市"));
    assertThat(again.importId()).isEqualTo(remapped.importId());
    assertThat(again.resumedAfterRow()).isEqualTo(2);
  }

  @Test
  void readsADeclaredLegacyEncodingWithoutAHeaderAndWithAnotherDelimiter() throws IOException {
    Path file = dir.resolve("gbk.csv");
    Files.write(file, "G-1;王芳;广州市;天河区\nG-2;赵磊;;\n".getBytes(Charset.forName("GBK")));
    ColumnMapping mapping = ColumnMapping.builder().column("1", "id").column("2", "fullName").column("3", "city")
        .column("4", "district").build();

    ImportReport report = importer(mapping).build()
        .run(ImportSource.csv(file).header(false).delimiter(';').encoding(Charset.forName("GBK")));

    assertThat(report.totals().inserted()).isEqualTo(2);
    assertThat(byReference("G-1").personName().orElseThrow().givenName()).contains("芳");
    assertThat(byReference("G-1").dimensionCodes()).containsEntry(Dimensions.REGION, "440106");
  }

  @Test
  void aJsonLineWithTextAfterItsObjectOrAMemberNamedTwiceIsRejected() throws IOException {
    Path file = dir.resolve("strict.jsonl");
    Files.writeString(file, "{\"id\":\"J-5\",\"name\":\"Di Ma\"}\n{\"id\":\"J-6\",\"name\":\"Eve Lee\"} trailing\n"
        + "{\"id\":\"J-7\",\"name\":\"Fay Li\",\"id\":\"J-8\"}\n", StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();

    ImportReport report = importer(mapping).build().run(ImportSource.jsonLines(file));

    assertThat(report.totals()).isEqualTo(new ImportTotals(3, 1, 0, 0, 0, 0, 2));
    assertThat(report.problems()).extracting(RowProblem::line, RowProblem::rule, RowProblem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2L, "json-syntax", "text after the JSON value, which ends at column 30"),
        org.assertj.core.groups.Tuple.tuple(3L, "json-syntax", "a member is named twice, at column 33"));
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(1);
  }

  @Test
  void importsJsonLinesWithListsAndReportsLinesThatAreNoObjects() throws IOException {
    Path file = dir.resolve("people.jsonl");
    Files.writeString(file, "{\"id\":\"J-1\",\"name\":\"Ann Lee\",\"phones\":[\"+14155550100\",\"+14155550101\"]}\n\n"
        + "[1,2]\n{\"id\":\"J-2\",\"name\":\"Bo Chen\",\"vip\":true}\n", StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName")
        .column("phones", "phone", "split:;").unknownColumns(ColumnMapping.UnknownColumns.ATTRIBUTES).build();

    ImportReport report = importer(mapping).build().run(ImportSource.jsonLines(file));

    assertThat(report.totals()).isEqualTo(new ImportTotals(3, 2, 0, 0, 0, 0, 1));
    assertThat(byReference("J-1").contactPoints()).hasSize(2);
    assertThat(byReference("J-2").attributes()).containsEntry("vip", AttributeValue.text("true"));
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.rule()).isEqualTo("json-not-object");
    });
  }

  @Test
  void unknownColumnsNamedInOtherScriptsBecomeDistinctAttributes() throws IOException {
    Path file = dir.resolve("members.csv");
    Files.writeString(file, "id,name,积分,等级,member level,member?level\nM-1,Amy Lee,100,金卡,2,3\nM-2,Bo Wu,,,,4\n",
        StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName")
        .unknownColumns(ColumnMapping.UnknownColumns.ATTRIBUTES).build();

    ImportReport report = importer(mapping).build().run(ImportSource.csv(file));

    assertThat(byReference("M-1").attributes()).containsOnly(
        Map.entry("col_79ef_5206", AttributeValue.text("100")), Map.entry("col_7b49_7ea7", AttributeValue.text("金卡")),
        Map.entry("member_level", AttributeValue.text("2")));
    assertThat(byReference("M-2").attributes()).as("the name stays with its first column").isEmpty();
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.column()).isEqualTo("member?level");
      assertThat(p.rule()).isEqualTo("attribute-name-taken");
      assertThat(p.outcome()).isEqualTo(RowProblem.Outcome.VALUE_DROPPED);
    });
  }

  @Test
  void writesEveryProblemToTheCsvAndJsonReportFiles() throws IOException {
    Path csv = dir.resolve("report.csv");
    Path json = dir.resolve("report.json");
    importer(ColumnMapping.builder().column("id", "id").column("name", "fullName").build()).reportFiles(csv, json)
        .build().run(ImportSource.csv(resource("malformed/wrong-column-count.csv")));

    assertThat(Files.readAllLines(csv)).containsExactly("row,line,column,outcome,rule,message",
        "2,3,,REJECTED,wrong-column-count,\"the row has 3 fields, the header 2\"",
        "3,4,,REJECTED,wrong-column-count,\"the row has 1 fields, the header 2\"");
    assertThat(Files.readString(json)).contains("\"problemCount\" : 2", "\"rejected\" : 2", "\"inserted\" : 2");
  }

  @Test
  void refusesAMappingThatNamesColumnsTheFileLacks() {
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("surname", "familyName").build();

    assertThatThrownBy(() -> importer(mapping).build().run(ImportSource.csv(resource("customers.csv"))))
        .isInstanceOf(ImportSettingsException.class).hasMessageStartingWith("customers.csv: ")
        .hasMessageContaining("surname").hasMessageContaining("phone");
  }

  @Test
  void refusesAMappingThatNamesAColumnNumberTheFirstRowOfAFileWithoutHeaderLacks() throws IOException {
    Path file = Files.writeString(dir.resolve("three.csv"), "N-1,Ann Lee,Bonn\n");
    ColumnMapping mapping = ColumnMapping.builder().column("1", "id").column("2", "fullName")
        .column("4", "city").build();

    assertThatThrownBy(() -> importer(mapping).build().run(ImportSource.csv(file).header(false)))
        .isInstanceOf(ImportSettingsException.class)
        .hasMessage("the mapping names column 4 but three.csv's first row has 3");
    assertThat(stores.base().customers().count(Criteria.all())).isZero();
  }

  @Test
  void rowsWithoutAnIdFromTwoFilesNeverLandOnEachOthersCustomers() throws IOException {
    Path january = dir.resolve("january.csv");
    Path february = dir.resolve("february.csv");
    Files.writeString(january, "name,phone\nAnn Lee,+14155550100\nBo Chen,+14155550101\n", StandardCharsets.UTF_8);
    Files.writeString(february, "name,phone\nCy Wu,+14155550102\nDi Ma,+14155550103\n", StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("name", "fullName").column("phone", "phone").build();

    importer(mapping).build().run(ImportSource.csv(january));
    ImportReport second = importer(mapping).build().run(ImportSource.csv(february));
    ImportReport again = importer(mapping).restart(true).build().run(ImportSource.csv(january));

    assertThat(second.totals().inserted()).isEqualTo(2);
    assertThat(again.totals().unchanged()).isEqualTo(2);
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(4);
  }

  @Test
  void aFileChangedAfterItsFirstBytesIsANewImportNotOneAlreadyFinished() throws IOException {
    Path file = dir.resolve("nightly.csv");
    String head = "id,name\n" + "C-0,Padding Row\n".repeat(5_000);
    Files.writeString(file, head + "C-9,Ann Lee\n", StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();
    importer(mapping).build().run(ImportSource.csv(file));

    Files.writeString(file, head + "C-9,Ann Lea\n", StandardCharsets.UTF_8); // same name, same size
    ImportReport tonight = importer(mapping).build().run(ImportSource.csv(file));

    assertThat(tonight.totals().read()).isPositive();
    assertThat(byReference("C-9").personName().orElseThrow().familyName()).contains("Lea");
  }

  @Test
  void aQuotedFieldWithCharactersAfterItsClosingQuoteKeepsTheRestOfTheFile() throws IOException {
    Path file = dir.resolve("quotes.csv");
    Files.writeString(file, "id,name\nC-1,\"ACME\" Ltd\nC-2,\"Li Wei\" \nC-3,Bo Chen\n", StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();

    ImportReport report = importer(mapping).build().run(ImportSource.csv(file));

    assertThat(report.totals().inserted()).isEqualTo(3);
    assertThat(report.problems()).noneMatch(p -> p.outcome() == RowProblem.Outcome.FILE);
  }

  @Test
  void aLineThatIsNotJsonIsReportedWithoutTheValueItHolds() throws IOException {
    Path file = dir.resolve("broken.jsonl");
    Files.writeString(file, "{\"id\":\"J-1\",\"name\": Zhangsan}\n{\"id\":\"J-2\",\"name\":\"Bo Chen\"}\n",
        StandardCharsets.UTF_8);
    ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName").build();

    ImportReport report = importer(mapping).build().run(ImportSource.jsonLines(file));

    assertThat(report.totals().inserted()).isEqualTo(1);
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("json-syntax");
      assertThat(p.message()).doesNotContain("Zhangsan");
    });
  }

  @Test
  void mappingJsonLinesByNameTakesMembersTheFirstObjectLeavesOutAndReportsUnknownOnes() throws IOException {
    Path file = dir.resolve("people.jsonl");
    Files.writeString(file, "{\"id\":\"J-1\",\"full_name\":\"Ann Lee\"}\n"
        + "{\"id\":\"J-2\",\"full_name\":\"Bo Chen\",\"email\":\"bo@example.com\",\"shoe\":\"42\"}\n",
        StandardCharsets.UTF_8);
    ImportSource source = ImportSource.jsonLines(file);
    ColumnMapping mapping = ColumnMapping.byName(source, ColumnMapping.UnknownColumns.REPORT);

    ImportReport report = importer(mapping).build().run(source);

    assertThat(byReference("J-2").contactPoints()).anySatisfy(c -> assertThat(c.value()).isEqualTo("bo@example.com"));
    assertThat(report.problems()).anySatisfy(p -> assertThat(p.column()).isEqualTo("shoe"));
  }

  private Map<String, Long> versions() {
    return stores.base().customers().stream(Criteria.all())
        .collect(Collectors.toMap(c -> c.externalReferences().iterator().next().id(), Customer::version));
  }

  static List<String> references(CrmStores stores) {
    return stores.base().customers().stream(Criteria.all()).map(c -> c.externalReferences().iterator().next().id())
        .sorted().toList();
  }
}
