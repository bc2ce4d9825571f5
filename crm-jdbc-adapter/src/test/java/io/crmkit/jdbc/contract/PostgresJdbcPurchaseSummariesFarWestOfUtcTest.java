package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Purchases;
import io.crmkit.testkit.contract.PurchaseSummariesContract;

/**
 * The purchase summaries contract on PostgreSQL with sessions in UTC-11, where every UTC morning is
 * still the day before: occasions are still UTC days.
 */
class PostgresJdbcPurchaseSummariesFarWestOfUtcTest extends PurchaseSummariesContract {
  @Override
  protected Purchases newPurchases() {
    return SessionTimeZoneStores.emptyPostgres("Pacific/Pago_Pago").purchases();
  }
}
