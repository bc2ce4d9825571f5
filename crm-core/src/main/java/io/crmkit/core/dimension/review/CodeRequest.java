package io.crmkit.core.dimension.review;

import io.crmkit.core.dimension.Labels;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A request for a new code in a scheme, pending until decided. Decided requests are never
 * changed or removed: together they are the record of every decision.
 */
@Value.Immutable
public interface CodeRequest {

  /** Where a request comes from. */
  enum Origin {
    /** A user asked for the code. */
    USER,
    /** The code was met in data (an import, a classification) but the scheme does not know it. */
    UNKNOWN_CODE
  }

  /** Where a request stands. */
  enum Status {
    PENDING,
    APPROVED,
    REJECTED
  }

  CodeRequestId id();

  /** The scheme the code is requested for; it need not be a registered scheme. */
  String schemeId();

  /** The requested code (without check character, as definitions give codes). */
  String code();

  Labels labels();

  /** The parent code, if the requester named one. */
  Optional<String> parent();

  Origin origin();

  /** Who asked (a user, or the process that met the code). */
  String requestedBy();

  Instant requestedAt();

  /** Why the code is needed, or where it was met. */
  Optional<String> note();

  /** The decision, once there is one. */
  Optional<Decision> decision();

  /** Pending until decided, then approved or rejected. */
  default Status status() {
    return decision().map(d -> d.outcome() == Decision.Outcome.APPROVED ? Status.APPROVED : Status.REJECTED)
        .orElse(Status.PENDING);
  }

  CodeRequest withDecision(Decision decision);

  /** A decision cannot be older than its request. */
  @Value.Check
  default void checkDecisionFollowsRequest() {
    decision().ifPresent(d -> {
      if (d.decidedAt().isBefore(requestedAt())) {
        throw new IllegalStateException("request " + id() + " is decided at " + d.decidedAt()
            + ", before it was made at " + requestedAt());
      }
    });
  }

  class Builder extends ImmutableCodeRequest.Builder {}

  /**
   * A final decision on a {@link CodeRequest}: who decided what, when and why.
   *
   * @param outcome approved or rejected
   * @param decidedBy the reviewer, as the host system names users
   * @param decidedAt when
   * @param reason why; required for a rejection
   */
  record Decision(Outcome outcome, String decidedBy, Instant decidedAt, Optional<String> reason) {

    /** What was decided. */
    public enum Outcome {
      APPROVED,
      REJECTED
    }

    /** @throws IllegalArgumentException if a rejection has no reason or the reviewer is blank */
    public Decision {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(decidedBy, "decidedBy");
      Objects.requireNonNull(decidedAt, "decidedAt");
      Objects.requireNonNull(reason, "reason");
      if (decidedBy.isBlank()) {
        throw new IllegalArgumentException("a decision needs a reviewer");
      }
      if (outcome == Outcome.REJECTED && reason.filter(r -> !r.isBlank()).isEmpty()) {
        throw new IllegalArgumentException("a rejection needs a reason");
      }
    }

    /** An approval, with an optional reason. */
    public static Decision approved(String decidedBy, Instant decidedAt, String reason) {
      return new Decision(Outcome.APPROVED, decidedBy, decidedAt,
          Optional.ofNullable(reason).filter(r -> !r.isBlank()));
    }

    /** A rejection with its reason. */
    public static Decision rejected(String decidedBy, Instant decidedAt, String reason) {
      return new Decision(Outcome.REJECTED, decidedBy, decidedAt, Optional.ofNullable(reason));
    }
  }
}
