package io.crmkit.io.backup;

import io.crmkit.core.customer.Customer;
import io.crmkit.io.CrmStores;
import java.util.Iterator;

/**
 * Writes customers back with their ids, versions and timestamps. Customers never updated (version
 * 0) go in batches through {@code CustomerBatches.insertAll}; a later version through
 * {@code MergeWrites.restore}, which stores a snapshot one version above the one it is given, so
 * it is handed the customer one version lower.
 */
final class CustomerRestore {
  private CustomerRestore() {}

  static void restore(CrmStores stores, Iterator<Customer> customers) {
    Sections.chunked(customers, chunk -> {
      var fresh = chunk.stream().filter(c -> c.version() == 0).toList();
      if (!fresh.isEmpty()) {
        stores.base().customerBatches().insertAll(fresh);
      }
      chunk.stream().filter(c -> c.version() > 0)
          .forEach(c -> stores.dedup().mergeWrites().restore(c.withVersion(c.version() - 1)));
    });
  }
}
