package io.crmkit.privacy.audit;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audited act: who did what, to which customer or subject, when and why. An entry names
 * things and never holds personal data values (a target is {@code "customer.phone"}, never the
 * phone number), so the log can be kept, shown and exported after the customer's erasure.
 *
 * @param actor who acted: a user or system name as the host's security context gives it
 * @param action what kind of act it was
 * @param customer the customer acted on, if the act concerns one
 * @param target what was acted on, by name: fields, an export, a segment ({@code
 *     "customer.phone,customer.email"}, {@code "export:segment VIP"})
 * @param occurredAt when it happened, between years 1 and 9999 (what databases store)
 * @param reason why: the purpose or ticket the act served
 */
public record AuditEntry(String actor, AuditAction action, Optional<CustomerId> customer, String target,
    Instant occurredAt, String reason) {
  /** The longest actor name, in characters. */
  public static final int MAX_ACTOR_LENGTH = 128;
  /** The longest target description, in characters. */
  public static final int MAX_TARGET_LENGTH = 200;
  /** The longest reason, in characters. */
  public static final int MAX_REASON_LENGTH = 500;
  /** The first instant an entry may carry. */
  public static final Instant MIN_OCCURRED_AT = Instant.parse("0001-01-01T00:00:00Z");
  /** The last instant an entry may carry. */
  public static final Instant MAX_OCCURRED_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is blank or too long, or the instant out of range
   */
  public AuditEntry {
    checkText(actor, "actor", MAX_ACTOR_LENGTH);
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(customer, "customer");
    checkText(target, "target", MAX_TARGET_LENGTH);
    Objects.requireNonNull(occurredAt, "occurredAt");
    Require.argument(!occurredAt.isBefore(MIN_OCCURRED_AT) && !occurredAt.isAfter(MAX_OCCURRED_AT),
        "occurredAt must be within years 1..9999, got %s", occurredAt);
    checkText(reason, "reason", MAX_REASON_LENGTH);
  }

  /** An act on one customer. */
  public static AuditEntry about(CustomerId customer, String actor, AuditAction action, String target,
      Instant occurredAt, String reason) {
    return new AuditEntry(actor, action, Optional.of(Objects.requireNonNull(customer, "customer")), target,
        occurredAt, reason);
  }

  /** An act that concerns no single customer (a bulk export, a change of roles). */
  public static AuditEntry general(String actor, AuditAction action, String target, Instant occurredAt,
      String reason) {
    return new AuditEntry(actor, action, Optional.empty(), target, occurredAt, reason);
  }

  private static void checkText(String value, String name, int maxLength) {
    Require.notBlank(value, name);
    Require.argument(value.length() <= maxLength, "%s must have at most %s characters, got %s", name, maxLength,
        value.length());
  }
}
