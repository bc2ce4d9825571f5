package io.crmkit.core.dimension.review;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerDetails;
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
  /** The longest {@link #schemeId()}. */
  int MAX_SCHEME_ID_LENGTH = 128;
  /** The longest {@link #code()} or {@link #parent()}: a code a customer can hold. */
  int MAX_CODE_LENGTH = CustomerDetails.MAX_CODE_LENGTH;
  /** The longest {@link #requestedBy()}. */
  int MAX_REQUESTED_BY_LENGTH = 128;
  /** The longest {@link #note()}. */
  int MAX_NOTE_LENGTH = 1000;

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
    decision().ifPresent(d -> Require.state(!d.decidedAt().isBefore(requestedAt()),
        "request %s is decided at %s, before it was made at %s", id(), d.decidedAt(), requestedAt()));
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
    public Decision {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(decidedBy, "decidedBy");
      Objects.requireNonNull(decidedAt, "decidedAt");
      Objects.requireNonNull(reason, "reason");
      Require.argument(!decidedBy.isBlank(), "a decision needs a reviewer");
      Require.argument(outcome == Outcome.APPROVED || reason.filter(r -> !r.isBlank()).isPresent(),
          "a rejection needs a reason");
    }

    /** An approval, with an optional reason. */
    public static Decision approved(String decidedBy, Instant decidedAt, String reason) {
      return new Decision(Outcome.APPROVED, decidedBy, decidedAt, Optional.ofNullable(reason).filter(r -> !r.isBlank()));
    }

    /** A rejection with its reason. */
    public static Decision rejected(String decidedBy, Instant decidedAt, String reason) {
      return new Decision(Outcome.REJECTED, decidedBy, decidedAt, Optional.ofNullable(reason));
    }
  }
}
