package io.crmkit.jdbc.contract;

import io.crmkit.core.customer.Customers;
import io.crmkit.testkit.contract.CustomersContract;

/** The JDBC adapter keeps the {@link Customers} contract on Postgres. */
class PostgresJdbcCustomersTest extends CustomersContract {
  @Override
  protected Customers newCustomers() {
    return ContractStores.emptyPostgres().customers();
  }
}
