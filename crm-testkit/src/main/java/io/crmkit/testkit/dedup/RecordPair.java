package io.crmkit.testkit.dedup;

import io.crmkit.core.common.Require;

/**
 * Two different records, in one canonical order ({@code first} sorts before {@code second}), so
 * that a pair found as (b, a) equals the pair (a, b), as {@code ScoredPair} orders its ids.
 */
public record RecordPair(String first, String second) {

  /**
   * @throws NullPointerException if an id is {@code null}
   * @throws IllegalArgumentException if the ids are not in order or are the same
   */
  public RecordPair {
    Require.notNull(first, "first");
    Require.notNull(second, "second");
    Require.argument(first.compareTo(second) < 0, "a record pair needs two ids in order, got %s and %s", first,
        second);
  }

  /**
   * The pair of two record ids in either order.
   *
   * @throws IllegalArgumentException if the ids are the same
   */
  public static RecordPair of(String oneId, String otherId) {
    Require.notNull(oneId, "oneId");
    Require.notNull(otherId, "otherId");
    return oneId.compareTo(otherId) <= 0 ? new RecordPair(oneId, otherId) : new RecordPair(otherId, oneId);
  }
}
