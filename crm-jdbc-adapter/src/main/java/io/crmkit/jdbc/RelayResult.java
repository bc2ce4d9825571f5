package io.crmkit.jdbc;

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
    if (delivered < 0) {
      throw new IllegalArgumentException("delivered must be >= 0, got " + delivered);
    }
    failure = failure == null ? Optional.empty() : failure;
  }

  /** Whether the publisher failed on some event. */
  public boolean failed() {
    return failure.isPresent();
  }
}
