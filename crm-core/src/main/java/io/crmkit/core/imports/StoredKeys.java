package io.crmkit.core.imports;

import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The check of a batch's external references against the ones stored customers hold. */
final class StoredKeys {
  private StoredKeys() {}

  /** Every external reference of {@code customers}, to look up in one go. */
  static List<ExternalReference> referencesOf(Collection<Customer> customers) {
    List<ExternalReference> references = new ArrayList<>();
    customers.forEach(customer -> references.addAll(customer.externalReferences()));
    return references;
  }

  /** A violation for each reference of {@code customer} that another stored customer holds. */
  static List<Violation> heldByOthers(Customer customer, Map<ExternalReference, CustomerId> held) {
    List<Violation> problems = new ArrayList<>();
    for (ExternalReference reference : customer.externalReferences()) {
      CustomerId holder = held.get(reference);
      if (holder != null && !holder.equals(customer.id())) {
        problems.add(new Violation("externalReferences", "UniqueReference",
            "external reference " + reference + " already belongs to customer " + holder));
      }
    }
    return problems;
  }
}
