package io.crmkit.privacy.memory;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryTransactions;
import io.crmkit.privacy.audit.AuditChain;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.audit.AuditVerification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * {@link AuditLog} in memory: the chain is a list in append order. Appends run in the store's
 * transactions, which hold its write lock, so concurrent appends are serialised into one chain; a
 * rollback removes the appended record again (nothing can follow it before the lock is released).
 */
final class InMemoryAuditLog implements AuditLog {
  private final List<AuditRecord> chain = new CopyOnWriteArrayList<>();
  private final InMemoryTransactions transactions;

  InMemoryAuditLog(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public AuditRecord append(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return transactions.inTransaction(() -> {
      AuditRecord record = AuditChain.next(entry, head());
      chain.add(record);
      transactions.onRollback(() -> chain.remove(chain.size() - 1));
      return record;
    });
  }

  @Override
  public Optional<AuditRecord> head() {
    List<AuditRecord> snapshot = List.copyOf(chain);
    return snapshot.isEmpty() ? Optional.empty() : Optional.of(snapshot.get(snapshot.size() - 1));
  }

  @Override
  public List<AuditRecord> forCustomer(CustomerId customer, TimeRange range) {
    Objects.requireNonNull(customer, "customer");
    return select(range, r -> r.entry().customer().filter(customer::equals).isPresent());
  }

  @Override
  public List<AuditRecord> inRange(TimeRange range) {
    return select(range, r -> true);
  }

  @Override
  public AuditVerification verify() {
    return AuditChain.verify(List.copyOf(chain));
  }

  private List<AuditRecord> select(TimeRange range, Predicate<AuditRecord> filter) {
    Objects.requireNonNull(range, "range");
    return chain.stream().filter(r -> range.contains(r.entry().occurredAt())).filter(filter).toList();
  }
}
