package io.crmkit.core.customer;

import io.crmkit.core.common.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The check of a batch's external references against those stored customers hold ({@link
 * CustomerBatches#holders}), shared by every batch write that must refuse a reference held by
 * another customer (the importer, {@code Crm.updateAll}).
 */
public final class ReferenceHolders {
  private ReferenceHolders() {}

  /** Every external reference of {@code customers}, to look up in one go. */
  public static List<ExternalReference> referencesOf(Collection<Customer> customers) {
    List<ExternalReference> references = new ArrayList<>();
    customers.forEach(customer -> references.addAll(customer.externalReferences()));
    return references;
  }

  /** A violation for each reference of {@code customer} that another stored customer holds. */
  public static List<Violation> heldByOthers(Customer customer, Map<ExternalReference, CustomerId> held) {
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
