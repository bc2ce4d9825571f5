package io.crmkit.testkit.memory;

import io.crmkit.core.customer.Customers;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.CustomersContract;

/**
 * The in-memory adapter, crmkit's embedded default, keeps the {@link Customers} contract. This
 * test lives outside the contract's package, as users' tests do.
 */
class InMemoryCustomersTest extends CustomersContract {
  @Override
  protected Customers newCustomers() {
    return InMemoryCrmStore.create().customers();
  }
}
