package io.crmkit.io.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.json.CrmJson;
import io.crmkit.io.CrmStores;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A full backup of a store: one zip file with a JSON Lines file per port (customers, purchases,
 * interactions, lifecycle history, churn signals, code sequences and requests, blocking keys,
 * merge lineage, review queue and decisions, customer metrics, segments, audit log, consents,
 * pseudonym and protection keys), each line one record as crm-core's {@link CrmJson} mapper writes
 * it, and {@code manifest.json} last (see {@link Manifest}).
 *
 * <p><b>One snapshot.</b> Every port is read inside one {@code transactions().inTransaction(...)}
 * of the store, so the backup is as consistent as one read transaction of that store: in memory
 * the transaction holds the store's write lock, so no write happens while it is taken; on JDBC the
 * caller decides the isolation by handing a store joined to a connection it opened (PostgreSQL
 * {@code REPEATABLE READ} is a true snapshot; see the architecture notes). Records stream from the
 * store to the file; only the small registers (churn signals, sequences, code requests, review
 * queue and decisions, segments, keys) are read as lists.
 *
 * <p>The zip is written to a temporary file beside the target and moved into place when complete,
 * so a failed backup never leaves a file that looks like one.
 */
public final class Backup {
  /** The format this crmkit writes and the only one it restores. */
  public static final int FORMAT_VERSION = 1;
  /** The name of the manifest inside the zip. */
  public static final String MANIFEST = "manifest.json";

  private Backup() {}

  /** What a long backup or restore reports as each file is done. */
  @FunctionalInterface
  public interface Listener {
    /** {@code file} (one port's JSON Lines) was written or restored with {@code records} records. */
    void done(String file, long records);

    /** A listener that does nothing. */
    static Listener none() {
      return (file, records) -> { };
    }
  }

  /**
   * Writes a backup of {@code stores} to {@code zip}, replacing a file there.
   *
   * @return the manifest written into it
   * @throws UncheckedIOException if the file cannot be written; no file is left at {@code zip}
   */
  public static Manifest write(CrmStores stores, Path zip) {
    return write(stores, zip, Clock.systemUTC(), Listener.none());
  }

  /**
   * Writes a backup of {@code stores} to {@code zip}, replacing a file there, dating it by
   * {@code clock} and telling {@code listener} as each port's file is done.
   *
   * @throws NullPointerException if an argument is null
   * @throws UncheckedIOException if the file cannot be written; no file is left at {@code zip}
   */
  public static Manifest write(CrmStores stores, Path zip, Clock clock, Listener listener) {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    Path target = zip.toAbsolutePath();
    ObjectMapper mapper = Records.mapper();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
      Manifest manifest;
      try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
        manifest = stores.base().transactions().inTransaction(() -> {
          List<Manifest.FileEntry> files = new ArrayList<>();
          for (Section<?> section : Sections.all()) {
            Manifest.FileEntry entry = writeSection(out, mapper, stores, section);
            files.add(entry);
            listener.done(entry.file(), entry.records());
          }
          return new Manifest(FORMAT_VERSION, clock.instant(), crmkitVersion(), files);
        });
        out.putNextEntry(new ZipEntry(MANIFEST));
        out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        out.closeEntry();
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static <T> Manifest.FileEntry writeSection(ZipOutputStream out, ObjectMapper mapper, CrmStores stores,
      Section<T> section) {
    try {
      out.putNextEntry(new ZipEntry(section.file()));
      MessageDigest digest = sha256();
      long[] count = {0};
      section.reader().each(stores, record -> {
        try {
          byte[] line = mapper.writeValueAsBytes(record);
          write(out, digest, line);
          write(out, digest, NEWLINE);
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      out.closeEntry();
      return new Manifest.FileEntry(section.file(), count[0], HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + section.file() + ": " + e.getMessage(), e);
    }
  }

  private static final byte[] NEWLINE = {'\n'};

  private static void write(OutputStream out, MessageDigest digest, byte[] bytes) throws IOException {
    out.write(bytes);
    digest.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The version in the jar's manifest, {@code development} when run from classes. */
  static String crmkitVersion() {
    String version = Backup.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // The move succeeded or the write failed already; a stray temporary file is all that is left.
      }
    }
  }
}
