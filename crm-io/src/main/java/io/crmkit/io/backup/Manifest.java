package io.crmkit.io.backup;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backup holds, written last into it as {@code manifest.json}: the format version (so that a
 * later crmkit can refuse, or convert, a format it does not know), when and by which crmkit version
 * it was taken, and per JSON Lines file its record count and SHA-256, which a restore checks before
 * it writes anything.
 *
 * @param formatVersion the backup format, {@link Backup#FORMAT_VERSION} when written by this crmkit
 * @param createdAt when the snapshot was read
 * @param crmkitVersion the crmkit version that wrote it ({@code development} outside a release jar)
 * @param files one entry per JSON Lines file, in restore order
 */
public record Manifest(int formatVersion, Instant createdAt, String crmkitVersion, List<FileEntry> files) {

  /** @throws NullPointerException if a part is null */
  public Manifest {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(crmkitVersion, "crmkitVersion");
    files = List.copyOf(Objects.requireNonNull(files, "files"));
  }

  /** The entry of {@code file}, if the manifest lists it. */
  public Optional<FileEntry> file(String file) {
    return files.stream().filter(f -> f.file().equals(file)).findFirst();
  }

  /** The records of every file together. */
  public long totalRecords() {
    return files.stream().mapToLong(FileEntry::records).sum();
  }

  /**
   * One JSON Lines file of a backup.
   *
   * @param file its name inside the backup ({@code customers.jsonl})
   * @param records its number of lines, one record each
   * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
   */
  public record FileEntry(String file, long records, String sha256) {

    /** @throws IllegalArgumentException if the name is blank or the count negative */
    public FileEntry {
      Require.notBlank(file, "file");
      Require.argument(records >= 0, "records must not be negative, got %s", records);
      Objects.requireNonNull(sha256, "sha256");
    }
  }
}
