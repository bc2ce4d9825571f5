package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Purchases;
import io.crmkit.testkit.contract.PurchaseSummariesContract;

/**
 * The purchase summaries contract on H2 with sessions in UTC+14, where every UTC evening is
 * already the next day: occasions are still UTC days.
 */
class H2JdbcPurchaseSummariesFarEastOfUtcTest extends PurchaseSummariesContract {
  @Override
  protected Purchases newPurchases() {
    return SessionTimeZoneStores.emptyH2("Pacific/Kiritimati").purchases();
  }
}
