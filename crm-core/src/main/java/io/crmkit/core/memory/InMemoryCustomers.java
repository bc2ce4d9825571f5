package io.crmkit.core.memory;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Sort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Customers} in memory. Writes are serialised (so the version check and the
 * external-reference index stay consistent); reads never block.
 */
final class InMemoryCustomers implements Customers {
  private final Map<CustomerId, Customer> byId = new ConcurrentHashMap<>();
  private final Map<ExternalReference, CustomerId> byReference = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;
  /** The attached metric store's values, or null until the metrics capability is attached. */
  private volatile CriteriaEvaluator.MetricLookup metrics;

  InMemoryCustomers(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  /** Lets criteria read computed metrics: called once, when the metrics capability is attached. */
  void useMetrics(CriteriaEvaluator.MetricLookup lookup) {
    this.metrics = Objects.requireNonNull(lookup, "lookup");
  }

  /**
   * A test of {@code criteria} on one customer, with the attached metrics.
   *
   * @throws Criteria.MetricsUnavailableException if {@code criteria} tests a metric and the
   *     capability is not attached
   */
  private java.util.function.Predicate<Customer> matcher(Criteria criteria) {
    CriteriaEvaluator.MetricLookup lookup = metrics;
    if (lookup == null) {
      if (CriteriaEvaluator.usesMetrics(criteria)) {
        throw new Criteria.MetricsUnavailableException("this InMemoryCrmStore");
      }
      return customer -> CriteriaEvaluator.matches(criteria, customer);
    }
    return customer -> CriteriaEvaluator.matches(criteria, customer, lookup);
  }

  @Override
  public Customer save(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    return transactions.inTransaction(() -> {
      Customer previous = byId.get(customer.id());
      Customer stored = write(customer);
      transactions.onRollback(() -> restore(stored, previous));
      return stored;
    });
  }

  private synchronized Customer write(Customer customer) {
    Customer current = byId.get(customer.id());
    long expected = customer.version();
    if (expected == 0 && current != null) {
      throw new ConcurrentUpdateException("Customer", customer.id().toString(), 0,
          "but it already exists with version " + current.version());
    }
    if (expected > 0 && (current == null || current.version() != expected)) {
      throw new ConcurrentUpdateException("Customer", customer.id().toString(), expected,
          current == null ? "but it does not exist" : "found " + current.version());
    }
    for (ExternalReference reference : customer.externalReferences()) {
      CustomerId holder = byReference.get(reference);
      if (holder != null && !holder.equals(customer.id())) {
        throw new DuplicateKeyException(reference.toString(),
            "External reference " + reference + " already belongs to customer " + holder);
      }
    }
    Customer stored = customer.withVersion(expected + 1);
    // Index first, record second, dropped references last: a concurrent reader never finds a
    // gap for a reference the customer keeps.
    stored.externalReferences().forEach(reference -> byReference.put(reference, stored.id()));
    byId.put(stored.id(), stored);
    if (current != null) {
      current.externalReferences().stream()
          .filter(reference -> !stored.externalReferences().contains(reference))
          .forEach(reference -> byReference.remove(reference, stored.id()));
    }
    return stored;
  }

  /** Puts back {@code previous} (or nothing) where {@code stored} was written. */
  private synchronized void restore(Customer stored, Customer previous) {
    if (previous == null) {
      byId.remove(stored.id());
    } else {
      previous.externalReferences().forEach(reference -> byReference.put(reference, previous.id()));
      byId.put(previous.id(), previous);
    }
    stored.externalReferences().stream()
        .filter(reference -> previous == null || !previous.externalReferences().contains(reference))
        .forEach(reference -> byReference.remove(reference, stored.id()));
  }

  /**
   * Deletes the customer if it is stored at {@code expected}'s version (dedup's {@code
   * MergeWrites.remove}); a rollback puts it back.
   */
  void remove(Customer expected) {
    Objects.requireNonNull(expected, "expected");
    transactions.inTransaction(() -> {
      Customer removed = delete(expected);
      transactions.onRollback(() -> restore(expected, removed));
      return null;
    });
  }

  private synchronized Customer delete(Customer expected) {
    Customer current = byId.get(expected.id());
    if (current == null || current.version() != expected.version()) {
      throw new ConcurrentUpdateException("Customer", expected.id().toString(), expected.version(),
          current == null ? "but it does not exist" : "found " + current.version());
    }
    byId.remove(current.id());
    current.externalReferences().forEach(reference -> byReference.remove(reference, current.id()));
    return current;
  }

  /**
   * Inserts {@code snapshot} as it is, at one version above its own (dedup's {@code
   * MergeWrites.restore}); a rollback removes it again.
   */
  Customer reinsert(Customer snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return transactions.inTransaction(() -> {
      Customer stored = insertAt(snapshot);
      transactions.onRollback(() -> restore(stored, null));
      return stored;
    });
  }

  private synchronized Customer insertAt(Customer snapshot) {
    Customer stored = write(snapshot.withVersion(0)).withVersion(snapshot.version() + 1);
    byId.put(stored.id(), stored);
    return stored;
  }

  @Override
  public Optional<Customer> findById(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Customer> findByExternalReference(ExternalReference reference) {
    Objects.requireNonNull(reference, "reference");
    CustomerId id = byReference.get(reference);
    // The index may be a moment ahead of or behind a concurrent write: trust only the record.
    return Optional.ofNullable(id == null ? null : byId.get(id))
        .filter(customer -> customer.externalReferences().contains(reference));
  }

  @Override
  public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
    List<Customer> window = byId.values().stream()
        .filter(matcher(criteria))
        .sorted(CriteriaEvaluator.comparator(sort))
        .skip(page.offset())
        .limit(page.limit() + 1L)
        .collect(Collectors.toList());
    boolean hasNext = window.size() > page.limit();
    return new Page<>(hasNext ? window.subList(0, page.limit()) : window, page, hasNext);
  }

  @Override
  public long count(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    return byId.values().stream().filter(matcher(criteria)).count();
  }

  @Override
  public Stream<Customer> stream(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    return byId.values().stream()
        .filter(matcher(criteria))
        .sorted(CriteriaEvaluator.comparator(Sort.byId()));
  }
}
