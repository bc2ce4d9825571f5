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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        throw taken(reference, holder);
      }
    }
    Customer stored = customer.withVersion(expected + 1);
    index(stored, current);
    return stored;
  }

  /**
   * Saves changed customers as one write, for {@code CustomerBatches.updateAll}: each of {@code
   * changed} is stored one version above its own if its customer is stored at the version in
   * {@code readAt} (the version its first copy of the batch was read at), and is left out
   * otherwise. References are checked against the batch's end state, so a customer may take a
   * reference another customer of the batch gives up, in any order. A rollback undoes it all.
   *
   * @param changed at most one copy per customer, each at version 1 or more
   * @return the ids written
   * @throws DuplicateKeyException if a reference would end with two customers; nothing is written
   */
  Set<CustomerId> saveAll(Map<CustomerId, Long> readAt, List<Customer> changed) {
    return transactions.inTransaction(() -> {
      List<Customer[]> written = writeAll(readAt, changed);
      written.forEach(storedAndPrevious -> transactions.onRollback(() ->
          restore(storedAndPrevious[0], storedAndPrevious[1])));
      Set<CustomerId> ids = new HashSet<>();
      written.forEach(storedAndPrevious -> ids.add(storedAndPrevious[0].id()));
      return ids;
    });
  }

  /** The writes of {@link #saveAll}, each as its stored customer and the one it replaced. */
  private synchronized List<Customer[]> writeAll(Map<CustomerId, Long> readAt, List<Customer> changed) {
    Map<CustomerId, Customer> writes = new LinkedHashMap<>();
    for (Customer customer : changed) {
      Customer current = byId.get(customer.id());
      if (current != null && current.version() == readAt.get(customer.id())) {
        writes.put(customer.id(), customer);
      }
    }
    Map<ExternalReference, CustomerId> claimed = new HashMap<>();
    for (Customer write : writes.values()) {
      for (ExternalReference reference : write.externalReferences()) {
        CustomerId other = claimed.put(reference, write.id());
        CustomerId holder = other != null ? other : byReference.get(reference);
        boolean keptByHolder = holder != null && !holder.equals(write.id())
            && (!writes.containsKey(holder) || writes.get(holder).externalReferences().contains(reference));
        if (keptByHolder) {
          throw taken(reference, holder);
        }
      }
    }
    List<Customer[]> done = new ArrayList<>(writes.size());
    for (Customer write : writes.values()) {
      Customer stored = write.withVersion(write.version() + 1);
      Customer previous = byId.get(write.id());
      index(stored, previous);
      done.add(new Customer[] {stored, previous});
    }
    return done;
  }

  /**
   * Stores {@code stored} in place of {@code current}: index first, record second, dropped
   * references last, so a concurrent reader never finds a gap for a reference the customer keeps.
   */
  private void index(Customer stored, Customer current) {
    stored.externalReferences().forEach(reference -> byReference.put(reference, stored.id()));
    byId.put(stored.id(), stored);
    if (current != null) {
      current.externalReferences().stream()
          .filter(reference -> !stored.externalReferences().contains(reference))
          .forEach(reference -> byReference.remove(reference, stored.id()));
    }
  }

  private static DuplicateKeyException taken(ExternalReference reference, CustomerId holder) {
    return new DuplicateKeyException(reference.toString(),
        "External reference " + reference + " already belongs to customer " + holder);
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
