package io.crmkit.privacy.audit;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@link AuditEntry} as the log holds it: its place in the chain and the hashes that link it to
 * the entry before. See {@link AuditChain} for how {@code hash} is computed.
 *
 * @param sequence the entry's position in the chain, from 1
 * @param entry the audited act
 * @param previousHash the hash of the entry before, or {@link AuditChain#GENESIS} for the first
 * @param hash SHA-256 of this record's canonical encoding, lower-case hex
 */
public record AuditRecord(long sequence, AuditEntry entry, String previousHash, String hash) {
  /** The length of a hash in hex digits (SHA-256: 32 bytes). */
  public static final int HASH_LENGTH = 64;
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + HASH_LENGTH + "}");

  /**
   * Holds the fields as given: a record read from storage may be tampered with, which {@link
   * AuditChain#verify} finds; only the shapes are checked here.
   *
   * @throws IllegalArgumentException if the sequence is not positive or a hash is not 64 hex digits
   */
  public AuditRecord {
    Require.positive(sequence, "sequence");
    Objects.requireNonNull(entry, "entry");
    checkHash(previousHash, "previousHash");
    checkHash(hash, "hash");
  }

  private static void checkHash(String value, String name) {
    Objects.requireNonNull(value, name);
    Require.argument(HEX.matcher(value).matches(), "%s must be %s lower-case hex digits, got '%s'", name,
        HASH_LENGTH, value);
  }
}
