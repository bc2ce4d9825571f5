package io.crmkit.privacy.memory;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.memory.InMemoryTransactions;
import io.crmkit.privacy.pseudonym.PseudonymKey;
import io.crmkit.privacy.pseudonym.PseudonymKeys;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link PseudonymKeys} in memory: a sorted map by name. Writes run in the store's transactions
 * (its write lock) and register their undo, so a rollback takes a new key or a retirement back.
 */
final class InMemoryPseudonymKeys implements PseudonymKeys {
  private final ConcurrentSkipListMap<String, PseudonymKey> keys = new ConcurrentSkipListMap<>();
  private final InMemoryTransactions transactions;

  InMemoryPseudonymKeys(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(PseudonymKey key) {
    Require.notNull(key, "key");
    transactions.inTransaction(() -> {
      if (keys.putIfAbsent(key.name(), key) != null) {
        throw new DuplicateKeyException(key.name(), "a pseudonymisation key named " + key.name() + " exists");
      }
      transactions.onRollback(() -> keys.remove(key.name()));
      return null;
    });
  }

  @Override
  public Optional<PseudonymKey> find(String name) {
    return Optional.ofNullable(keys.get(PseudonymKey.checkName(name)));
  }

  @Override
  public List<PseudonymKey> all() {
    return List.copyOf(keys.values());
  }

  @Override
  public PseudonymKey retire(String name, Instant at) {
    PseudonymKey.checkName(name);
    Require.notNull(at, "at");
    return transactions.inTransaction(() -> {
      PseudonymKey stored = keys.get(name);
      if (stored == null) {
        throw new NoSuchElementException("no pseudonymisation key named " + name);
      }
      if (stored.retired()) {
        return stored;
      }
      PseudonymKey retired = stored.retire(at);
      keys.put(name, retired);
      transactions.onRollback(() -> keys.put(name, stored));
      return retired;
    });
  }
}
