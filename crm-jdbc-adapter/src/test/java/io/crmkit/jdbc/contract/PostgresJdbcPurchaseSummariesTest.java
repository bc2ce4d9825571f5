package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Purchases;
import io.crmkit.testkit.contract.PurchaseSummariesContract;

/** The JDBC adapter keeps the purchase summaries contract on Postgres. */
class PostgresJdbcPurchaseSummariesTest extends PurchaseSummariesContract {
  @Override
  protected Purchases newPurchases() {
    return ContractStores.emptyPostgres().purchases();
  }
}
