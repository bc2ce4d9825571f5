package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;

/**
 * Two record ids, smaller first, so that a pair has one form: the unit of ground truth, blocking
 * quality and evaluation.
 */
public record RecordPair(String leftId, String rightId) {

  /**
   * @throws NullPointerException if an id is null
   * @throws IllegalArgumentException if the ids are not in order or equal
   */
  public RecordPair {
    Require.notNull(leftId, "leftId");
    Require.notNull(rightId, "rightId");
    if (leftId.compareTo(rightId) >= 0) {
      throw new IllegalArgumentException("leftId must sort before rightId, got " + leftId + " and " + rightId);
    }
  }

  /**
   * The pair of two distinct ids, in either order.
   *
   * @throws IllegalArgumentException if the ids are equal
   */
  public static RecordPair of(String a, String b) {
    return a.compareTo(b) < 0 ? new RecordPair(a, b) : new RecordPair(b, a);
  }
}
