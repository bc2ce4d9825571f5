package io.crmkit.privacy.memory;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryTransactions;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.ConsentState;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.consent.Purpose;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Consents} in memory: each customer's records in append order. Appends run in the store's
 * transactions, which hold its write lock, so sequences increase in append order; a rollback
 * removes the appended record again (the sequence it took stays unused, as in a database).
 */
final class InMemoryConsents implements Consents {
  private final Map<CustomerId, List<ConsentRecord>> ledgers = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;
  private long lastSequence;

  InMemoryConsents(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public ConsentRecord append(ConsentEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return transactions.inTransaction(() -> {
      ConsentRecord record = new ConsentRecord(++lastSequence, entry);
      List<ConsentRecord> ledger = ledgers.computeIfAbsent(entry.customer(), id -> new CopyOnWriteArrayList<>());
      ledger.add(record);
      transactions.onRollback(() -> ledger.remove(record));
      return record;
    });
  }

  @Override
  public List<ConsentRecord> history(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return List.copyOf(ledgers.getOrDefault(customer, List.of()));
  }

  @Override
  public Map<CustomerId, ConsentRecord> deciding(Collection<CustomerId> customers, Purpose purpose, Instant at) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
    Map<CustomerId, ConsentRecord> found = new HashMap<>();
    for (CustomerId customer : customers) {
      ConsentState.decidingRecord(history(Objects.requireNonNull(customer, "customer id")), purpose, at)
          .ifPresent(record -> found.put(customer, record));
    }
    return found;
  }
}
