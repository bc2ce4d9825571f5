package io.crmkit.io.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which file an import is reading: its name, size and the SHA-256 of its first 64 KiB. The import
 * id is the caller's, or the name and the first 16 hex digits of that hash; the description is
 * kept in the checkpoint so that resuming with another file under the same id is refused.
 */
record SourceIdentity(String importId, String description) {
  private static final int HEAD = 64 * 1024;

  static SourceIdentity of(ImportSource source) {
    try (InputStream in = Files.newInputStream(source.file())) {
      long size = Files.size(source.file());
      byte[] head = in.readNBytes(HEAD);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String hash = HexFormat.of().formatHex(sha.digest(head));
      String name = source.file().getFileName().toString();
      String shortName = name.length() > 150 ? name.substring(0, 150) : name;
      String description = shortName + " (" + size + " bytes, head sha256 " + hash + ")";
      String id = source.importId().orElse(shortName + "@" + size + "-" + hash.substring(0, 16));
      return new SourceIdentity(id, description);
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
