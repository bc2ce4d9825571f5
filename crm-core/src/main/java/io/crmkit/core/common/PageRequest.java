package io.crmkit.core.common;

/**
 * Which slice of a sorted result to return: skip {@code offset} records, then return at most
 * {@code limit}. For reading millions of records, stream them instead: deep offsets get slow in
 * every database.
 *
 * @param offset records to skip, at least 0
 * @param limit records to return, from 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(long offset, int limit) {
  /** The largest page crmkit returns at once. */
  public static final int MAX_LIMIT = 10_000;

  public PageRequest {
    Require.atLeast(offset, 0, "offset");
    Require.inRange(limit, 1, MAX_LIMIT, "limit");
  }

  /** The first {@code limit} records. */
  public static PageRequest first(int limit) {
    return new PageRequest(0, limit);
  }

  /** Page number {@code index} (from 0) of pages with {@code size} records. */
  public static PageRequest of(int index, int size) {
    Require.atLeast(index, 0, "page index");
    return new PageRequest((long) index * size, size);
  }

  /** The page that follows this one. */
  public PageRequest next() {
    return new PageRequest(offset + limit, limit);
  }
}
