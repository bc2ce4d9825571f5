package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.io.export.FormulaGuard;
import io.crmkit.privacy.audit.AuditAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit export} on an embedded H2 file database filled through the library. */
class ExportCommandTest {
  private static final List<String> REGIONS = List.of("110105", "440305", "440306", "310101");

  @TempDir
  Path dir;

  private String url;

  @BeforeEach
  void twentyCustomersOnH2() {
    url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    try (StoreOptions.OpenStore open = options().open()) {
      Crm crm = Crm.builder().store(open.stores().base()).build();
      for (int i = 0; i < 20; i++) {
        String region = REGIONS.get(i % REGIONS.size());
        crm.register(NewCustomer.person("陈", "客" + i)
            .addContactPoint(ContactPoint.phone(String.format("+861390000%04d", i)))
            .addAddress(new PostalAddress.Builder().country("CN").regionCode(region).city("市").build())
            .birthDate(LocalDate.of(1970 + i, 3, 1))
            .gender(i % 2 == 0 ? Gender.FEMALE : Gender.MALE)
            .tier(i < 5 ? ValueTier.HIGH : ValueTier.LOW)
            .putDimensionCode("region", region)
            .build());
      }
    }
  }

  @Test
  void dpoExportsTheMatchingCustomersInClearAsCsvAndTheExportIsAudited() throws Exception {
    Path out = dir.resolve("high.csv");
    CliRun run = run("export", out.toString(), "--where", "tier=HIGH,region=44*", "--role", "dpo",
        "--actor", "alice");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> rows = CliRun.rows(out);
    assertThat(rows).hasSize(3);
    int phones = rows.get(0).indexOf("phones");
    assertThat(rows.subList(1, 3)).allSatisfy(row -> {
      assertThat(row.get(phones)).startsWith("'+861390000");
      assertThat(FormulaGuard.restore(row.get(phones))).matches("\\+861390000\\d{4}");
    });
    assertThat(run.out()).contains("Exported 2 customers to").contains("clear");
    try (StoreOptions.OpenStore open = options().open()) {
      assertThat(open.stores().privacy().auditLog().inRange(TimeRange.all()))
          .filteredOn(r -> r.entry().action() == AuditAction.EXPORT)
          .singleElement().satisfies(r -> assertThat(r.entry().actor()).isEqualTo("alice"));
    }
  }

  @Test
  void analystExportsMaskedJsonLinesByDefault() throws Exception {
    Path out = dir.resolve("all.jsonl");
    CliRun run = run("export", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(20);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("phones").asText()).matches("\\+86139\\*{4}\\d{4}");
    assertThat(first.get("display_name").asText()).startsWith("陈*").doesNotContain("客");
    assertThat(run.out()).contains("masked");
  }

  @Test
  void anExportOverSeveralStorePagesWritesEveryCustomerExactlyOnce() throws Exception {
    List<NewCustomer> more = new ArrayList<>();
    for (int i = 0; i < 2_480; i++) {
      more.add(NewCustomer.organisation("企业" + i).addExternalReference(ExternalReference.of("erp", "E" + i)).build());
    }
    try (StoreOptions.OpenStore open = options().open()) {
      assertThat(Crm.builder().store(open.stores().base()).build().importer()
          .upsertByExternalReference("erp", more).inserted()).isEqualTo(2_480);
    }
    Path out = dir.resolve("everyone.csv");
    CliRun run = run("export", out.toString(), "--role", "dpo");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> rows = CliRun.rows(out);
    assertThat(rows).hasSize(2_501);
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).distinct().count()).isEqualTo(2_500);
    assertThat(run.out()).contains("Exported 2,500 customers");
  }

  @Test
  void aRoleWithoutExportIsAUsageErrorAndWritesNoFile() {
    Path out = dir.resolve("refused.csv");
    CliRun run = run("export", out.toString(), "--role", "sales-rep");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("role sales-rep may not export customers");
    assertThat(out).doesNotExist();
    assertThat(dir.toFile().list()).noneMatch(name -> name.endsWith(".part"));
  }

  @Test
  void anonymisedExportIsKAnonymousAndWritesItsMetrics() throws Exception {
    Path out = dir.resolve("research.csv");
    CliRun run = run("export", out.toString(), "--anonymise", "-k", "5", "--quasi", "region,birth-year,gender",
        "--role", "dpo");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> rows = CliRun.rows(out);
    assertThat(rows.get(0)).containsExactly("kind", "stage", "tier", "region_code", "birth_year", "gender");
    java.util.Map<List<String>, Long> classes = rows.subList(1, rows.size()).stream()
        .collect(java.util.stream.Collectors.groupingBy(r -> r.subList(3, 6), java.util.stream.Collectors.counting()));
    assertThat(classes.values()).allMatch(size -> size >= 5);
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve("research.anonymity.json").toFile());
    assertThat(metrics.get("k").asInt()).isEqualTo(5);
    assertThat(metrics.get("classes").asInt()).isEqualTo(classes.size());
    assertThat(run.out()).contains("anonymised").contains("classes");
  }

  @Test
  void anAnonymisationThatCannotReachKIsBadInputAndLeavesAnEarlierFileAlone() throws Exception {
    Path out = dir.resolve("kept.csv");
    Files.writeString(out, "earlier");
    CliRun run = run("export", out.toString(), "--anonymise", "-k", "21", "--role", "dpo");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("lower -k");
    assertThat(Files.readString(out)).isEqualTo("earlier");
  }

  @Test
  void badCriteriaFormatOrRoleAreUsageErrors() {
    assertThat(run("export", dir.resolve("a.csv").toString(), "--where", "colour=red").err())
        .contains("unknown key colour");
    assertThat(run("export", dir.resolve("a.csv").toString(), "--where", "stage").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("export", dir.resolve("a.txt").toString()).err()).contains("cannot tell the format");
    assertThat(run("export", dir.resolve("a.csv").toString(), "--role", "ceo").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("export", dir.resolve("a.csv").toString(), "--anonymise", "--quasi", "shoe-size").err())
        .contains("no quasi-identifier shoe-size");
  }

  @Test
  void helpShowsAnExampleAndTheExitCodes() {
    CliRun run = run("export", "--help");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("crmkit export active-gd.csv --where 'stage=ACTIVE,region=44*' --role analyst")
        .contains("Exit codes:");
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--help")) {
      all.addAll(List.of("--jdbc-url", url, "--quiet"));
    }
    return CliRun.execute(new ExactKeyEngine(), all.toArray(String[]::new));
  }

  private StoreOptions options() {
    StoreOptions options = new StoreOptions();
    options.url = url;
    options.passwordVariable = "CRMKIT_JDBC_PASSWORD";
    return options;
  }
}
