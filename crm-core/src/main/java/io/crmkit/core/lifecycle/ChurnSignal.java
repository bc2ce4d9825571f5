package io.crmkit.core.lifecycle;

import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;
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
 * @param source which model or system produced it, such as {@code bg-nbd}; 1 to {@value #MAX_SOURCE_LENGTH}
 *     printable characters
 */
public record ChurnSignal(CustomerId customerId, double probabilityAlive, Instant measuredAt, String source) {
  /** The longest source name kept. */
  public static final int MAX_SOURCE_LENGTH = 64;

  /**
   * @throws IllegalArgumentException if the probability is not within 0..1, or the source is
   *     blank, too long or not printable
   */
  public ChurnSignal {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(measuredAt, "measuredAt");
    Objects.requireNonNull(source, "source");
    Require.inRange(probabilityAlive, 0, 1, "probabilityAlive");
    Require.argument(!source.isBlank() && source.length() <= MAX_SOURCE_LENGTH
        && PrintableText.Validator.isPrintable(source, false),
        "source must be 1-%s printable characters, got '%s'", MAX_SOURCE_LENGTH, source);
    if (probabilityAlive == 0) {
      probabilityAlive = 0.0;
    }
  }
}
