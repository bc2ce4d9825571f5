package io.crmkit.core.imports;

import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans an upsert against the stored customers its keys matched: a record no stored customer
 * matches becomes a new customer with a fresh id; a match becomes an update when some detail
 * differs, and is left alone otherwise. A match keeps its lifecycle stage, which only the
 * lifecycle engine moves (a new customer starts in the record's stage), its value tier, which only
 * a tiering writes, its creation time, and
 * gets an update time never before it. It also keeps the external references the record lacks:
 * a merged customer holds the references of the records it absorbed, and dropping them would make
 * the next import of those records insert them again. Rows whose keys one customer holds (a merged
 * one) are applied one on top of the other, at consecutive versions, which the store writes as one
 * change.
 */
final class UpsertPlanner {
  private final String system;
  private final IdGenerator ids;
  private final Instant now;

  UpsertPlanner(String system, IdGenerator ids, Instant now) {
    this.system = system;
    this.ids = ids;
    this.now = now;
  }

  /** What to write: the inserts and updates in row order, and how many rows are already up to date. */
  record Plan(List<Planned> inserts, List<Planned> updates, int unchanged) {}

  /** The reference in {@code system} a screened record is matched on (it has exactly one). */
  static ExternalReference keyOf(String system, NewCustomer record) {
    return record.externalReferences().stream().filter(reference -> reference.system().equals(system))
        .findFirst().orElseThrow(() -> new IllegalStateException("a screened record has a key in " + system));
  }

  /**
   * @param matches the stored customer holding each key, where one does
   * @param stored those customers, by id
   */
  Plan plan(List<Row<NewCustomer>> rows, Map<ExternalReference, CustomerId> matches,
      Map<CustomerId, Customer> stored) {
    List<Planned> inserts = new ArrayList<>();
    List<Planned> updates = new ArrayList<>();
    Map<CustomerId, Customer> current = new HashMap<>(stored);
    int unchanged = 0;
    for (Row<NewCustomer> row : rows) {
      CustomerId holder = matches.get(keyOf(system, row.value()));
      Customer existing = holder == null ? null : current.get(holder);
      if (existing == null) {
        inserts.add(new Planned(row, fresh(row.value()), Set.of()));
        continue;
      }
      NewCustomer incoming = new NewCustomer.Builder().from(row.value()).stage(existing.stage()).tier(existing.tier())
          .addAllExternalReferences(existing.externalReferences()).build();
      Set<String> changes = CustomerChanges.between(existing, incoming);
      if (changes.isEmpty()) {
        unchanged++;
      } else {
        Customer update = changed(existing, incoming);
        updates.add(new Planned(row, update, changes));
        // A later row of the same customer builds on this one, one version on.
        current.put(holder, new Customer.Builder().from(update).version(update.version() + 1).build());
      }
    }
    return new Plan(inserts, updates, unchanged);
  }

  private Customer fresh(NewCustomer record) {
    return new Customer.Builder().from(record).id(CustomerId.of(ids.newId())).version(0)
        .createdAt(now).updatedAt(now).build();
  }

  private Customer changed(Customer existing, NewCustomer incoming) {
    return new Customer.Builder().from(incoming).id(existing.id()).version(existing.version())
        .createdAt(existing.createdAt())
        .updatedAt(Customer.updateTime(existing.createdAt(), now))
        .build();
  }
}
