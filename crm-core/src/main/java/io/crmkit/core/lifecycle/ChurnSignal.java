package io.crmkit.core.lifecycle;

import io.crmkit.core.common.PrintableTextValidator;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * An external estimate that a customer is still active, such as P(alive) from a BG/NBD model in
 * crm-segmentation: 1 means surely still a customer, 0 surely gone.
 *
 * @param customerId whom it is about
 * @param probabilityAlive the estimate, from 0 to 1; {@code -0.0} is taken as {@code 0.0}, so that
 *     the signal equals itself after a round trip through a database that does not keep the sign
 *     of zero (H2)
 * @param measuredAt when it was computed: evaluation as of a date only sees earlier signals
 * @param source which model or system produced it, such as {@code bg-nbd}; 1-64 printable characters
 */
public record ChurnSignal(CustomerId customerId, double probabilityAlive, Instant measuredAt, String source) {

  /**
   * @throws IllegalArgumentException if the probability is not within 0..1, or the source is
   *     blank, too long or not printable
   */
  public ChurnSignal {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(measuredAt, "measuredAt");
    Objects.requireNonNull(source, "source");
    if (!(probabilityAlive >= 0 && probabilityAlive <= 1)) {
      throw new IllegalArgumentException("probabilityAlive must be within 0..1, got " + probabilityAlive);
    }
    if (source.isBlank() || source.length() > 64 || !PrintableTextValidator.isPrintable(source, false)) {
      throw new IllegalArgumentException("source must be 1-64 printable characters, got '" + source + "'");
    }
    if (probabilityAlive == 0) {
      probabilityAlive = 0.0;
    }
  }
}
