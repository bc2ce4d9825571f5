package io.crmkit.testkit.contract;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything a customer store holds, as seen through its port: every customer in id order and
 * the holder of each of their external references. Two equal snapshots taken around a rejected
 * write prove that nothing was written.
 *
 * @param customers every stored customer, in id order
 * @param holders the customer each stored reference leads to, as {@code findByExternalReference} says
 */
record Snapshot(List<Customer> customers, Map<ExternalReference, Optional<CustomerId>> holders) {

  static Snapshot of(Customers store) {
    List<Customer> customers;
    try (Stream<Customer> all = store.stream(Criteria.all())) {
      customers = all.toList();
    }
    Map<ExternalReference, Optional<CustomerId>> holders = new LinkedHashMap<>();
    for (Customer customer : customers) {
      for (ExternalReference reference : customer.externalReferences()) {
        holders.put(reference, store.findByExternalReference(reference).map(Customer::id));
      }
    }
    return new Snapshot(customers, holders);
  }
}
