package io.crmkit.core.dimension.review;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A final decision on a {@link CodeRequest}: who decided what, when and why.
 *
 * @param outcome approved or rejected
 * @param decidedBy the reviewer, as the host system names users
 * @param decidedAt when
 * @param reason why; required for a rejection
 */
public record CodeDecision(Outcome outcome, String decidedBy, Instant decidedAt, Optional<String> reason) {
  /** The longest reviewer name. */
  public static final int MAX_DECIDED_BY_LENGTH = 128;
  /** The longest reason. */
  public static final int MAX_REASON_LENGTH = 1000;

  /** What was decided. */
  public enum Outcome {
    APPROVED,
    REJECTED
  }

  /** @throws IllegalArgumentException if a rejection has no reason or the reviewer is blank */
  public CodeDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(reason, "reason");
    Require.argument(!decidedBy.isBlank(), "a decision needs a reviewer");
    Require.argument(outcome == Outcome.APPROVED || reason.filter(r -> !r.isBlank()).isPresent(),
        "a rejection needs a reason");
  }

  /** An approval, with an optional reason. */
  public static CodeDecision approved(String decidedBy, Instant decidedAt, String reason) {
    return new CodeDecision(Outcome.APPROVED, decidedBy, decidedAt, Optional.ofNullable(reason).filter(r -> !r.isBlank()));
  }

  /** A rejection with its reason. */
  public static CodeDecision rejected(String decidedBy, Instant decidedAt, String reason) {
    return new CodeDecision(Outcome.REJECTED, decidedBy, decidedAt, Optional.ofNullable(reason));
  }
}
