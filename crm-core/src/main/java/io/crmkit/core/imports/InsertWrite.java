package io.crmkit.core.imports;

import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.ReferenceHolders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit of work of an insert: checks the screened customers against the store (an id that
 * exists, a reference another customer holds), writes the others and announces them.
 */
final class InsertWrite {
  private final CustomerBatches batches;
  private final Announcer announcer;

  InsertWrite(CustomerBatches batches, Announcer announcer) {
    this.batches = batches;
    this.announcer = announcer;
  }

  CustomerImporter.Report run(RowScreen.Screened<Customer> screened) {
    Rejections rejected = screened.rejected().copy();
    List<Customer> candidates = screened.accepted().stream().map(Row::value).toList();
    Set<CustomerId> existing = batches.existingIds(candidates.stream().map(Customer::id).toList());
    Map<ExternalReference, CustomerId> held = batches.holders(ReferenceHolders.referencesOf(candidates));
    List<Customer> accepted = new ArrayList<>(candidates.size());
    for (Row<Customer> row : screened.accepted()) {
      Customer customer = row.value();
      List<Violation> problems = new ArrayList<>();
      if (existing.contains(customer.id())) {
        problems.add(new Violation("id", "NewCustomer", "a customer with id " + customer.id() + " already exists"));
      }
      problems.addAll(ReferenceHolders.heldByOthers(customer, held));
      if (problems.isEmpty()) {
        accepted.add(customer);
      } else {
        rejected.add(row, problems);
      }
    }
    batches.insertAll(accepted);
    announcer.registered(accepted);
    return new CustomerImporter.Report(accepted.size(), 0, 0, rejected.inRowOrder());
  }
}
