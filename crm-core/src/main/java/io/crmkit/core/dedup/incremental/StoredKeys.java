package io.crmkit.core.dedup.incremental;

import io.crmkit.core.dedup.BlockingKeyIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Blocking keys as the index stores them. A key longer than {@link BlockingKeyIndex#MAX_KEY_LENGTH}
 * (a 200-character organisation name behind its rule's prefix) is stored as its first
 * {@value #KEPT} characters (one less where that would split a surrogate pair) and the SHA-256 of the whole key: equal keys stay equal and different
 * ones stay different (but for a hash collision), so the index groups records as the batch does.
 */
final class StoredKeys {
  static final int KEPT = 100;

  private StoredKeys() {}

  /** Every key in its stored form, each once, in order. */
  static Set<String> of(Collection<String> keys) {
    Set<String> stored = new LinkedHashSet<>();
    for (String key : keys) {
      stored.add(of(key));
    }
    return stored;
  }

  /** One key in its stored form. */
  static String of(String key) {
    if (key.length() <= BlockingKeyIndex.MAX_KEY_LENGTH) {
      return key;
    }
    int end = Character.isHighSurrogate(key.charAt(KEPT - 1)) ? KEPT - 1 : KEPT;
    return key.substring(0, end) + "#" + sha256(key);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
