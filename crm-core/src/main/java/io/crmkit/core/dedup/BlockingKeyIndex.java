package io.crmkit.core.dedup;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Port: the blocking keys of stored customers, persisted and indexed, so that an incoming record is
 * compared only with the customers that share one of its keys ("do we already know this
 * customer?") instead of with every customer. Adapters must pass {@code BlockingKeyIndexContract}
 * from crm-testkit.
 *
 * <p>A key is opaque text made by a blocking rule (for example {@code phone:+8613800138000}), 1 to
 * {@value #MAX_KEY_LENGTH} characters. A customer's keys are replaced as a whole whenever its
 * record changes, so no stale key outlives the value it was made from. Every method may also throw
 * {@link CrmStorageException}.
 *
 * <p>A JDBC adapter stores one row per customer and key, primary key {@code (customer_id, key)},
 * with an index on {@code (key, customer_id)} for {@link #find}.
 */
public interface BlockingKeyIndex {

  /** The longest key kept. */
  int MAX_KEY_LENGTH = 200;

  /**
   * Makes {@code keys} the customer's only keys; an empty set removes the customer from the index.
   *
   * @throws IllegalArgumentException if a key is blank or longer than {@value #MAX_KEY_LENGTH}
   *     characters; nothing is written
   */
  void replace(CustomerId customerId, Set<String> keys);

  /** The customer's keys; empty if it has none. */
  Set<String> keysOf(CustomerId customerId);

  /**
   * The keys of each customer, as {@link #keysOf(CustomerId)} gives them: every id asked for is in
   * the map, with an empty set if it has none. The default asks for one customer after the other;
   * adapters read many at once.
   */
  default Map<CustomerId, Set<String>> keysOf(Collection<CustomerId> customerIds) {
    Map<CustomerId, Set<String>> keys = new LinkedHashMap<>();
    for (CustomerId id : customerIds) {
      keys.computeIfAbsent(Objects.requireNonNull(id, "customerId"), this::keysOf);
    }
    return keys;
  }

  /**
   * {@link #replace} of each customer's keys, in the caller's transaction. The default checks every
   * key, then replaces one customer's keys after the other; adapters write many at once.
   *
   * @throws IllegalArgumentException if a key is blank or too long; nothing is written
   */
  default void replaceAll(Map<CustomerId, Set<String>> keys) {
    keys.values().forEach(listed -> listed.forEach(BlockingKeyIndex::checkKey));
    keys.forEach(this::replace);
  }

  /**
   * Every customer that has at least one of {@code keys}, with the keys of {@code keys} it has: the
   * candidates an incoming record with these keys is compared with.
   */
  Map<CustomerId, Set<String>> find(Collection<String> keys);

  /**
   * Checks one key.
   *
   * @throws IllegalArgumentException if it is blank or too long
   */
  static String checkKey(String key) {
    if (key == null) {
      throw new NullPointerException("blocking key must not be null");
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a blocking key must be 1-" + MAX_KEY_LENGTH + " characters and not blank, got '" + key + "'");
    }
    return key;
  }
}
