package io.crmkit.jdbc.contract;

import io.crmkit.core.customer.Customers;
import io.crmkit.testkit.contract.CustomersContract;

/** The JDBC adapter keeps the {@link Customers} contract on H2. */
class H2JdbcCustomersTest extends CustomersContract {
  @Override
  protected Customers newCustomers() {
    return ContractStores.emptyH2().customers();
  }
}
