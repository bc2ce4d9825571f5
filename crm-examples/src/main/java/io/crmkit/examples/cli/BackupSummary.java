package io.crmkit.examples.cli;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.io.backup.Backup;
import io.crmkit.io.backup.BackupException;
import io.crmkit.io.backup.Manifest;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code crmkit backup} and {@code crmkit restore} share: the summary table of a backup's
 * manifest (records per port), progress through a {@link Backup.Listener}, and how a refused
 * backup or a failing database becomes a message and an exit code.
 */
final class BackupSummary {

  private BackupSummary() {}

  /** Tells {@code progress} the records done so far, as each port's file is done. */
  static Backup.Listener progress(Progress progress) {
    long[] records = {0};
    return (file, count) -> {
      records[0] += count;
      progress.advance(records[0]);
    };
  }

  /** The records of every port, then the total, when the snapshot was taken and by which crmkit. */
  static void print(Manifest manifest, PrintWriter out) {
    out.printf(Locale.ROOT, "%n  %-24s %12s%n", "port", "records");
    for (Manifest.FileEntry file : manifest.files()) {
      out.printf(Locale.ROOT, "  %-24s %,12d%n", port(file.file()), file.records());
    }
    out.printf(Locale.ROOT, "  %-24s %,12d%n%n", "total", manifest.totalRecords());
    out.printf(Locale.ROOT, "  %-18s %s%n", "taken at", manifest.createdAt());
    out.printf(Locale.ROOT, "  %-18s %s (format %d)%n", "by crmkit", manifest.crmkitVersion(),
        manifest.formatVersion());
  }

  /** A port's name: its file's name without {@code .jsonl}. */
  static String port(String file) {
    return file.endsWith(".jsonl") ? file.substring(0, file.length() - ".jsonl".length()) : file;
  }

  /**
   * A refused restore as the user reads it: bad input (exit code 1) with the reason and the file,
   * and the assurance that nothing was written.
   */
  static CliException refused(BackupException e, String backup, String target) {
    String message = switch (e.reason()) {
      case DAMAGED -> backup + " is damaged: " + e.getMessage();
      case UNKNOWN_FORMAT -> backup + " is in a format this crmkit does not read: " + e.getMessage();
      case TARGET_NOT_EMPTY -> "the store " + target + " is not empty: " + e.getMessage()
          + " (or name another with --jdbc-url)";
    };
    return CliException.badInput(message + "; nothing was written");
  }

  /** A database that failed while working: a failure (exit code 3) naming the database. */
  static CliException databaseFailed(CrmStorageException e, String url) {
    return CliException.failure("the database " + url + " failed: " + e.getMessage(), e);
  }
}
