package io.crmkit.privacy.consent;

import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.ConsentChanged;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The consent ledger of a {@link PrivacyStore}: records consent decisions and answers from them.
 * Recording a decision is one transaction of the store that appends it to {@link Consents}, writes
 * a {@link AuditAction#CONSENT_CHANGE} audit entry and publishes a {@link ConsentChanged} event
 * (so on JDBC it reaches the outbox; a store that cannot carry {@code PrivacyEvent.FAMILY} rolls
 * the whole change back). State is derived, never stored: the record that decides a purpose at an
 * instant is the last, by the instant the customer decided and then by sequence, at or before it.
 *
 * <pre>{@code
 * ConsentLedger consents = ConsentLedger.builder().store(privacy).clock(clock).build();
 * consents.record(ConsentEntry.granted(id, Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, "signup-form-v3",
 *     clock.instant(), "web"));
 * consents.mayContact(id, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).allowed();   // true
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ConsentLedger {
  private final PrivacyStore store;
  private final Clock clock;
  private final IdGenerator ids;
  private final ContactRules rules;

  private ConsentLedger(Builder builder) {
    this.store = Objects.requireNonNull(builder.store, "store");
    this.clock = builder.clock;
    this.ids = builder.ids;
    this.rules = builder.rules;
  }

  /** A builder; only the store is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records {@code entry}, its audit entry (actor, {@code consent.<purpose>}, now by the clock) and
   * its {@link ConsentChanged} event in one transaction of the store (joining the caller's).
   *
   * @return the record as stored
   * @throws NullPointerException if {@code entry} is null
   * @throws IllegalArgumentException if the store's event publisher cannot carry the privacy events
   *     (nothing is recorded then)
   */
  public ConsentRecord record(ConsentEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return store.base().transactions().inTransaction(() -> {
      ConsentRecord record = store.consents().append(entry);
      store.auditLog().append(AuditEntry.about(entry.customer(), entry.actor(), AuditAction.CONSENT_CHANGE,
          "consent." + entry.purpose().name(), clock.instant(), reason(record)));
      store.base().events().publish(new ConsentChanged(ids.newId(), entry.occurredAt(), entry.customer(),
          entry.purpose(), entry.status(), entry.source()));
      return record;
    });
  }

  /** Every record of {@code customer}, in append order. */
  public List<ConsentRecord> history(CustomerId customer) {
    return store.consents().history(Objects.requireNonNull(customer, "customer"));
  }

  /** The consent of {@code customer} now, by the clock. */
  public ConsentState stateOf(CustomerId customer) {
    return stateOf(customer, clock.instant());
  }

  /** The consent of {@code customer} as of {@code at}, derived from its whole history. */
  public ConsentState stateOf(CustomerId customer, Instant at) {
    return ConsentState.of(customer, history(customer), Objects.requireNonNull(at, "at"));
  }

  /** Whether {@code customer} may be contacted for {@code purpose} on {@code channel} now, and why. */
  public ContactDecision mayContact(CustomerId customer, Purpose purpose, ContactChannel channel) {
    return mayContact(customer, purpose, channel, clock.instant());
  }

  /**
   * Whether {@code customer} may be contacted for {@code purpose} on {@code channel} at {@code at},
   * and why: only if the purpose covers the channel (see {@link ContactRules}) and the record
   * deciding the purpose then grants it.
   *
   * @throws NullPointerException if an argument is null
   */
  public ContactDecision mayContact(CustomerId customer, Purpose purpose, ContactChannel channel, Instant at) {
    return mayContact(List.of(Objects.requireNonNull(customer, "customer")), purpose, channel, at).get(customer);
  }

  /**
   * {@link #mayContact(CustomerId, Purpose, ContactChannel, Instant)} for many customers, for a
   * campaign: the ledger is read in bulk (nothing is read if the purpose does not cover the channel).
   *
   * @return a decision per distinct customer, in the order of {@code customers}
   * @throws NullPointerException if an argument or customer id is null
   */
  public Map<CustomerId, ContactDecision> mayContact(Collection<CustomerId> customers, Purpose purpose,
      ContactChannel channel, Instant at) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    customers.forEach(id -> Objects.requireNonNull(id, "customer id"));
    Map<CustomerId, ConsentRecord> deciding = rules.covers(purpose, channel)
        ? store.consents().deciding(customers, purpose, at) : Map.of();
    Map<CustomerId, ContactDecision> decisions = new LinkedHashMap<>();
    for (CustomerId customer : customers) {
      decisions.computeIfAbsent(customer, id -> rules.decide(id, purpose, channel, at,
          Optional.ofNullable(deciding.get(id))));
    }
    return decisions;
  }

  /** The audit reason: what was decided, how and when; the evidence is a reference, not personal data. */
  private static String reason(ConsentRecord record) {
    ConsentEntry entry = record.entry();
    return entry.status().name().toLowerCase(Locale.ROOT) + " via " + entry.source() + " at "
        + entry.occurredAt() + ", evidence " + entry.evidence() + ", ledger record " + record.sequence();
  }

  /** Builds a {@link ConsentLedger}. */
  public static final class Builder {
    private PrivacyStore store;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.timeOrdered();
    private ContactRules rules = ContactRules.defaults();

    private Builder() {}

    /** The privacy store whose consents, audit log and base store's events the ledger uses. Required. */
    public Builder store(PrivacyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** What "now" is, for {@code mayContact} without an instant and for audit entries; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Event ids; default time-ordered UUIDs. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** Which purposes cover which channels; default {@link ContactRules#defaults()}. */
    public Builder rules(ContactRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * @throws NullPointerException if no store was given
     */
    public ConsentLedger build() {
      return new ConsentLedger(this);
    }
  }
}
