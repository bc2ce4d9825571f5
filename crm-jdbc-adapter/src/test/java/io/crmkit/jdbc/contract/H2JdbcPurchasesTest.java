package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Purchases;
import io.crmkit.testkit.contract.PurchasesContract;

/** The JDBC adapter keeps the {@link Purchases} contract on H2. */
class H2JdbcPurchasesTest extends PurchasesContract {
  @Override
  protected Purchases newPurchases() {
    return ContractStores.emptyH2().purchases();
  }
}
