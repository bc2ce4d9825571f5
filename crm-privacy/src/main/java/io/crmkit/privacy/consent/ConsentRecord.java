package io.crmkit.privacy.consent;

import io.crmkit.core.common.Require;
import java.util.Comparator;
import java.util.Objects;

/**
 * A ledger entry as stored: the entry and its sequence number, which the store assigns in append
 * order. The sequence settles which of two entries with the same instant came last.
 *
 * @param sequence positive, increasing in append order within one store (gaps allowed)
 * @param entry the decision
 */
public record ConsentRecord(long sequence, ConsentEntry entry) {
  /**
   * The order in which records take effect: by the instant the customer decided, then by
   * sequence. The record that is last in this order, among those at or before an instant, decides.
   */
  public static final Comparator<ConsentRecord> EFFECT_ORDER =
      Comparator.comparing((ConsentRecord r) -> r.entry().occurredAt()).thenComparingLong(ConsentRecord::sequence);

  /**
   * @throws NullPointerException if {@code entry} is null
   * @throws IllegalArgumentException if {@code sequence} is not positive
   */
  public ConsentRecord {
    Require.positive(sequence, "sequence");
    Objects.requireNonNull(entry, "entry");
  }

  /** Whether this record takes effect after {@code other} (see {@link #EFFECT_ORDER}). */
  public boolean supersedes(ConsentRecord other) {
    return EFFECT_ORDER.compare(this, other) > 0;
  }
}
