package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.NewCustomer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {

  @TempDir
  Path dir;

  private String url;

  /** Four customers, two with a phone and both sharing it, none with an e-mail. */
  @BeforeEach
  void fourCustomersTwoSharingAPhone() {
    url = TestStore.url(dir);
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      Crm crm = Crm.builder().store(open.stores().base()).build();
      crm.register(NewCustomer.person("张", "伟").addContactPoint(ContactPoint.phone("+8613812345678")).build());
      crm.register(NewCustomer.person("张", "伟").addContactPoint(ContactPoint.phone("+8613812345678")).build());
      crm.register(NewCustomer.person("Smith", "Mary").build());
      crm.register(NewCustomer.organisation("上海极光贸易有限公司").build());
    }
  }

  private CliRun quality(String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "quality";
    args[1] = "--jdbc-url";
    args[2] = url;
    args[3] = "--quiet";
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.execute(new CoreMatchEngine(), args);
  }

  @Test
  void writesTheReportOfEveryCustomerAndPrintsItsScores() throws IOException {
    Path output = dir.resolve("out/quality.json");

    CliRun run = quality("--output", output.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    JsonNode report = new ObjectMapper().readTree(output.toFile());
    assertThat(report.get("customers").asLong()).isEqualTo(4);
    JsonNode phone = field(report, "phone");
    assertThat(phone.get("applicable").asLong()).isEqualTo(4);
    assertThat(phone.get("present").asLong()).isEqualTo(2);
    JsonNode scores = report.get("scores");
    assertThat(run.out()).contains("customers          4")
        .containsPattern("completeness\\s+" + String.format(java.util.Locale.ROOT, "%.1f",
            scores.get("completeness").asDouble()).replace(".", "\\."))
        .containsPattern("overall\\s+" + String.format(java.util.Locale.ROOT, "%.1f",
            scores.get("overall").asDouble()).replace(".", "\\."));
    assertThat(scores.get("uniqueness").asDouble()).isLessThan(100.0);
  }

  @Test
  void aScoreBelowTheLimitIsBadInputWithTheReportStillWritten() {
    Path output = dir.resolve("quality.json");

    CliRun run = quality("--output", output.toString(), "--fail-below", "100");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(output).exists();
    assertThat(quality("--output", output.toString(), "--fail-below", "0").exitCode()).isEqualTo(ExitCodes.DONE);
  }

  @Test
  void aLimitOutsideTheScoresIsAUsageError() {
    assertThat(quality("--fail-below", "101").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(quality("--fail-below", "many").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void anUnreachableDatabaseIsAFailure() {
    CliRun run = CliRun.execute(new CoreMatchEngine(), "quality", "--jdbc-url", "jdbc:nosuchdb://nowhere", "--quiet");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("cannot open the database");
  }

  private static JsonNode field(JsonNode report, String name) {
    for (JsonNode field : report.get("completeness")) {
      if (field.get("field").asText().equals(name)) {
        return field;
      }
    }
    throw new AssertionError("no completeness of " + name + " in " + report);
  }
}
