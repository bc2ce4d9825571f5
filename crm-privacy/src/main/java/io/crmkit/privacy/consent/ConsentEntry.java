package io.crmkit.privacy.consent;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * One consent decision of one customer for one purpose, as written to the ledger. The ledger only
 * grows: a change of mind is a new entry, so the history shows what was true when. Nothing here is
 * personal data beyond the customer's id: the evidence is a reference to where the proof is kept,
 * never the proof.
 *
 * @param customer whose decision it is
 * @param purpose what it is about
 * @param status granted or withdrawn
 * @param source where it was captured
 * @param evidence a reference to the proof (a document id, a form version, a call recording's id),
 *     1-{@value #MAX_EVIDENCE_LENGTH} characters, not personal data
 * @param occurredAt when the customer decided (which may be before it is recorded, as for an import
 *     of old paper forms), between years 1 and 9999
 * @param actor who recorded it: a user or system name, 1-{@value #MAX_ACTOR_LENGTH} characters
 */
public record ConsentEntry(CustomerId customer, Purpose purpose, ConsentStatus status, ConsentSource source,
    String evidence, Instant occurredAt, String actor) {
  /** The longest evidence reference, in characters. */
  public static final int MAX_EVIDENCE_LENGTH = 200;
  /** The longest actor name, in characters. */
  public static final int MAX_ACTOR_LENGTH = 128;
  /** The first instant an entry may carry. */
  public static final Instant MIN_OCCURRED_AT = Instant.parse("0001-01-01T00:00:00Z");
  /** The last instant an entry may carry. */
  public static final Instant MAX_OCCURRED_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is blank or too long, or the instant out of range
   */
  public ConsentEntry {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    checkText(evidence, "evidence", MAX_EVIDENCE_LENGTH);
    Objects.requireNonNull(occurredAt, "occurredAt");
    Require.argument(!occurredAt.isBefore(MIN_OCCURRED_AT) && !occurredAt.isAfter(MAX_OCCURRED_AT),
        "occurredAt must be within years 1..9999, got %s", occurredAt);
    checkText(actor, "actor", MAX_ACTOR_LENGTH);
  }

  /** A grant of {@code purpose}; see the constructor. */
  public static ConsentEntry granted(CustomerId customer, Purpose purpose, ConsentSource source, String evidence,
      Instant occurredAt, String actor) {
    return new ConsentEntry(customer, purpose, ConsentStatus.GRANTED, source, evidence, occurredAt, actor);
  }

  /** A withdrawal of {@code purpose}; see the constructor. */
  public static ConsentEntry withdrawn(CustomerId customer, Purpose purpose, ConsentSource source, String evidence,
      Instant occurredAt, String actor) {
    return new ConsentEntry(customer, purpose, ConsentStatus.WITHDRAWN, source, evidence, occurredAt, actor);
  }

  /** Whether this entry grants its purpose. */
  public boolean grants() {
    return status == ConsentStatus.GRANTED;
  }

  private static void checkText(String value, String name, int maxLength) {
    Require.notBlank(value, name);
    Require.argument(value.length() <= maxLength, "%s must have at most %s characters, got %s", name, maxLength,
        value.length());
  }
}
