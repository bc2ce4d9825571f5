package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.quality.QualityReport;
import io.crmkit.examples.report.HtmlReport;
import io.crmkit.examples.report.ReportData;
import io.crmkit.examples.report.ReportFixture;
import io.crmkit.io.CrmStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir
  Path dir;

  private String fill() {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/crmkit";
    StoreOptions options = new StoreOptions();
    options.url = url;
    options.passwordVariable = "CRMKIT_TEST_UNSET_PASSWORD";
    try (StoreOptions.OpenStore open = options.open()) {
      ReportFixture.fill(open.stores());
    }
    return url;
  }

  @Test
  void reportOfAnH2StoreWritesThePageAndPrintsItsFigures() throws IOException {
    String url = fill();
    Path html = dir.resolve("out/report.html");

    CliRun run = CliRun.execute(new ExactKeyEngine(), "report", "--jdbc-url", url, "--as-of", "2025-07-01",
        "--output", html.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("customers                  14", "merges                     3 (absorbed 3",
        "pairs to review            2", "report: " + html.toAbsolutePath().normalize());
    Document page = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name());
    assertThat(page.getElementById("chart-tiers").data()).isEqualTo(
        "{\"labels\":[\"no tier\",\"VIP\",\"HIGH\"],\"values\":[9,3,2]}");
    assertThat(page.getElementById("chart-duplicates").data()).isEqualTo("{\"labels\":[\"2\",\"3\"],\"values\":[1,1],"
        + "\"merges\":3,\"undoneMerges\":1,\"absorbedCustomers\":3,\"reviewPending\":2}");
    assertThat(page.select("[data-chart]")).hasSize(HtmlReport.CHARTS.size());
  }

  @Test
  void theReportMeasuresQualityAsCrmkitQualityDoesCheckingCodesAgainstTheBuiltInSchemes() {
    CrmStores stores = CrmStores.inMemory();
    Crm crm = Crm.builder().store(stores.base()).build();
    crm.register(NewCustomer.person("张", "伟").putDimensionCode(Dimensions.REGION, "999999").build());
    crm.register(NewCustomer.person("李", "娜").putDimensionCode(Dimensions.REGION, "110105").build());

    QualityReport inReport = ReportData.gather(stores, Instant.now().plusSeconds(60)).quality();

    assertThat(inReport.scores()).isEqualTo(QualityCommand.measure(stores.base(),
        Clock.fixed(inReport.asOf(), ZoneOffset.UTC)).scores());
    assertThat(inReport.scores().validity()).as("the unknown region code counts").isLessThan(100.0);
  }

  @Test
  void aReportAsOfAPastDayCountsNoCustomerAsStampedInTheFuture() {
    CrmStores stores = CrmStores.inMemory();
    Crm.builder().store(stores.base()).build().register(NewCustomer.person("张", "伟").build());

    QualityReport inReport = ReportData.gather(stores, ReportFixture.AS_OF).quality();

    assertThat(inReport.consistency()).allSatisfy(rule -> assertThat(rule.failed()).as(rule.rule()).isZero());
  }

  @Test
  void writeReportIsTheEntryPointOtherCommandsCall() {
    CrmStores stores = CrmStores.inMemory();
    ReportFixture.fill(stores);

    Path written = ReportCommand.writeReport(stores, dir.resolve("demo.html"), ReportFixture.AS_OF,
        QualityCommand.measure(stores.base(), Clock.fixed(ReportFixture.AS_OF, ZoneOffset.UTC)));

    assertThat(written).isEqualTo(dir.resolve("demo.html")).isRegularFile();
    assertThat(dir.resolve("demo.html.partial")).doesNotExist();
  }

  @Test
  void anAsOfThatIsNoDateIsAUsageError() {
    CliRun run = CliRun.execute(new ExactKeyEngine(), "report", "--jdbc-url", "jdbc:h2:mem:report-usage",
        "--as-of", "July", "--output", dir.resolve("r.html").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--as-of July is neither a date yyyy-MM-dd nor an instant");
    assertThat(Files.exists(dir.resolve("r.html"))).isFalse();
  }

  @Test
  void anOutputThatCannotBeWrittenIsAFailure() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "not a folder");

    CliRun run = CliRun.execute(new ExactKeyEngine(), "report", "--jdbc-url", "jdbc:h2:mem:report-failure",
        "--output", blocker.resolve("report.html").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("cannot write the report");
  }

  @Test
  void helpNamesTheOptions() {
    CliRun run = CliRun.execute(new ExactKeyEngine(), "report", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("--output", "--as-of", "--jdbc-url", "Exit codes:");
  }
}
