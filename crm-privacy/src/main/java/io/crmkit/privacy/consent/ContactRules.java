package io.crmkit.privacy.consent;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which consent purposes cover contacting a customer on which channel, so that a consent to
 * marketing e-mail never licenses an SMS. The {@link #defaults()}: {@link Purpose#MARKETING_EMAIL}
 * covers {@link ContactChannel#EMAIL}, {@link Purpose#MARKETING_SMS} covers {@link
 * ContactChannel#SMS} and {@link Purpose#MARKETING_PHONE} covers {@link ContactChannel#PHONE}; a
 * purpose not named here (profiling, sharing) covers no channel. Immutable.
 */
public final class ContactRules {
  private static final ContactRules DEFAULTS = new ContactRules(Map.of(
      Purpose.MARKETING_EMAIL, Set.of(ContactChannel.EMAIL),
      Purpose.MARKETING_SMS, Set.of(ContactChannel.SMS),
      Purpose.MARKETING_PHONE, Set.of(ContactChannel.PHONE)));

  private final Map<Purpose, Set<ContactChannel>> channels;

  private ContactRules(Map<Purpose, Set<ContactChannel>> channels) {
    this.channels = channels;
  }

  /** The rules for crmkit's own contact purposes; see the class comment. */
  public static ContactRules defaults() {
    return DEFAULTS;
  }

  /**
   * These rules with {@code purpose} covering exactly {@code first} and {@code more} (a host's own
   * purpose, or a changed one: {@code defaults().with(Purpose.MARKETING_SMS, SMS, MESSENGER)}).
   *
   * @throws NullPointerException if an argument is null
   */
  public ContactRules with(Purpose purpose, ContactChannel first, ContactChannel... more) {
    Objects.requireNonNull(purpose, "purpose");
    Set<ContactChannel> covered = EnumSet.of(Objects.requireNonNull(first, "first"), more);
    Map<Purpose, Set<ContactChannel>> next = new HashMap<>(channels);
    next.put(purpose, Collections.unmodifiableSet(covered));
    return new ContactRules(Map.copyOf(next));
  }

  /** The channels {@code purpose} covers; empty if it covers none. */
  public Set<ContactChannel> channelsOf(Purpose purpose) {
    return channels.getOrDefault(Objects.requireNonNull(purpose, "purpose"), Set.of());
  }

  /** Whether a consent to {@code purpose} covers contacting on {@code channel}. */
  public boolean covers(Purpose purpose, ContactChannel channel) {
    return channelsOf(purpose).contains(Objects.requireNonNull(channel, "channel"));
  }

  /**
   * Decides whether {@code customer} may be contacted for {@code purpose} on {@code channel} at
   * {@code at}, given the record deciding the purpose then (empty if the ledger has none): only if
   * the purpose covers the channel and that record grants it.
   *
   * @throws NullPointerException if an argument is null
   */
  public ContactDecision decide(CustomerId customer, Purpose purpose, ContactChannel channel, Instant at,
      Optional<ConsentRecord> decidedBy) {
    Objects.requireNonNull(decidedBy, "decidedBy");
    if (!covers(purpose, channel)) {
      return new ContactDecision(customer, purpose, channel, at, ContactDecision.Outcome.CHANNEL_NOT_COVERED,
          Optional.empty());
    }
    ContactDecision.Outcome outcome = decidedBy.map(r -> r.entry().grants() ? ContactDecision.Outcome.GRANTED
        : ContactDecision.Outcome.WITHDRAWN).orElse(ContactDecision.Outcome.NO_CONSENT);
    return new ContactDecision(customer, purpose, channel, at, outcome, decidedBy);
  }

  @Override
  public String toString() {
    return "ContactRules" + channels;
  }
}
