package io.crmkit.examples.cli;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.io.backup.BackupException;
import io.crmkit.io.backup.Manifest;
import io.crmkit.io.backup.Restore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit restore}: a backup of {@code crmkit backup} into an empty store (crm-io's {@link
 * Restore}), of either kind, which is how a store moves from the embedded H2 database to
 * PostgreSQL. The whole file is verified before the database is even opened, so a damaged or
 * unknown backup changes nothing anywhere; {@code --verify-only} stops there.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Restore a backup into an empty store, or verify a backup.",
    descriptionHeading = "%n",
    description = {
        "Verifies IN completely (the zip is whole, the manifest is of a known format, every port's file is there "
            + "with the record count and SHA-256 the manifest gives, every line is a valid record), then writes "
            + "every record into the store in one transaction. The store must be empty: a store holding any "
            + "record is refused and named with the ports that hold some. A failure while writing rolls back, "
            + "leaving the store empty.",
        "",
        "--verify-only checks IN without opening any database.",
        "",
        "Exit code 1 when IN is missing, damaged or of an unknown format, or the store is not empty; in each "
            + "case nothing is written. Exit code 3 when the database fails."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  Check a backup:",
        "  crmkit restore --verify-only crmkit-backup.zip",
        "",
        "  Move the embedded H2 store (./crmkit-data) to an empty PostgreSQL database:",
        "  crmkit backup crmkit-backup.zip",
        "  crmkit restore crmkit-backup.zip --jdbc-url jdbc:postgresql://db:5432/crm --jdbc-user crm"})
final class RestoreCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "IN", description = "The backup to restore, written by crmkit backup.")
  private Path in;

  @Option(names = "--verify-only", description = "Only verify IN; open no database, write nothing.")
  private boolean verifyOnly;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    if (!Files.isRegularFile(in)) {
      throw CliException.badInput(in + (Files.isDirectory(in) ? ": a folder, not a backup file" : ": no such file"));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    try (Progress progress = Progress.forTerminal(quiet.quiet, spec.commandLine().getErr())) {
      progress.start("verifying " + in.getFileName());
      Manifest manifest = verify();
      progress.finish(String.format(Locale.ROOT, "%,d records", manifest.totalRecords()));
      if (verifyOnly) {
        stdout.printf(Locale.ROOT, "crmkit restore: %s is a complete backup; nothing was written%n", in);
      } else {
        manifest = restore(progress);
        stdout.printf(Locale.ROOT, "crmkit restore: %s into %s%n", in, store.url);
      }
      BackupSummary.print(manifest, stdout);
      stdout.printf(Locale.ROOT, "  %-18s %.1f s%n", "time", (System.nanoTime() - started) / 1e9);
      stdout.flush();
    }
    return ExitCodes.DONE;
  }

  private Manifest verify() {
    try {
      return Restore.verify(in);
    } catch (BackupException e) {
      throw BackupSummary.refused(e, in.toString(), store.url);
    }
  }

  /**
   * Opens the store and restores into it (crm-io verifies the file again first, since it may have
   * changed after {@link #verify()}); returns the restored backup's manifest.
   */
  private Manifest restore(Progress progress) {
    try (StoreOptions.OpenStore open = store.open()) {
      progress.start("restoring into the store");
      Manifest restored = Restore.restore(in, open.stores(), BackupSummary.progress(progress));
      progress.finish(String.format(Locale.ROOT, "%,d records", restored.totalRecords()));
      return restored;
    } catch (BackupException e) {
      throw BackupSummary.refused(e, in.toString(), store.url);
    } catch (UncheckedIOException e) {
      throw CliException.badInput(in + ": cannot be read (" + e.getMessage() + "); the store was left empty");
    } catch (CrmStorageException e) {
      throw BackupSummary.databaseFailed(e, store.url);
    } catch (ConcurrentUpdateException | DuplicateKeyException e) {
      // Records that contradict each other: two of one customer at one version, or two claims of one key.
      throw CliException.badInput(in + ": its records contradict each other (" + e.getMessage()
          + "); the store was left empty");
    }
  }
}
