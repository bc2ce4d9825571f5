package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM importing into an H2 file database is killed ({@code destroyForcibly}, no
 * shutdown hooks, no commit) at a random point; {@code crmkit import} then resumes from the
 * checkpoint, and the store ends exactly as after an uninterrupted import: every row once, none lost.
 */
class ImportKillAndResumeTest {
  private static final int ROWS = 3_000;
  private static final int BATCH = 100;

  @TempDir
  Path dir;

  @RepeatedTest(2)
  void anImportKilledAtARandomPointResumesWithNoDuplicateAndNoLostRow() throws Exception {
    Path file = dir.resolve("customers.csv");
    writeCustomers(file);
    String killedUrl = "jdbc:h2:file:" + dir.resolve("killed").toAbsolutePath();
    String wholeUrl = "jdbc:h2:file:" + dir.resolve("whole").toAbsolutePath();
    long killAfter = BATCH * (1 + new Random().nextInt(ROWS / BATCH - 5));

    long committedWhenKilled = runChildAndKill(killedUrl, file, killAfter);
    assertThat(committedWhenKilled).isLessThan(ROWS);
    // H2 writes committed transactions to its file after a short delay, so a kill may lose the
    // last commits: with their checkpoint, which is why the store still holds whole batches only
    // and the resumed run starts exactly after the rows it holds.
    long storedAfterKill = count(killedUrl);
    assertThat(storedAfterKill).isLessThanOrEqualTo(committedWhenKilled)
        .matches(n -> n % BATCH == 0, "a whole number of batches");

    CliRun resumed = CliRun.execute(new ExactKeyEngine(), "import", file.toString(), "--jdbc-url", killedUrl,
        "--source", "erp", "--match", "none", "--batch-size", String.valueOf(BATCH));
    CliRun whole = CliRun.execute(new ExactKeyEngine(), "import", file.toString(), "--jdbc-url", wholeUrl,
        "--source", "erp", "--match", "none", "--batch-size", String.valueOf(BATCH));

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    if (storedAfterKill > 0) {
      assertThat(resumed.out()).contains("resumed after row " + storedAfterKill + ")");
    }
    assertThat(whole.exitCode()).as(whole.err()).isZero();
    Map<String, String> killedThenResumed = details(killedUrl);
    assertThat(killedThenResumed).hasSize(ROWS);
    assertThat(count(killedUrl)).isEqualTo(ROWS);
    assertThat(killedThenResumed).isEqualTo(details(wholeUrl));
  }

  private long runChildAndKill(String url, Path file, long killAfter) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ImportChild.class.getName(), url, file.toString(), String.valueOf(BATCH))
        .redirectError(dir.resolve("child.err").toFile()).start();
    long committed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed = Long.parseLong(line.substring("committed ".length()));
          if (committed >= killAfter) {
            break;
          }
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(committed).as("the child committed batches before it was killed; its errors: %s",
        Files.readString(dir.resolve("child.err"))).isGreaterThanOrEqualTo(killAfter);
    return committed;
  }

  private static void writeCustomers(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("id,full_name,phone,email,city\n");
    for (int i = 1; i <= ROWS; i++) {
      csv.append("K-").append(i).append(",Person").append(i).append(" Family").append(i % 97).append(",+86139")
          .append(String.format("%08d", i)).append(",k").append(i).append("@example.com,City").append(i % 13)
          .append('\n');
    }
    Files.writeString(file, csv);
  }

  private static long count(String url) {
    try (StoreOptions.OpenStore open = open(url)) {
      return open.stores().base().customers().count(Criteria.all());
    }
  }

  /** Each stored customer by its reference, as its details without id, version and times. */
  private static Map<String, String> details(String url) {
    try (StoreOptions.OpenStore open = open(url)) {
      List<Customer> all = open.stores().base().customers().stream(Criteria.all()).toList();
      return all.stream().collect(Collectors.toMap(c -> reference(c), c -> c.displayName() + "|" + c.contactPoints()
          + "|" + c.addresses() + "|" + c.dimensionCodes() + "|" + c.personName()));
    }
  }

  private static String reference(Customer customer) {
    return customer.externalReferences().stream().map(ExternalReference::id).findFirst().orElseThrow();
  }

  private static StoreOptions.OpenStore open(String url) {
    StoreOptions options = new StoreOptions();
    options.url = url;
    options.passwordVariable = "CRMKIT_TEST_NO_PASSWORD";
    return options.open();
  }
}
