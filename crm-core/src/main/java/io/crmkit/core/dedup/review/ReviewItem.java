package io.crmkit.core.dedup.review;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.ScoredPair;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pair waiting for a person's decision. The ids are kept in one order (the smaller first,
 * whichever order they are given in), so a pair has one form.
 *
 * @param leftId the smaller record id
 * @param rightId the larger record id
 * @param probability the match probability the model gave, in [0, 1]
 * @param explanation each compared field's agreement level and weight, as scored
 * @param queuedAt when it was queued
 */
public record ReviewItem(String leftId, String rightId, double probability, List<FieldScore> explanation,
    Instant queuedAt) {

  /** @throws IllegalArgumentException if an id is blank, too long or not printable, the ids are equal, or the probability is outside [0, 1] */
  public ReviewItem {
    PairIds.check(leftId, "leftId");
    PairIds.check(rightId, "rightId");
    if (!PairIds.ordered(leftId, rightId)) {
      String smaller = rightId;
      rightId = leftId;
      leftId = smaller;
    }
    Require.inRange(probability, 0, 1, "probability");
    explanation = List.copyOf(explanation);
    Objects.requireNonNull(queuedAt, "queuedAt");
    if (probability == 0) {
      probability = 0.0;
    }
  }

  /** The pair as a matcher scored it, queued at {@code queuedAt}. */
  public static ReviewItem of(ScoredPair pair, Instant queuedAt) {
    Objects.requireNonNull(pair, "pair");
    return new ReviewItem(pair.leftId(), pair.rightId(), pair.probability(), pair.fields(), queuedAt);
  }
}
