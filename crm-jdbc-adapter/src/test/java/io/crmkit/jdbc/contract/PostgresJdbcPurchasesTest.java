package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Purchases;
import io.crmkit.testkit.contract.PurchasesContract;

/** The JDBC adapter keeps the {@link Purchases} contract on Postgres. */
class PostgresJdbcPurchasesTest extends PurchasesContract {
  @Override
  protected Purchases newPurchases() {
    return ContractStores.emptyPostgres().purchases();
  }
}
