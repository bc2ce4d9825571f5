package io.crmkit.privacy.memory;

import io.crmkit.core.memory.InMemoryTransactions;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.privacy.crypto.KeyPurpose;
import io.crmkit.privacy.crypto.ProtectionKey;
import io.crmkit.privacy.crypto.ProtectionKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ProtectionKeys} in memory: one record per field, purpose and key id. Writes run in the
 * store's transactions and put the former record back on rollback.
 */
final class InMemoryProtectionKeys implements ProtectionKeys {
  private record Id(ProtectedField field, KeyPurpose purpose, int keyId) {}

  private final Map<Id, ProtectionKey> keys = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryProtectionKeys(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public ProtectionKey recordAdded(ProtectedField field, KeyPurpose purpose, int keyId, Instant at) {
    ProtectionKey added = ProtectionKey.created(field, purpose, keyId, false, at);
    return transactions.inTransaction(() -> {
      ProtectionKey known = keys.get(id(added));
      return known != null ? known : put(added);
    });
  }

  @Override
  public ProtectionKey recordPrimary(ProtectedField field, KeyPurpose purpose, int keyId, Instant at) {
    ProtectionKey created = ProtectionKey.created(field, purpose, keyId, true, at);
    return transactions.inTransaction(() -> {
      ProtectionKey known = keys.get(id(created));
      if (known != null && known.primary()) {
        return known;
      }
      ProtectionKey promoted = known == null ? created : known.asPrimary();
      primary(field, purpose).ifPresent(former -> put(former.rotatedAway(at)));
      return put(promoted);
    });
  }

  @Override
  public ProtectionKey recordRetired(ProtectedField field, KeyPurpose purpose, int keyId, Instant at) {
    Objects.requireNonNull(at, "at");
    Id id = new Id(Objects.requireNonNull(field, "field"), Objects.requireNonNull(purpose, "purpose"), keyId);
    return transactions.inTransaction(() -> {
      ProtectionKey known = keys.get(id);
      if (known == null) {
        throw new IllegalArgumentException("no key " + keyId + " is recorded for " + field + "/" + purpose);
      }
      ProtectionKey retired = known.retired(at);
      return retired == known ? known : put(retired);
    });
  }

  @Override
  public List<ProtectionKey> keys(ProtectedField field, KeyPurpose purpose) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(purpose, "purpose");
    return keys.values().stream().filter(k -> k.field() == field && k.purpose() == purpose).sorted(ProtectionKey.ORDER).toList();
  }

  @Override
  public Optional<ProtectionKey> primary(ProtectedField field, KeyPurpose purpose) {
    return keys(field, purpose).stream().filter(ProtectionKey::primary).findFirst();
  }

  @Override
  public List<ProtectionKey> all() {
    return keys.values().stream().sorted(ProtectionKey.ORDER).toList();
  }

  /** Stores {@code key} in place of its former record, which a rollback puts back. */
  private ProtectionKey put(ProtectionKey key) {
    Id id = id(key);
    ProtectionKey former = keys.put(id, key);
    transactions.onRollback(() -> {
      if (former == null) {
        keys.remove(id);
      } else {
        keys.put(id, former);
      }
    });
    return key;
  }

  private static Id id(ProtectionKey key) {
    return new Id(key.field(), key.purpose(), key.keyId());
  }
}
