package io.crmkit.io.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which file an import is reading: its name, size and the SHA-256 of its content. The import id is
 * the caller's, or the name and the first 16 hex digits of that hash; the description is kept in
 * the checkpoint so that resuming with another file under the same id is refused. The whole file
 * is hashed (one sequential read, small next to the import): a nightly export of the same name and
 * size whose values changed is a new import, never one already finished.
 *
 * @param contentTag the first 16 hex digits of the content's hash
 */
record SourceIdentity(String importId, String description, String contentTag) {

  static SourceIdentity of(ImportSource source) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(source.file()), sha256())) {
      long size = Files.size(source.file());
      in.transferTo(OutputStream.nullOutputStream());
      String hash = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
      String name = source.file().getFileName().toString();
      String shortName = name.length() > 150 ? name.substring(0, 150) : name;
      String description = shortName + " (" + size + " bytes, sha256 " + hash + ")";
      String tag = hash.substring(0, 16);
      String id = source.importId().orElse(shortName + "@" + size + "-" + tag);
      return new SourceIdentity(id, description, tag);
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
