package io.crmkit.core.dimension.code;

import io.crmkit.core.common.CrmException;

/**
 * A sequence has no number left: the next one would not fit the code format's sequence width (or
 * a {@code long}). Widen the sequence in a new format or split the key (for example by adding a
 * segment).
 */
public class SequenceExhaustedException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final long limit;

  /**
   * @param key the exhausted sequence's key
   * @param limit the largest number the sequence may reach
   */
  public SequenceExhaustedException(String key, long limit) {
    super("sequence '" + key + "' is exhausted: its numbers may not exceed " + limit);
    this.key = key;
    this.limit = limit;
  }

  /** The exhausted sequence's key. */
  public String key() {
    return key;
  }

  /** The largest number the sequence may reach. */
  public long limit() {
    return limit;
  }
}
