package io.crmkit.privacy.consent;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may we contact this customer for this purpose on this channel at this instant?",
 * with the reason: which ledger record decided, or why none could. Show {@link #explanation()} to
 * the person who asked, keep {@link #decidedBy()} as the proof.
 *
 * @param customer who would be contacted
 * @param purpose what for
 * @param channel how
 * @param at when
 * @param outcome why the answer is what it is
 * @param decidedBy the record that decided: present for {@link Outcome#GRANTED} and {@link
 *     Outcome#WITHDRAWN}, empty otherwise
 */
public record ContactDecision(CustomerId customer, Purpose purpose, ContactChannel channel, Instant at,
    Outcome outcome, Optional<ConsentRecord> decidedBy) {

  /** Why a contact is allowed or not. */
  public enum Outcome {
    /** Allowed: the purpose covers the channel and its deciding record grants it. */
    GRANTED,
    /** Not allowed: the deciding record withdraws the purpose. */
    WITHDRAWN,
    /** Not allowed: the ledger has no record of the purpose at or before the instant (opt-in). */
    NO_CONSENT,
    /** Not allowed: a consent to the purpose does not cover the channel, whatever the ledger says. */
    CHANNEL_NOT_COVERED
  }

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code decidedBy} does not fit the outcome, customer and purpose
   */
  public ContactDecision {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedBy, "decidedBy");
    boolean needsRecord = outcome == Outcome.GRANTED || outcome == Outcome.WITHDRAWN;
    Require.argument(decidedBy.isPresent() == needsRecord, "outcome %s %s", outcome,
        needsRecord ? "needs a deciding record" : "has no deciding record");
    decidedBy.ifPresent(record -> {
      ConsentEntry entry = record.entry();
      Require.argument(entry.customer().equals(customer) && entry.purpose().equals(purpose),
          "record %s is not about %s of %s", record.sequence(), purpose, customer);
      Require.argument(entry.grants() == (outcome == Outcome.GRANTED), "record %s says %s, not %s",
          record.sequence(), entry.status(), outcome);
      Require.argument(!entry.occurredAt().isAfter(at), "record %s took effect after %s", record.sequence(), at);
    });
  }

  /** Whether the customer may be contacted. */
  public boolean allowed() {
    return outcome == Outcome.GRANTED;
  }

  /**
   * One sentence saying why, naming the deciding record by sequence, source and evidence reference
   * (not the actor, who may be a person).
   */
  public String explanation() {
    return switch (outcome) {
      case CHANNEL_NOT_COVERED -> "No: consent to " + purpose + " does not cover contact by " + channel + ".";
      case NO_CONSENT -> "No: the ledger has no consent to " + purpose + " at " + at + " (consent is opt-in).";
      case GRANTED, WITHDRAWN -> {
        ConsentRecord record = decidedBy.orElseThrow();
        ConsentEntry entry = record.entry();
        yield (allowed() ? "Yes" : "No") + ": " + purpose + " " + entry.status().name().toLowerCase(Locale.ROOT)
            + " at " + entry.occurredAt() + " via " + entry.source() + " (evidence " + entry.evidence() + ", record "
            + record.sequence() + ").";
      }
    };
  }
}
