package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.NewCustomer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store commands refuse before they read or write anything, and what they write through. */
class StoreCommandGuardsTest {

  @TempDir
  Path dir;

  private CliRun run(String... args) {
    return CliRun.execute(new CoreMatchEngine(), args);
  }

  private String storeWithOneCustomer() {
    String url = TestStore.url(dir);
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      Crm.builder().store(open.stores().base()).build().register(NewCustomer.person("张", "伟").build());
    }
    return url;
  }

  @Test
  void aCommandThatReadsAStoreRefusesAMissingOneInsteadOfCreatingIt() {
    String typo = "jdbc:h2:file:" + dir.resolve("typo/db");

    for (String command : new String[] {"quality", "report", "segment", "backup", "export"}) {
      CliRun run = command.equals("backup") || command.equals("export")
          ? run(command, dir.resolve("out." + (command.equals("backup") ? "zip" : "csv")).toString(), "--jdbc-url", typo)
          : run(command, "--jdbc-url", typo, "--quiet");

      assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.err()).contains("there is no store at " + dir.resolve("typo/db.mv.db"));
    }
    assertThat(dir.resolve("typo")).doesNotExist();
  }

  @Test
  void anOutputOnTheStoresOwnFileIsRefusedAndTheStoreKept() throws IOException {
    String url = storeWithOneCustomer();
    Path storeFile = dir.resolve("db.mv.db");
    long size = Files.size(storeFile);

    CliRun backup = run("backup", storeFile.toString(), "--jdbc-url", url);
    CliRun report = run("report", "--output", storeFile.toString(), "--jdbc-url", url);

    assertThat(backup.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(backup.err()).contains("OUT " + storeFile + " is the store (");
    assertThat(report.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(report.err()).contains("--output " + storeFile + " is the store (");
    assertThat(Files.size(storeFile)).isEqualTo(size);
    assertThat(run("quality", "--jdbc-url", url, "--output", dir.resolve("q.json").toString()).exitCode())
        .isEqualTo(ExitCodes.DONE);
  }

  @Test
  void aFolderGivenAsAFileIsAUsageErrorThatLeavesTheFolderAndNoPartialFile() throws IOException {
    String url = storeWithOneCustomer();
    Path folder = Files.createDirectories(dir.resolve("empty-folder"));

    CliRun report = run("report", "--output", folder.toString(), "--jdbc-url", url);
    CliRun quality = run("quality", "--output", folder.toString(), "--jdbc-url", url);

    assertThat(report.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(report.err()).contains("--output " + folder + " is a folder; name a file");
    assertThat(quality.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(folder).isDirectory();
    assertThat(dir.resolve("empty-folder.partial")).doesNotExist();
  }

  @Test
  void anEmptyStoreCannotPassAQualityLimit() {
    String url = TestStore.url(dir);
    TestStore.open(url).close();

    CliRun run = run("quality", "--jdbc-url", url, "--output", dir.resolve("q.json").toString(), "--fail-below", "50");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("the store holds no customers, so it cannot pass --fail-below");
  }

  @Test
  void aStoreFolderBlockedByAFileIsAFailureThatSaysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "x");

    CliRun run = run("import", Files.writeString(dir.resolve("in.csv"), "id,full_name\n1,Amy Lee\n").toString(),
        "--jdbc-url", "jdbc:h2:file:" + file.resolve("db"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains(file + " is a file, not a folder").doesNotContain("\tat org.h2");
  }

  @Test
  void anExportWritesThroughASymbolicLinkAndKeepsTheFilesPermissions() throws IOException {
    String url = storeWithOneCustomer();
    Path target = Files.writeString(dir.resolve("target.csv"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);

    CliRun run = run("export", link.toString(), "--role", "dpo", "--jdbc-url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).contains("张");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
  }

  @Test
  void anExportThroughALinkToAFileNotThereYetCreatesThatFile() throws IOException {
    String url = storeWithOneCustomer();
    Path link = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("later.csv"));

    CliRun run = run("export", link.toString(), "--role", "dpo", "--jdbc-url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(dir.resolve("later.csv"))).contains("张");
  }

  @Test
  void anExportIntoANamedPipeWritesIntoIt() throws Exception {
    String url = storeWithOneCustomer();
    Path fifo = dir.resolve("fifo.csv");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    CliRun run = run("export", fifo.toString(), "--format", "csv", "--role", "dpo", "--jdbc-url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(read.get(30, TimeUnit.SECONDS)).contains("张");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void theDemoRefusesAnOutputFolderThatIsAFileBeforeItFillsTheStore() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    String url = TestStore.url(dir);

    CliRun run = run("demo", "--customers", "50", "--output-dir", file.toString(), "--jdbc-url", url, "--quiet");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--output-dir " + file + " is a file");
    assertThat(dir.resolve("db.mv.db")).doesNotExist();
  }

  @Test
  void aFolderGivenAsTheBackupToRestoreIsNamedAsAFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("backups"));

    CliRun run = run("restore", folder.toString(), "--jdbc-url", TestStore.url(dir));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(folder + ": a folder, not a backup file");
  }
}
