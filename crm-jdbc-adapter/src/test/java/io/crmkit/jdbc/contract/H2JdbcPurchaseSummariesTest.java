package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Purchases;
import io.crmkit.testkit.contract.PurchaseSummariesContract;

/** The JDBC adapter keeps the purchase summaries contract on H2. */
class H2JdbcPurchaseSummariesTest extends PurchaseSummariesContract {
  @Override
  protected Purchases newPurchases() {
    return ContractStores.emptyH2().purchases();
  }
}
