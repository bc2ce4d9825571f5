package io.crmkit.io.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.io.CrmStores;
import io.crmkit.io.backup.BackupException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Restores a {@link Backup} into an empty store, verifying the whole file first: the manifest's
 * format version, every port's file present, each file's SHA-256 and record count, and every line
 * read as its record. A damaged, truncated or unknown backup, or a target that holds data, is a
 * {@link BackupException} with the reason before anything is written; the records are then
 * written in one transaction of the target, so a failure while writing leaves it empty again.
 *
 * <p>This is the way to move a store from one technology to another (the embedded H2 to
 * PostgreSQL): back up the one, restore into the other.
 */
public final class Restore {
  private Restore() {}

  /**
   * Checks {@code zip} completely without writing anywhere.
   *
   * @return its manifest
   * @throws BackupException ({@code DAMAGED} or {@code UNKNOWN_FORMAT}) naming the file, line and problem
   */
  public static Manifest verify(Path zip) {
    Objects.requireNonNull(zip, "zip");
    ObjectMapper mapper = Records.mapper();
    try (ZipFile file = open(zip)) {
      Manifest manifest = manifest(file, mapper);
      for (Section<?> section : Sections.all()) {
        Manifest.FileEntry listed = manifest.file(section.file()).orElseThrow(() -> new BackupException(Reason.DAMAGED,
            "the manifest lists no " + section.file() + ": the backup is incomplete"));
        check(file, mapper, section, listed);
      }
      return manifest;
    } catch (IOException e) {
      throw new BackupException(Reason.DAMAGED, "cannot read the backup " + zip + ": " + e.getMessage(), e);
    }
  }

  /**
   * Verifies {@code zip}, checks that {@code target} is empty, and writes every record into it.
   *
   * @return the restored backup's manifest
   * @throws BackupException if the backup is damaged or unknown, or the target holds data; nothing is written
   */
  public static Manifest restore(Path zip, CrmStores target) {
    return restore(zip, target, Backup.Listener.none());
  }

  /**
   * As {@link #restore(Path, CrmStores)}, telling {@code listener} as each port's file is restored.
   *
   * @throws BackupException if the backup is damaged or unknown, or the target holds data; nothing is written
   */
  public static Manifest restore(Path zip, CrmStores target, Backup.Listener listener) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(listener, "listener");
    Manifest manifest = verify(zip);
    List<String> holding = Sections.all().stream().filter(s -> !s.empty().test(target)).map(Section::name).toList();
    if (!holding.isEmpty()) {
      throw new BackupException(Reason.TARGET_NOT_EMPTY,
          "the target store is not empty (it holds " + String.join(", ", holding) + "); restore into an empty store");
    }
    ObjectMapper mapper = Records.mapper();
    try (ZipFile file = open(zip)) {
      target.base().transactions().inTransaction(() -> {
        for (Section<?> section : Sections.all()) {
          restoreSection(file, mapper, target, section);
          listener.done(section.file(), manifest.file(section.file()).orElseThrow().records());
        }
        return null;
      });
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the backup " + zip + ": " + e.getMessage(), e);
    }
  }

  private static ZipFile open(Path zip) {
    try {
      return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BackupException(Reason.DAMAGED, "the backup " + zip + " is not a complete zip file (truncated or"
          + " damaged): " + e.getMessage(), e);
    }
  }

  private static Manifest manifest(ZipFile file, ObjectMapper mapper) throws IOException {
    ZipEntry entry = file.getEntry(Backup.MANIFEST);
    if (entry == null) {
      throw new BackupException(Reason.DAMAGED, "the backup has no " + Backup.MANIFEST);
    }
    Manifest manifest;
    try (InputStream in = file.getInputStream(entry)) {
      manifest = mapper.readValue(in, Manifest.class);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new BackupException(Reason.DAMAGED, Backup.MANIFEST + " is not a valid manifest: " + e.getMessage(), e);
    }
    if (manifest.formatVersion() != Backup.FORMAT_VERSION) {
      throw new BackupException(Reason.UNKNOWN_FORMAT, "the backup has format version " + manifest.formatVersion()
          + "; this crmkit reads version " + Backup.FORMAT_VERSION + " only");
    }
    return manifest;
  }

  private static void check(ZipFile file, ObjectMapper mapper, Section<?> section, Manifest.FileEntry listed)
      throws IOException {
    ZipEntry entry = file.getEntry(section.file());
    if (entry == null) {
      throw new BackupException(Reason.DAMAGED, "the backup has no " + section.file() + " although the manifest lists it");
    }
    MessageDigest digest = Backup.sha256();
    long lines = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new DigestInputStream(file.getInputStream(entry), digest), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        parse(mapper, section, line, lines);
      }
    }
    String sha256 = HexFormat.of().formatHex(digest.digest());
    if (!sha256.equals(listed.sha256())) {
      throw new BackupException(Reason.DAMAGED, section.file() + " does not match its checksum (SHA-256 " + sha256
          + ", the manifest says " + listed.sha256() + "): the file was changed or damaged");
    }
    if (lines != listed.records()) {
      throw new BackupException(Reason.DAMAGED, section.file() + " has " + lines + " records, the manifest says "
          + listed.records());
    }
  }

  private static <T> T parse(ObjectMapper mapper, Section<T> section, String line, long number) {
    try {
      T record = mapper.readValue(line, section.type());
      if (record == null) {
        throw new BackupException(Reason.DAMAGED, section.file() + " line " + number + " holds no record");
      }
      return record;
    } catch (JacksonException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
      // The parser's own message can quote the value (a birth date, a name): say where, never what.
      throw new BackupException(Reason.DAMAGED, section.file() + " line " + number + " is not a valid record ("
          + section.type().getSimpleName() + ", " + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static <T> void restoreSection(ZipFile file, ObjectMapper mapper, CrmStores target, Section<T> section) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        file.getInputStream(file.getEntry(section.file())), StandardCharsets.UTF_8))) {
      section.writer().restore(target, new Lines<>(reader, mapper, section));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + section.file() + ": " + e.getMessage(), e);
    }
  }

  /** The records of one file, parsed as they are read. */
  private static final class Lines<T> implements Iterator<T> {
    private final BufferedReader reader;
    private final ObjectMapper mapper;
    private final Section<T> section;
    private String next;
    private long number;

    Lines(BufferedReader reader, ObjectMapper mapper, Section<T> section) {
      this.reader = reader;
      this.mapper = mapper;
      this.section = section;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          next = reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      number++;
      String line = next;
      next = null;
      return parse(mapper, section, line, number);
    }
  }
}
