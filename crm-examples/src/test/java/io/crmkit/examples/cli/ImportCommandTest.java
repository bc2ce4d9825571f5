package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.ExternalReference;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir
  Path dir;

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }

  private CliRun crmkit(String... args) {
    return CliRun.execute(new ExactKeyEngine(), args);
  }

  private long stored(String url, String system, String... ids) {
    StoreOptions options = new StoreOptions();
    options.url = url;
    options.passwordVariable = "CRMKIT_TEST_NO_PASSWORD";
    try (StoreOptions.OpenStore open = options.open()) {
      long found = 0;
      for (String id : ids) {
        if (open.stores().base().customers().findByExternalReference(ExternalReference.of(system, id)).isPresent()) {
          found++;
        }
      }
      return ids.length == 0 ? open.stores().base().customers().count(Criteria.all()) : found;
    }
  }

  @Test
  void importsAFileMappedByColumnNamesPrintsTheSummaryAndExitsZero() throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "id,full_name,phone,email,city,district\n"
        + "C-1,张伟,13812345678;+8613900001111,zw@example.com,北京市,朝阳区\n"
        + "C-2,Mary van der Berg,+14155550100,mary@example.com,,\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--source", "erp");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read", "inserted").containsPattern("inserted\\s+2");
    assertThat(stored(url(), "erp", "C-1", "C-2")).isEqualTo(2);
    assertThat(dir.resolve("customers.import-report.csv")).exists();
    assertThat(dir.resolve("customers.import-report.json")).exists();
  }

  @Test
  void rejectedRowsGiveExitCodeOneTheirReportAndEveryGoodRowIsKept() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "id,full_name\nB-1,Ann Lee\nB-2,Bob,extra\nB-3,Cy Wu\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--match", "none");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).containsPattern("rejected\\s+1");
    assertThat(stored(url(), "import", "B-1", "B-3")).isEqualTo(2);
    assertThat(CliRun.rows(dir.resolve("bad.import-report.csv"))).containsExactly(
        java.util.List.of("row", "line", "column", "outcome", "rule", "message"),
        java.util.List.of("2", "3", "", "REJECTED", "wrong-column-count", "the row has 3 fields, the header 2"));
  }

  @Test
  void aHeaderNamingAColumnTwiceIsBadInputNamingTheFile() throws IOException {
    Path file = dir.resolve("twice.csv");
    Files.writeString(file, "id,full_name,id\nT-1,Ann Lee,T-9\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("twice.csv", "'id' twice");
  }

  @Test
  void aSecondRunOfAFinishedImportChangesNothing() throws IOException {
    Path file = dir.resolve("people.csv");
    Files.writeString(file, "id,full_name\nP-1,Ann Lee\nP-2,Bo Chen\n");
    crmkit("import", file.toString(), "--jdbc-url", url());

    CliRun again = crmkit("import", file.toString(), "--jdbc-url", url());

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already finished").containsPattern("inserted\\s+2");
    assertThat(stored(url(), "import")).isEqualTo(2);
  }

  @Test
  void restartingOrReimportingAnEditedCopyOfAFileWhoseRowsWereMergedWritesEveryRowAndChangesNoUnchangedOne()
      throws IOException {
    Path file = dir.resolve("people.csv");
    StringBuilder csv = new StringBuilder("id,full_name,phone,email,city\n");
    for (int i = 0; i < 40; i++) {
      csv.append("U-").append(i).append(",Person").append(i).append(" Family").append(i % 7).append(",+86138")
          .append(String.format("%08d", 1_000_000 + i * 7919)).append(",p").append(i).append("@example.com,City")
          .append(i % 5).append('\n');
    }
    csv.append("D-1,Persn3 Family3,+86138").append(String.format("%08d", 1_000_000 + 3 * 7919))
        .append(",p3@example.com,City3\n");
    Files.writeString(file, csv);
    CliRun first = crmkit("import", file.toString(), "--jdbc-url", url(), "--source", "erp");
    assertThat(first.out()).as(first.err()).containsPattern("merged\\s+1");

    CliRun restarted = crmkit("import", file.toString(), "--jdbc-url", url(), "--source", "erp", "--restart");
    Path edited = dir.resolve("edited.csv");
    Files.writeString(edited, csv.toString().replace("Family3,", "Familie3,"));
    CliRun copy = crmkit("import", edited.toString(), "--jdbc-url", url(), "--source", "erp", "--match", "none");

    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    assertThat(restarted.out()).containsPattern("updated\\s+0\\n").containsPattern("unchanged\\s+41")
        .containsPattern("merged\\s+0\\n");
    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(copy.out()).containsPattern("inserted\\s+0\\n").containsPattern("rejected\\s+0\\n");
    assertThat(stored(url(), "erp")).isEqualTo(40);
  }

  @Test
  void aSecondRunOfAFinishedImportSaysTheReportFilesAreTheEarlierRuns() throws IOException {
    Path file = dir.resolve("people.csv");
    Files.writeString(file, "id,full_name\nP-1,Ann Lee\nP-2,Bo,extra\n");
    crmkit("import", file.toString(), "--jdbc-url", url(), "--match", "none");

    CliRun again = crmkit("import", file.toString(), "--jdbc-url", url(), "--match", "none");

    assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(again.out()).contains("already finished", "nothing was read")
        .contains("people.import-report.csv and people.import-report.json are the report of the run that finished it")
        .doesNotContain("0 problem(s)");
    assertThat(CliRun.rows(dir.resolve("people.import-report.csv"))).hasSize(2);
  }

  @Test
  void readsGbkWithAMappingFileAndAnotherDelimiterWithoutAHeader() throws IOException {
    Path file = dir.resolve("gbk.csv");
    Files.write(file, "G-1;王芳;广州市\n".getBytes(Charset.forName("GBK")));
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, "columns:\n  - {column: '1', field: id}\n  - {column: '2', field: fullName}\n"
        + "  - {column: '3', field: city}\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--mapping", mapping.toString(),
        "--encoding", "GBK", "--delimiter", ";", "--no-header", "--source", "erp", "--match", "none");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stored(url(), "erp", "G-1")).isEqualTo(1);
  }

  @Test
  void aMappingNamingAMissingColumnIsAUsageError() throws IOException {
    Path file = dir.resolve("people.csv");
    Files.writeString(file, "id,full_name\nP-1,Ann Lee\n");
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(mapping, "{\"columns\":[{\"column\":\"surname\",\"field\":\"familyName\"}]}");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--mapping", mapping.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("people.csv: ", "surname", "full_name");
  }

  @Test
  void aMappingNamingAColumnNumberAFileWithoutHeaderLacksIsAUsageError() throws IOException {
    Path file = dir.resolve("three.csv");
    Files.writeString(file, "N-1,Ann Lee,Bonn\n");
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, "columns:\n  - {column: '1', field: id}\n  - {column: '4', field: city}\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--mapping", mapping.toString(),
        "--no-header", "--match", "none");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("the mapping names column 4 but three.csv's first row has 3");
  }

  @Test
  void anEmptyFileMappedByColumnNamesIsBadInputSayingItIsEmpty() throws IOException {
    for (String name : new String[] {"empty.csv", "empty.jsonl"}) {
      Path file = Files.writeString(dir.resolve(name), "");

      CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--match", "none");

      assertThat(run.exitCode()).as(name).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.err()).contains(file + ": the file is empty").doesNotContain("give a mapping");
    }
  }

  @Test
  void aMappingFileWithAnUnknownValueIsAUsageErrorNamingTheFileAndTheAllowedValues() throws IOException {
    Path file = Files.writeString(dir.resolve("people.csv"), "id,full_name\nP-1,Ann Lee\n");
    Path mapping = Files.writeString(dir.resolve("mapping.json"),
        "{\"columns\":[{\"column\":\"id\",\"field\":\"id\"}],\"unknownColumns\":\"bogus\"}");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--mapping", mapping.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("mapping.json: unknownColumns is attributes, report or ignore, not 'bogus'")
        .doesNotContain("No enum constant");
  }

  @Test
  void anImportIdTooLongIsAUsageErrorNotAFailure() throws IOException {
    Path file = Files.writeString(dir.resolve("people.csv"), "id,full_name\nP-1,Ann Lee\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--import-id", "x".repeat(201));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--import-id: importId is longer than 200 characters").doesNotContain("\tat ");
  }

  @Test
  void aBlankSourceIsAUsageErrorNotAFailure() throws IOException {
    Path file = Files.writeString(dir.resolve("people.csv"), "id,full_name\nP-1,Ann Lee\n");

    CliRun run = crmkit("import", file.toString(), "--jdbc-url", url(), "--source", " ");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--source must be a name of 1 to 64 characters").doesNotContain("\tat ");
  }

  @Test
  void aMissingFileIsBadInputAndHelpShowsAnExample() {
    assertThat(crmkit("import", dir.resolve("nope.csv").toString(), "--jdbc-url", url()).exitCode())
        .isEqualTo(ExitCodes.BAD_INPUT);
    CliRun help = crmkit("import", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Examples:", "crmkit import customers.csv --mapping", "--match");
    String helpText = help.out().replaceAll("\\s+", " ");
    assertThat(helpText).contains("customers.csv gives customers.import-report.csv", "SHA-256 of the whole file")
        .doesNotContain("FILE.import-report", "first bytes");
  }
}
