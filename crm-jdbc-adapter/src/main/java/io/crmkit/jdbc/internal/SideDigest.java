package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LookupKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A digest of everything a customer keeps in side tables (codes, tags, external references, lookup
 * keys as stored, attribute keys), stored beside the customer row (base migration V3). An update
 * whose digest equals the stored one leaves the side rows alone: a lifecycle move or a new tier
 * then writes one row instead of deleting and inserting a dozen. 128 bits of SHA-256, so that two
 * different sets of side rows never share a digest in practice; the lookup keys enter as stored,
 * so rotating a blind-index key changes the digest too.
 */
final class SideDigest {
  /** The customer table's column. */
  static final String COLUMN = "side_digest";

  private static final HexFormat HEX = HexFormat.of();

  private SideDigest() {}

  /** The digest of {@code customer}'s side rows as {@code codec} stores them: 32 hex digits. */
  static String of(CustomerCodec codec, Customer customer) {
    MessageDigest sha = sha256();
    for (Map.Entry<String, String> code : customer.dimensionCodes().entrySet()) {
      add(sha, 'c', code.getKey(), code.getValue());
    }
    for (String tag : customer.tags()) {
      add(sha, 't', tag, "");
    }
    for (ExternalReference reference : customer.externalReferences()) {
      add(sha, 'r', reference.system(), reference.id());
    }
    for (LookupKey key : codec.storedLookupKeys(customer)) {
      add(sha, 'k', key.type(), key.value());
    }
    for (Map.Entry<String, AttributeValue> attribute : customer.attributes().entrySet()) {
      add(sha, 'a', attribute.getKey(), CustomerCodec.attributeKey(attribute.getValue()));
    }
    byte[] digest = sha.digest();
    return HEX.formatHex(digest, 0, 16);
  }

  /** One side row: its kind and two length-prefixed texts, so that no two rows run into each other. */
  private static void add(MessageDigest sha, char kind, String first, String second) {
    sha.update((byte) kind);
    text(sha, first);
    text(sha, second);
  }

  private static void text(MessageDigest sha, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int length = bytes.length;
    sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
