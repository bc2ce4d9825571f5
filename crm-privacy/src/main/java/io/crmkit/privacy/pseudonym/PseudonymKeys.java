package io.crmkit.privacy.pseudonym;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the named pseudonymisation keys of one store, on its transactions (so creating a key can
 * commit with the audit entry that records it). It keeps names, dates and wrapped material; it
 * never sees key material in clear (see {@link KeyWrapper}). Adapters must pass {@code
 * PseudonymKeysContract} from crm-testkit. Every method may also throw {@code CrmStorageException}.
 */
public interface PseudonymKeys {

  /**
   * Stores a new key.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws io.crmkit.core.common.DuplicateKeyException if a key of that name exists (retired or
   *     not); nothing is written
   */
  void add(PseudonymKey key);

  /** The key named {@code name}, if any. */
  Optional<PseudonymKey> find(String name);

  /** Every key, retired ones included, by name. */
  List<PseudonymKey> all();

  /**
   * Retires the key named {@code name} at {@code at}; a key already retired keeps its first
   * retirement (retiring is idempotent).
   *
   * @return the key as now stored
   * @throws NullPointerException if an argument is null
   * @throws java.util.NoSuchElementException if there is no such key
   * @throws IllegalArgumentException if {@code at} is before the key's creation
   */
  PseudonymKey retire(String name, Instant at);
}
