package io.crmkit.core.dedup.review;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's decision on a pair: the same customer or different ones. Ids are kept in one order
 * (the smaller first), as in {@link ReviewItem}.
 *
 * @param leftId the smaller record id
 * @param rightId the larger record id
 * @param verdict same or different
 * @param decidedBy who decided: 1 to {@value #MAX_ACTOR_LENGTH} characters
 * @param decidedAt when
 */
public record ReviewDecision(String leftId, String rightId, Verdict verdict, String decidedBy, Instant decidedAt) {
  /** The longest name of who decided. */
  public static final int MAX_ACTOR_LENGTH = 128;

  /** What a person decided about a pair. */
  public enum Verdict {
    /** One customer: merge them. */
    SAME,
    /** Two customers: keep them apart, and never ask again. */
    DIFFERENT
  }

  /** @throws IllegalArgumentException if an id or the actor is blank, too long or not printable, or the ids are equal */
  public ReviewDecision {
    PairIds.check(leftId, "leftId");
    PairIds.check(rightId, "rightId");
    if (!PairIds.ordered(leftId, rightId)) {
      String smaller = rightId;
      rightId = leftId;
      leftId = smaller;
    }
    Objects.requireNonNull(verdict, "verdict");
    Require.notBlank(decidedBy, "decidedBy");
    Require.argument(decidedBy.length() <= MAX_ACTOR_LENGTH, "decidedBy must be at most %s characters, got %s",
        MAX_ACTOR_LENGTH, decidedBy.length());
    Objects.requireNonNull(decidedAt, "decidedAt");
  }
}
