package io.crmkit.privacy.consent;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer's consent as of one instant, derived from the ledger: for each purpose, the record
 * that decides it (the last in {@link ConsentRecord#EFFECT_ORDER} among those at or before the
 * instant). A purpose without such a record is not consented to: consent is opt-in.
 *
 * @param customer whose state it is
 * @param at the instant it holds for
 * @param deciding per purpose with at least one record at or before {@code at}, that record
 */
public record ConsentState(CustomerId customer, Instant at, Map<Purpose, ConsentRecord> deciding) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a record is of another customer or purpose than its key, or
   *     took effect after {@code at}
   */
  public ConsentState {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
    deciding = Map.copyOf(deciding);
    deciding.forEach((purpose, record) -> {
      if (!record.entry().customer().equals(customer) || !record.entry().purpose().equals(purpose)
          || record.entry().occurredAt().isAfter(at)) {
        throw new IllegalArgumentException("record " + record.sequence() + " cannot decide " + purpose + " of "
            + customer + " at " + at);
      }
    });
  }

  /**
   * Derives the state of {@code customer} at {@code at} from its ledger records, in any order.
   *
   * @throws NullPointerException if an argument or record is null
   * @throws IllegalArgumentException if a record belongs to another customer
   */
  public static ConsentState of(CustomerId customer, Collection<ConsentRecord> ledger, Instant at) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(at, "at");
    Map<Purpose, ConsentRecord> deciding = new HashMap<>();
    for (ConsentRecord record : ledger) {
      if (!record.entry().customer().equals(customer)) {
        throw new IllegalArgumentException("record " + record.sequence() + " is of customer "
            + record.entry().customer() + ", not of " + customer);
      }
      if (!record.entry().occurredAt().isAfter(at)) {
        deciding.merge(record.entry().purpose(), record, (kept, next) -> next.supersedes(kept) ? next : kept);
      }
    }
    return new ConsentState(customer, at, deciding);
  }

  /**
   * The record deciding {@code purpose} at {@code at} among {@code records} (of one customer, in any
   * order): the last in {@link ConsentRecord#EFFECT_ORDER} of those for the purpose at or before it.
   */
  public static Optional<ConsentRecord> decidingRecord(Collection<ConsentRecord> records, Purpose purpose,
      Instant at) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
    return records.stream()
        .filter(r -> r.entry().purpose().equals(purpose) && !r.entry().occurredAt().isAfter(at))
        .max(ConsentRecord.EFFECT_ORDER);
  }

  /** The record deciding {@code purpose}, if the ledger has one at or before {@link #at()}. */
  public Optional<ConsentRecord> decidedBy(Purpose purpose) {
    return Optional.ofNullable(deciding.get(Objects.requireNonNull(purpose, "purpose")));
  }

  /** Whether {@code purpose} is granted: its deciding record grants it (no record: not granted). */
  public boolean isGranted(Purpose purpose) {
    return decidedBy(purpose).map(r -> r.entry().grants()).orElse(false);
  }

  /** The purposes granted at {@link #at()}. */
  public Set<Purpose> granted() {
    return deciding.entrySet().stream().filter(e -> e.getValue().entry().grants()).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }
}
