package io.crmkit.core.customer;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order of a query result: keys in priority order, then always by id, so that paging is
 * stable. Customers without a value for a key come after those with one, in either direction.
 *
 * @param keys the sort keys, most significant first
 */
public record Sort(List<Key> keys) {
  private static final Sort BY_ID = new Sort(List.of());

  public Sort {
    keys = List.copyOf(keys);
  }

  /** Order by id only. */
  public static Sort byId() {
    return BY_ID;
  }

  public static Sort ascending(CustomerField<?> field) {
    return new Sort(List.of(new Key(field, Direction.ASCENDING)));
  }

  public static Sort descending(CustomerField<?> field) {
    return new Sort(List.of(new Key(field, Direction.DESCENDING)));
  }

  /** This order, then by {@code field} ascending. */
  public Sort thenAscending(CustomerField<?> field) {
    return then(new Key(field, Direction.ASCENDING));
  }

  /** This order, then by {@code field} descending. */
  public Sort thenDescending(CustomerField<?> field) {
    return then(new Key(field, Direction.DESCENDING));
  }

  private Sort then(Key key) {
    List<Key> all = new ArrayList<>(keys);
    all.add(key);
    return new Sort(all);
  }

  public enum Direction {
    ASCENDING,
    DESCENDING
  }

  /**
   * One sort key.
   *
   * @param field an ordered field (see {@link CustomerField#ordered()})
   * @param direction ascending or descending
   */
  public record Key(CustomerField<?> field, Direction direction) {
    public Key {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(direction, "direction");
      Require.argument(field.ordered(), "%s has no order to sort by", field);
    }
  }
}
