package io.crmkit.io.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which import this is: the file (its name, size and the SHA-256 of its content) read with given
 * settings (format, encoding, delimiter, quote, header, the column mapping and the reference
 * system: all that changes what its rows become). The import id is the caller's, or the name, size,
 * the first 16 hex digits of the content's hash and the first 8 of the settings'; the description
 * is kept in the checkpoint so that resuming with another file or other settings under the same id
 * is refused. The whole file is hashed (one sequential read, small next to the import): a nightly
 * export of the same name and size whose values changed is a new import, never one already
 * finished, and so is a file read again with a corrected encoding or mapping, which starts from
 * row 1 (the upsert by reference writes no duplicate).
 *
 * @param contentTag the first 16 hex digits of the content's hash: the same for any settings, so
 *     that a row without an id keeps its reference when the file is read again with other settings
 */
record SourceIdentity(String importId, String description, String contentTag) {

  static SourceIdentity of(ImportSource source, ColumnMapping mapping, String system) {
    String hash = contentHash(source);
    String settings = HexFormat.of().formatHex(sha256().digest(
        (settings(source) + "\nsystem " + system + "\n" + mapping.settings()).getBytes(StandardCharsets.UTF_8)))
        .substring(0, 8);
    String name = source.file().getFileName().toString();
    String shortName = name.length() > 150 ? name.substring(0, 150) : name;
    long size = size(source);
    String description = shortName + " (" + size + " bytes, sha256 " + hash + ", settings " + settings + ")";
    String tag = hash.substring(0, 16);
    String id = source.importId().orElse(shortName + "@" + size + "-" + tag + "-" + settings);
    return new SourceIdentity(id, description, tag);
  }

  /** The file's tag alone, for what needs no settings: the references of rows without an id. */
  static String contentTag(ImportSource source) {
    return contentHash(source).substring(0, 16);
  }

  private static long size(ImportSource source) {
    try {
      return Files.size(source.file());
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String contentHash(ImportSource source) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(source.file()), sha256())) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The read settings that apply to the source's format, one per line. */
  private static String settings(ImportSource source) {
    String read = "format " + source.format() + "\nencoding " + source.encoding().name();
    if (source.format() == ImportSource.Format.CSV) {
      read += "\ndelimiter " + source.delimiter() + "\nquote \"\nheader " + source.header();
    }
    return read;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
