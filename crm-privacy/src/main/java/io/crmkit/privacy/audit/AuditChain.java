package io.crmkit.privacy.audit;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The hash chain of the audit log, shared by every adapter so that a log written by one can be
 * verified by any other.
 *
 * <p><b>Hash.</b> A record's hash is the SHA-256, in lower-case hex, of its canonical encoding:
 * the bytes of {@code "crmkit-audit-v1"} (UTF-8), then in this order the sequence (8 bytes,
 * big-endian), the previous hash (its 64 hex digits as ASCII, length-prefixed like a text), the
 * actor, the action's name, a customer flag (1 byte: 0 none, 1 present) followed when present by
 * the customer id's UUID (most then least significant 8 bytes), the target, the instant (epoch
 * second as 8 bytes, nanosecond of the second as 4 bytes) and the reason. Every text is its UTF-8
 * byte length (4 bytes, big-endian) then its bytes, so no two different records share an encoding.
 * Because the previous hash is inside, each hash covers every entry before it too.
 *
 * <p><b>What verification finds.</b> A changed entry (its hash no longer matches, or, if the hash
 * was recomputed, the next entry's link no longer does), entries deleted from the start or the
 * middle (a gap in the sequence) and entries out of place (a sequence that comes back later). It
 * cannot see entries cut from the end, nor a chain rewritten from some entry on: for that, copy
 * {@link AuditLog#head()} somewhere the log's writers cannot reach (another system, a signed
 * report) and compare.
 */
public final class AuditChain {
  /** The previous hash of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(AuditRecord.HASH_LENGTH);
  private static final byte[] DOMAIN = "crmkit-audit-v1".getBytes(StandardCharsets.UTF_8);
  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /**
   * The record that appends {@code entry} after {@code head} (or starts the chain if it is empty).
   *
   * @throws NullPointerException if an argument is null
   */
  public static AuditRecord next(AuditEntry entry, Optional<AuditRecord> head) {
    Objects.requireNonNull(head, "head");
    return head.map(h -> next(entry, h.sequence(), h.hash())).orElseGet(() -> next(entry, 0, GENESIS));
  }

  /**
   * The record that appends {@code entry} after the record numbered {@code lastSequence} (0 for an
   * empty chain) whose hash is {@code lastHash}.
   */
  public static AuditRecord next(AuditEntry entry, long lastSequence, String lastHash) {
    Objects.requireNonNull(entry, "entry");
    Require.atLeast(lastSequence, 0, "lastSequence");
    long sequence = Math.addExact(lastSequence, 1);
    return new AuditRecord(sequence, entry, lastHash, hash(sequence, entry, lastHash));
  }

  /** The hash a record with these fields must carry: SHA-256 of {@link #canonicalBytes}, hex. */
  public static String hash(long sequence, AuditEntry entry, String previousHash) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(sha256.digest(canonicalBytes(sequence, entry, previousHash)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The canonical encoding of a record's content, as described in the class comment. */
  public static byte[] canonicalBytes(long sequence, AuditEntry entry, String previousHash) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(previousHash, "previousHash");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(DOMAIN);
      out.writeLong(sequence);
      text(out, previousHash);
      text(out, entry.actor());
      text(out, entry.action().name());
      Optional<CustomerId> customer = entry.customer();
      out.writeByte(customer.isPresent() ? 1 : 0);
      if (customer.isPresent()) {
        out.writeLong(customer.get().value().getMostSignificantBits());
        out.writeLong(customer.get().value().getLeastSignificantBits());
      }
      text(out, entry.target());
      out.writeLong(entry.occurredAt().getEpochSecond());
      out.writeInt(entry.occurredAt().getNano());
      text(out, entry.reason());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * Verifies records in the order a log holds them (the chain order).
   *
   * @throws NullPointerException if {@code records} or one of them is null
   */
  public static AuditVerification verify(List<AuditRecord> records) {
    Objects.requireNonNull(records, "records");
    Verifier verifier = new Verifier();
    for (int i = 0; i < records.size(); i++) {
      int from = i + 1;
      LongPredicate appearsLater = sequence -> records.subList(from, records.size()).stream()
          .anyMatch(r -> r.sequence() == sequence);
      if (verifier.accept(records.get(i), appearsLater).isPresent()) {
        break;
      }
    }
    return verifier.result();
  }

  /**
   * A verifier fed one record at a time, for logs read in pages. A source that reads records by
   * ascending sequence (a primary key) cannot show a sequence again, so it passes {@code s -> false}
   * as the look-ahead.
   */
  public static Verifier verifier() {
    return new Verifier();
  }

  /** Checks records one by one in chain order and keeps the first break. Not thread-safe. */
  public static final class Verifier {
    private long expected = 1;
    private String previousHash = GENESIS;
    private long checked;
    private AuditVerification.Break firstBreak;

    private Verifier() {}

    /**
     * Checks the next record; after the first break, records are ignored.
     *
     * @param appearsLater whether a record with the given sequence comes later in the source: tells
     *     an entry out of place from deleted ones
     * @return the first break, once found
     */
    public Optional<AuditVerification.Break> accept(AuditRecord record, LongPredicate appearsLater) {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(appearsLater, "appearsLater");
      if (firstBreak == null) {
        firstBreak = check(record, appearsLater);
        if (firstBreak != null) {
          checked = Math.min(checked, firstBreak.sequence() - 1);
        } else {
          checked++;
          expected++;
          previousHash = record.hash();
        }
      }
      return Optional.ofNullable(firstBreak);
    }

    /** What was found so far. */
    public AuditVerification result() {
      return new AuditVerification(checked, Optional.ofNullable(firstBreak));
    }

    private AuditVerification.Break check(AuditRecord record, LongPredicate appearsLater) {
      long sequence = record.sequence();
      if (sequence != expected) {
        if (appearsLater.test(expected)) {
          return new AuditVerification.Break(expected, AuditVerification.Kind.REORDERED, "entry " + expected
              + " is out of place: entry " + sequence + " stands where it belongs, and it comes later");
        }
        if (sequence > expected) {
          String missing = sequence - 1 == expected ? "entry " + expected : "entries " + expected + ".." + (sequence - 1);
          return new AuditVerification.Break(expected, AuditVerification.Kind.DELETED, missing
              + " missing: entry " + sequence + " follows " + (expected == 1 ? "the start of the chain" : "entry "
              + (expected - 1)));
        }
        return new AuditVerification.Break(expected, AuditVerification.Kind.REORDERED, "entry " + sequence
            + " appears again at position " + expected + ", after entry " + (expected - 1));
      }
      if (!hash(sequence, record.entry(), record.previousHash()).equals(record.hash())) {
        return new AuditVerification.Break(sequence, AuditVerification.Kind.MODIFIED, "entry " + sequence
            + " does not match its hash: its content, sequence or link was changed");
      }
      if (!record.previousHash().equals(previousHash)) {
        return expected == 1
            ? new AuditVerification.Break(1, AuditVerification.Kind.MODIFIED,
                "entry 1 does not start from the genesis hash: it was changed and re-hashed")
            : new AuditVerification.Break(expected - 1, AuditVerification.Kind.MODIFIED, "entry " + (expected - 1)
                + " was changed and re-hashed: entry " + sequence + " links to a different hash");
      }
      return null;
    }
  }
}
