package io.crmkit.core.dimension.code;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.Require;
import java.util.Map;
import java.util.Objects;

/**
 * Port: numbered sequences, one per key (a {@link CodeFormat} uses its id and the code's prefix as
 * key, so each customer type and province counts on its own). Adapters must pass
 * {@code CodeSequencesContract} from crm-testkit.
 *
 * <p><b>Guarantees.</b> For each key the numbers start at 1 and each allocation gets the next
 * ones: never a number twice, never a gap among allocations that were not rolled back, even when
 * many threads or processes allocate at once. Every operation is atomic.
 *
 * <p><b>For a database adapter.</b> One row per key, {@code (sequence_key, last_value)}. {@code
 * nextBlock} inserts the row if absent, then increments {@code last_value} by {@code count} and
 * returns the new value minus {@code count - 1}, in one statement or under a row lock, inside the
 * caller's transaction (so a rolled-back transaction gives its numbers back and committed numbers
 * stay gap-free). Database sequence objects are not suitable: they leave gaps.
 *
 * <p>Every method may also throw {@link CrmStorageException} when the storage fails.
 */
public interface CodeSequences {

  /** The longest key, in characters. */
  int MAX_KEY_LENGTH = 200;

  /**
   * The next number of {@code key}: 1 the first time, then one more each time.
   *
   * @throws IllegalArgumentException if the key is blank, longer than {@link #MAX_KEY_LENGTH} or
   *     has control characters
   * @throws SequenceExhaustedException if the sequence would pass {@link Long#MAX_VALUE}
   */
  default long next(String key) {
    return nextBlock(key, 1);
  }

  /**
   * Reserves {@code count} consecutive numbers of {@code key} and returns the first; the block
   * is {@code first .. first + count - 1}, shared with no other allocation.
   *
   * @throws IllegalArgumentException if the key is invalid (see {@link #next}) or {@code count < 1}
   * @throws SequenceExhaustedException if the sequence would pass {@link Long#MAX_VALUE}
   */
  long nextBlock(String key, int count);

  /**
   * The last number handed out for {@code key}, 0 if none.
   *
   * @throws IllegalArgumentException if the key is invalid (see {@link #next})
   */
  long current(String key);

  /**
   * The last number drawn of every key drawn from (a key never drawn from is absent): what a
   * backup copies, so that a restored store never gives out a number twice. The default refuses,
   * so an adapter written before this method keeps compiling; crmkit's adapters override it.
   *
   * @throws UnsupportedOperationException if the adapter cannot list its keys
   */
  default Map<String, Long> all() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list its sequences,"
        + " so it cannot be backed up; override CodeSequences.all");
  }

  /**
   * Returns {@code key} if adapters accept it.
   *
   * @throws IllegalArgumentException if it is blank, longer than {@link #MAX_KEY_LENGTH} or has
   *     control characters
   */
  static String requireValidKey(String key) {
    Objects.requireNonNull(key, "key");
    Require.argument(!key.isBlank() && key.length() <= MAX_KEY_LENGTH,
        "a sequence key has 1 to %s characters and is not blank", MAX_KEY_LENGTH);
    for (int i = 0; i < key.length(); i++) {
      Require.argument(!Character.isISOControl(key.charAt(i)), "a sequence key must not contain control characters");
    }
    return key;
  }

  /**
   * Returns {@code count} if it is a valid block size.
   *
   * @throws IllegalArgumentException if {@code count < 1}
   */
  static int requireValidCount(int count) {
    Require.atLeast(count, 1, "count");
    return count;
  }

  /**
   * A sequence has no number left: the next one would not fit the code format's sequence width (or
   * a {@code long}). Widen the sequence in a new format or split the key (for example by adding a
   * segment).
   */
  class SequenceExhaustedException extends CrmException {
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
}
