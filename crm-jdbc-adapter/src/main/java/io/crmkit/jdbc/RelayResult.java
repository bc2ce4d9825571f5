package io.crmkit.jdbc;

import io.crmkit.core.common.Require;
import java.util.Optional;

/**
 * What one relay run did.
 *
 * @param delivered events handed to the publisher and marked published
 * @param failure what the publisher threw, if it failed; the event it failed on and every later
 *     one stay pending for the next run
 */
public record RelayResult(int delivered, Optional<RuntimeException> failure) {
  public RelayResult {
    Require.atLeast(delivered, 0, "delivered");
    failure = failure == null ? Optional.empty() : failure;
  }

  /** Whether the publisher failed on some event. */
  public boolean failed() {
    return failure.isPresent();
  }
}
