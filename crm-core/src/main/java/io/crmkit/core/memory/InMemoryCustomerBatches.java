package io.crmkit.core.memory;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link CustomerBatches} in memory, over the store's {@link InMemoryCustomers}: an insert is its
 * customers saved one by one inside one transaction, an update one write of them all. A unit of
 * work holds the store's write lock from start to end, so no other writer can take a key between
 * the importer's check and its write, and {@link #atomically} never needs to run the work again.
 * Memory takes whatever the model allows, so there are no storage violations.
 */
final class InMemoryCustomerBatches implements CustomerBatches {
  private final InMemoryCustomers customers;
  private final InMemoryTransactions transactions;

  InMemoryCustomerBatches(InMemoryCustomers customers, InMemoryTransactions transactions) {
    this.customers = customers;
    this.transactions = transactions;
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    return transactions.inTransaction(Objects.requireNonNull(work, "work"));
  }

  @Override
  public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
    Set<CustomerId> found = new HashSet<>();
    for (CustomerId id : ids) {
      if (customers.findById(id).isPresent()) {
        found.add(id);
      }
    }
    return found;
  }

  @Override
  public Map<ExternalReference, CustomerId> holders(Collection<ExternalReference> references) {
    Map<ExternalReference, CustomerId> found = new HashMap<>();
    for (ExternalReference reference : references) {
      customers.findByExternalReference(reference).ifPresent(holder -> found.put(reference, holder.id()));
    }
    return found;
  }

  @Override
  public Map<CustomerId, Customer> load(Collection<CustomerId> ids) {
    Map<CustomerId, Customer> found = new HashMap<>();
    for (CustomerId id : ids) {
      customers.findById(id).ifPresent(customer -> found.put(id, customer));
    }
    return found;
  }

  @Override
  public void insertAll(List<Customer> batch) {
    batch.forEach(customer -> requireVersion(customer, customer.version() == 0, "0"));
    transactions.inTransaction(() -> {
      for (Customer customer : batch) {
        try {
          customers.save(customer);
        } catch (ConcurrentUpdateException e) {
          throw new DuplicateKeyException(customer.id().toString(),
              "A customer with id " + customer.id() + " already exists");
        }
      }
      return null;
    });
  }

  /**
   * A customer's copies at consecutive versions make one write of its last copy, checked against
   * the version its first was read at; the batch is then saved as one write, so a customer may
   * take a reference another gives up in the same batch.
   */
  @Override
  public Set<CustomerId> updateAll(List<Customer> batch) {
    Map<CustomerId, Long> readAt = new HashMap<>();
    Map<CustomerId, Customer> last = new LinkedHashMap<>();
    for (Customer customer : batch) {
      requireVersion(customer, customer.version() >= 1, "1 or more");
      Customer before = last.put(customer.id(), customer);
      Require.argument(before == null || customer.version() == before.version() + 1,
          "customer %s comes at version %s after version %s; copies of one customer must be at consecutive versions",
          customer.id(), customer.version(), before == null ? null : before.version());
      readAt.putIfAbsent(customer.id(), customer.version());
    }
    return customers.saveAll(readAt, List.copyOf(last.values()));
  }

  @Override
  public List<Violation> storageViolations(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    return List.of();
  }

  private static void requireVersion(Customer customer, boolean valid, String expected) {
    Require.argument(valid, "customer %s has version %s; expected %s", customer.id(), customer.version(), expected);
  }
}
