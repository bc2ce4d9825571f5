package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.Crm;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.io.CrmStores;
import io.crmkit.io.backup.Manifest;
import io.crmkit.io.backup.Restore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit backup} and {@code crmkit restore} between embedded H2 file databases. */
class BackupRestoreCommandTest {

  @TempDir
  Path dir;

  @Test
  void aDemoStoreRestoredIntoAFreshStoreHoldsTheSameDataAndBacksUpToTheSameCounts() throws IOException {
    String source = url("source");
    String target = url("target");
    CliRun demo = run("demo", "--jdbc-url", source, "--quiet", "--customers", "300", "--output-dir",
        dir.resolve("report").toString());
    assertThat(demo.exitCode()).as(demo.err()).isEqualTo(ExitCodes.DONE);
    Path first = dir.resolve("backups/first.zip");
    Path second = dir.resolve("second.zip");

    CliRun backup = run("backup", first.toString(), "--jdbc-url", source, "--quiet");
    CliRun restore = run("restore", first.toString(), "--jdbc-url", target, "--quiet");
    CliRun again = run("backup", second.toString(), "--jdbc-url", target, "--quiet");

    assertThat(List.of(backup, restore, again)).allSatisfy(
        run -> assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE));
    Manifest original = Restore.verify(first);
    assertThat(counts(Restore.verify(second))).isEqualTo(counts(original));
    assertThat(original.file("customers.jsonl").orElseThrow().records()).isBetween(1L, 299L);
    assertThat(original.file("merge-lineage.jsonl").orElseThrow().records()).isPositive();
    assertThat(tableCount(backup.out(), "customers")).isEqualTo(original.file("customers.jsonl").orElseThrow().records());
    assertThat(tableCount(backup.out(), "total")).isEqualTo(original.totalRecords());
    assertThat(tableCount(restore.out(), "purchases")).isEqualTo(original.file("purchases.jsonl").orElseThrow().records());
    assertThat(restore.out()).contains("into " + target);
    try (StoreOptions.OpenStore from = TestStore.open(source); StoreOptions.OpenStore to = TestStore.open(target)) {
      assertThat(customers(to.stores())).isEqualTo(customers(from.stores()));
      assertThat(purchases(to.stores())).isEqualTo(purchases(from.stores()));
      assertThat(merges(to.stores())).isEqualTo(merges(from.stores()));
      assertThat(to.stores().privacy().auditLog().verify().intact()).isTrue();
    }
    assertThat(dir.resolve("backups").toFile().list()).containsExactly("first.zip");
  }

  @Test
  void aDamagedBackupIsRefusedWithItsReasonAndNoStoreIsTouched() throws IOException {
    Path good = backupOfTwoCustomers();
    Path changed = rewrite(good, "changed.zip", "customers.jsonl", text -> text.replaceFirst("Kunde", "Kundx"));
    Path truncated = dir.resolve("truncated.zip");
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    Path future = rewrite(good, "future.zip", "manifest.json",
        text -> text.replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    String target = url("target");
    try (StoreOptions.OpenStore empty = TestStore.open(target)) {
      assertThat(empty.stores().base().customers().count(Criteria.all())).isZero();
    }

    CliRun changedRun = run("restore", changed.toString(), "--jdbc-url", target, "--quiet");
    CliRun truncatedRun = run("restore", truncated.toString(), "--jdbc-url", url("never-opened"), "--quiet");
    CliRun futureRun = run("restore", future.toString(), "--jdbc-url", target, "--quiet");

    assertThat(changedRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(changedRun.err()).contains("changed.zip is damaged").contains("customers.jsonl does not match its checksum")
        .contains("nothing was written");
    assertThat(truncatedRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(truncatedRun.err()).contains("truncated.zip is damaged").contains("not a complete zip file");
    assertThat(futureRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(futureRun.err()).contains("in a format this crmkit does not read").contains("format version 2");
    assertThat(dir.resolve("never-opened.mv.db")).doesNotExist();
    try (StoreOptions.OpenStore untouched = TestStore.open(target)) {
      assertThat(untouched.stores().base().customers().count(Criteria.all())).isZero();
      assertThat(untouched.stores().base().purchases().stream(TimeRange.all()).count()).isZero();
    }
  }

  @Test
  void aStoreHoldingDataIsRefusedByNameOfItsPortsAndKeepsOnlyItsOwnData() {
    Path backup = backupOfTwoCustomers();
    String target = url("target");
    try (StoreOptions.OpenStore open = TestStore.open(target)) {
      Crm.builder().store(open.stores().base()).build().register(NewCustomer.organisation("已有 Ltd").build());
    }

    CliRun run = run("restore", backup.toString(), "--jdbc-url", target, "--quiet");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("the store " + target + " is not empty").contains("customers")
        .contains("nothing was written");
    try (StoreOptions.OpenStore open = TestStore.open(target)) {
      assertThat(open.stores().base().customers().count(Criteria.all())).isEqualTo(1);
      assertThat(open.stores().base().purchases().stream(TimeRange.all()).count()).isZero();
    }
  }

  @Test
  void verifyOnlyChecksTheFileWithoutOpeningADatabase() throws IOException {
    Path good = backupOfTwoCustomers();
    Path changed = rewrite(good, "changed.zip", "purchases.jsonl", text -> text + "{}\n");
    String never = url("never-opened");

    CliRun ok = run("restore", "--verify-only", good.toString(), "--jdbc-url", never, "--quiet");
    CliRun damaged = run("restore", "--verify-only", changed.toString(), "--jdbc-url", never, "--quiet");

    assertThat(ok.exitCode()).as(ok.err()).isEqualTo(ExitCodes.DONE);
    assertThat(ok.out()).contains("is a complete backup; nothing was written");
    assertThat(tableCount(ok.out(), "customers")).isEqualTo(2);
    assertThat(tableCount(ok.out(), "purchases")).isEqualTo(2);
    assertThat(damaged.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(damaged.err()).contains("purchases.jsonl");
    assertThat(dir.resolve("never-opened.mv.db")).doesNotExist();
  }

  @Test
  void badOptionsAreUsageErrorsAndAMissingBackupIsBadInput() throws IOException {
    Files.createDirectories(dir.resolve("folder"));

    assertThat(run("backup", "--jdbc-url", url("db")).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("restore", "x.zip", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun folder = run("backup", dir.resolve("folder").toString(), "--jdbc-url", url("db"));
    assertThat(folder.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(folder.err()).contains("is a folder");
    CliRun missing = run("restore", dir.resolve("missing.zip").toString(), "--jdbc-url", url("db"));
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("missing.zip: no such file");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsAFailure() {
    CliRun run = run("backup", dir.resolve("b.zip").toString(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none",
        "--quiet");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("cannot open the database");
    assertThat(dir.resolve("b.zip")).doesNotExist();
  }

  @Test
  void helpShowsTheMoveToPostgresAndTheExitCodes() {
    CliRun backup = run("backup", "--help");
    CliRun restore = run("restore", "--help");

    assertThat(backup.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(backup.out()).contains("crmkit backup crmkit-backup.zip").contains("Exit codes:");
    assertThat(restore.out()).contains("crmkit restore --verify-only crmkit-backup.zip")
        .contains("crmkit restore crmkit-backup.zip --jdbc-url jdbc:postgresql://").contains("Exit codes:");
  }

  /** A store of two customers with a purchase each, backed up through the command. */
  private Path backupOfTwoCustomers() {
    String source = url("source");
    try (StoreOptions.OpenStore open = TestStore.open(source)) {
      Crm crm = Crm.builder().store(open.stores().base()).build();
      for (int i = 1; i <= 2; i++) {
        Customer customer = crm.register(NewCustomer.person("Muster", "Kunde " + i).build());
        open.stores().base().purchases().recordAll(List.of(new Purchase.Builder()
            .id(ActivityId.of(UUID.randomUUID())).customerId(customer.id())
            .occurredAt(Instant.parse("2025-05-0" + i + "T10:00:00Z"))
            .amount(Money.of(CurrencyUnit.of("CNY"), 100 * i)).channel("store").build()));
      }
    }
    Path zip = dir.resolve("good.zip");
    CliRun run = run("backup", zip.toString(), "--jdbc-url", source, "--quiet");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    return zip;
  }

  @Test
  void aBackupWhoseRecordsContradictEachOtherIsBadInputAndLeavesTheStoreEmpty() throws IOException {
    Path good = backupOfTwoCustomers();
    Path doubled = rewrite(good, "doubled-entry.zip", "customers.jsonl", text -> text.lines().findFirst().orElseThrow()
        + "\n" + text);
    String sum = sha256(entry(doubled, "customers.jsonl"));
    Path consistent = rewrite(doubled, "doubled.zip", "manifest.json", text -> {
      ObjectNode manifest = (ObjectNode) readJson(text);
      manifest.get("files").forEach(file -> {
        if (file.get("file").asText().equals("customers.jsonl")) {
          ((ObjectNode) file).put("records", file.get("records").asLong() + 1).put("sha256", sum);
        }
      });
      return manifest.toPrettyString();
    });
    String target = url("target");

    CliRun run = run("restore", consistent.toString(), "--jdbc-url", target, "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("doubled.zip: its records contradict each other", "the store was left empty")
        .doesNotContain("\tat ");
    try (StoreOptions.OpenStore untouched = TestStore.open(target)) {
      assertThat(untouched.stores().base().customers().count(Criteria.all())).isZero();
    }
  }

  private static byte[] entry(Path zip, String name) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code zip} named {@code name} with the text of {@code entry} changed by {@code change}. */
  private Path rewrite(Path zip, String name, String entry, UnaryOperator<String> change) throws IOException {
    Path copy = dir.resolve(name);
    try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(copy);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry each = entries.nextElement();
        byte[] content;
        try (InputStream stream = in.getInputStream(each)) {
          content = stream.readAllBytes();
        }
        if (each.getName().equals(entry)) {
          String changed = change.apply(new String(content, StandardCharsets.UTF_8));
          assertThat(changed).as("the change applies to " + entry).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
          content = changed.getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(each.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
    return copy;
  }

  private String url(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private static CliRun run(String... args) {
    return CliRun.execute(new ExactKeyEngine(), args);
  }

  private static Map<String, Long> counts(Manifest manifest) {
    return manifest.files().stream().collect(Collectors.toMap(Manifest.FileEntry::file, Manifest.FileEntry::records));
  }

  /** The count in the summary table's row for {@code port}. */
  private static long tableCount(String out, String port) {
    Matcher row = Pattern.compile("(?m)^  " + Pattern.quote(port) + " +([\\d,]+)$").matcher(out);
    assertThat(row.find()).as("a row for " + port + " in:%n%s", out).isTrue();
    return Long.parseLong(row.group(1).replace(",", ""));
  }

  private static List<Customer> customers(CrmStores stores) {
    try (Stream<Customer> all = stores.base().customers().stream(Criteria.all())) {
      return all.toList();
    }
  }

  private static List<Purchase> purchases(CrmStores stores) {
    try (Stream<Purchase> all = stores.base().purchases().stream(TimeRange.all())) {
      return all.toList();
    }
  }

  /** Every merge by id: the lineage lists them in no promised order, and the demo merges clusters side by side. */
  private static List<Merge> merges(CrmStores stores) {
    return stores.dedup().mergeLineage().all().stream().sorted(java.util.Comparator.comparing(Merge::id)).toList();
  }
}
