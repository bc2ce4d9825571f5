package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.io.CrmStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir
  Path dir;

  private CliRun demo(String url, String... more) {
    String[] args = new String[more.length + 8];
    System.arraycopy(new String[] {"demo", "--jdbc-url", url, "--quiet", "--customers", "500", "--output-dir",
        dir.resolve("report").toString()}, 0, args, 0, 8);
    System.arraycopy(more, 0, args, 8, more.length);
    return CliRun.execute(new CoreMatchEngine(), args);
  }

  @Test
  void runsEveryStepAndItsSummaryAgreesWithTheStoreAndTheReport() throws IOException {
    String url = TestStore.url(dir);

    CliRun run = demo(url, "--seed", "7");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    long imported = number(run.out(), "import\\s+([\\d,]+)");
    long absorbed = number(run.out(), "merges absorbing ([\\d,]+) duplicates");
    long scored = number(run.out(), "([\\d,]+) scored \\(with a purchase");
    assertThat(imported).isEqualTo(500);
    assertThat(absorbed).isPositive();
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      CrmStores stores = open.stores();
      long customers = stores.base().customers().count(Criteria.all());
      assertThat(customers).isEqualTo(imported - absorbed);
      assertThat(run.out()).contains(String.format("customers          %,d, %,d scored", customers, scored));
      assertThat(stores.base().customers().count(Criteria.in(CustomerField.TIER, ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.LOW))).isEqualTo(scored);
      assertThat(stores.base().customers().count(Criteria.metric("rfm_segment").present())).isEqualTo(scored);
      try (Stream<Customer> all = stores.base().customers().stream(Criteria.all())) {
        assertThat(all.filter(customer -> customer.dimensionCodes().containsKey("customer-type")).count())
            .isEqualTo(customers);
      }

      JsonNode quality = new ObjectMapper().readTree(dir.resolve("report/quality.json").toFile());
      assertThat(quality.get("customers").asLong()).isEqualTo(customers);
      JsonNode summary = new ObjectMapper().readTree(dir.resolve("report/demo-summary.json").toFile());
      assertThat(summary.get("customersGenerated").asLong()).isEqualTo(500);
      assertThat(summary.get("steps")).extracting(step -> step.get("name").asText())
          .containsExactly("import", "dedup", "segment", "lifecycle", "quality");
      assertThat(summary.get("qualityScores").get("overall").asDouble())
          .isEqualTo(quality.get("scores").get("overall").asDouble());
    }
    Path html = dir.resolve("report/report.html");
    assertThat(run.out()).contains(html.toAbsolutePath().normalize().toString());
    assertThat(Files.readString(html)).contains("data-chart=\"tiers\"", "data-chart=\"quality\"");
  }

  @Test
  void itsPurchasesFitTheLifetimeValueModelSoEveryBuyerIsValued() {
    String url = "jdbc:h2:mem:demo-clv;DB_CLOSE_DELAY=-1";

    CliRun run = CliRun.execute(new CoreMatchEngine(), "demo", "--jdbc-url", url, "--customers", "3000", "--seed", "11",
        "--output-dir", dir.resolve("report").toString(), "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    long scored = number(run.out(), "([\\d,]+) scored \\(with a purchase");
    assertThat(run.out()).containsPattern("lifetime value fitted on [\\d,]+ customers .*; " + String.format("%,d", scored)
        + " valued, 0 without a finite value");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      Criteria valued = Criteria.metric(StoreSegmentation.CLV).present();
      assertThat(open.stores().base().customers().count(valued)).isEqualTo(scored);
    }
  }

  @Test
  void aStoreWithCustomersIsRefusedUnlessReset() {
    String url = TestStore.url(dir);
    assertThat(demo(url).exitCode()).isEqualTo(ExitCodes.DONE);

    CliRun refused = demo(url);
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("already holds").contains("--reset");

    CliRun reset = demo(url, "--reset");
    assertThat(reset.exitCode()).as(reset.err()).isEqualTo(ExitCodes.DONE);
    assertThat(reset.out()).containsPattern("import\\s+500 ");
  }

  @Test
  void theSameSeedGivesTheSameData() {
    CliRun first = demo("jdbc:h2:mem:demo-a;DB_CLOSE_DELAY=-1", "--seed", "3");
    CliRun second = demo("jdbc:h2:mem:demo-b;DB_CLOSE_DELAY=-1", "--seed", "3");

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.DONE);
    assertThat(tables(second.out())).isEqualTo(tables(first.out()));
  }

  @Test
  void badOptionsAreUsageErrors() {
    String url = TestStore.url(dir);
    assertThat(CliRun.execute(new CoreMatchEngine(), "demo", "--jdbc-url", url, "--customers", "0").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.execute(new CoreMatchEngine(), "demo", "--jdbc-url", url, "--seed", "x").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  /**
   * The summary without its times, paths and the as-of instant: the counts of every step and
   * table. Lifetime value is left out too: its fit depends on where the UTC day boundaries fall
   * relative to the run's "now", which differs between runs.
   */
  private static String tables(String out) {
    return out.replaceAll("\\s*\\d+\\.\\ds", "").replaceAll("lifetime value .*", "")
        .replaceAll("(?m)^.*(report|crmkit demo:|scored \\(with).*$", "");
  }

  private static long number(String out, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(out);
    assertThat(matcher.find()).as(pattern + " in\n" + out).isTrue();
    return Long.parseLong(matcher.group(1).replace(",", ""));
  }
}
