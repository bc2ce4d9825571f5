package io.crmkit.examples.cli;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.io.CrmStores;
import io.crmkit.io.backup.Backup;
import io.crmkit.io.backup.Manifest;
import io.crmkit.jdbc.JdbcCrmStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit backup}: every port of a store as one zip file (crm-io's {@link Backup}), read in
 * one snapshot of the database ({@link JdbcCrmStore#inSnapshot}), so a store in use gives a
 * consistent backup. The zip is written beside OUT and moved into place when complete.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Back up a whole store into one zip file.",
    descriptionHeading = "%n",
    description = {
        "Writes every record of the store to OUT: customers, purchases, interactions, lifecycle history, churn "
            + "signals, code sequences and requests, blocking keys, merge lineage, the review queue and its "
            + "decisions, customer metrics, segments, the audit log, consents, pseudonym and protection keys; one "
            + "JSON Lines file per port and a manifest with each file's record count and SHA-256.",
        "",
        "Everything is read in one transaction that sees one snapshot of the database (REPEATABLE READ on "
            + "PostgreSQL, SERIALIZABLE on H2), so the store can stay in use. The zip is written beside OUT and "
            + "moved into place when complete, replacing a file there; a failed backup leaves no partial file. "
            + "Events in the outbox that were not yet relayed are not part of a backup.",
        "",
        "crmkit restore writes a backup into an empty store of either kind: the way to move from the embedded "
            + "H2 database to PostgreSQL."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  The embedded store in ./crmkit-data:",
        "  crmkit backup crmkit-backup.zip",
        "",
        "  A PostgreSQL store (the password in CRMKIT_JDBC_PASSWORD):",
        "  crmkit backup /backups/crm.zip --jdbc-url jdbc:postgresql://db:5432/crm --jdbc-user crm"})
final class BackupCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "OUT", description = "The backup to write, such as crmkit-backup.zip.")
  private Path out;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw CliException.usage(out + " is a folder: name the backup file, such as " + out.resolve("crmkit-backup.zip"));
    }
    OutputFiles.distinct().input("the store", store.h2File().orElse(null)).output("OUT", out).check();
    Manifest manifest;
    try (StoreOptions.OpenStore open = store.openExisting();
        Progress progress = Progress.forTerminal(quiet.quiet, spec.commandLine().getErr())) {
      createFolder(target.getParent());
      progress.start("backing up to " + out.getFileName());
      manifest = open.jdbc().inSnapshot(snapshot -> Backup.write(
          CrmStores.attach(snapshot, StoreOptions.jdbcExtensions()), target, Clock.systemUTC(),
          BackupSummary.progress(progress)));
      progress.finish(String.format(Locale.ROOT, "%,d records", manifest.totalRecords()));
    } catch (UncheckedIOException e) {
      throw CliException.failure(out + ": cannot be written (" + e.getMessage() + ")", e);
    } catch (CrmStorageException e) {
      throw BackupSummary.databaseFailed(e, store.url);
    }
    print(manifest, target, Duration.ofNanos(System.nanoTime() - started));
    return ExitCodes.DONE;
  }

  private void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw CliException.failure(out + ": its folder cannot be created (" + e.getMessage() + ")", e);
    }
  }

  private void print(Manifest manifest, Path target, Duration took) {
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "crmkit backup: %s to %s%n", store.url, out);
    BackupSummary.print(manifest, stdout);
    stdout.printf(Locale.ROOT, "  %-18s %,d bytes%n", "size", size(target));
    stdout.printf(Locale.ROOT, "  %-18s %.1f s%n", "time", took.toMillis() / 1000.0);
    stdout.flush();
    if (manifest.totalRecords() == 0) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("backup: the store " + store.url + " holds no records; is --jdbc-url right?");
      err.flush();
    }
  }

  private long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw CliException.failure(out + ": was written but cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
