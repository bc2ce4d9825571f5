package io.crmkit.jdbc.contract;

import io.crmkit.core.dimension.DimensionCodeStore;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.testkit.contract.StoreExtensionsContract;

/** The JDBC store and its extensions keep the store-extension contract on Postgres. */
class PostgresJdbcStoreExtensionsTest extends StoreExtensionsContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyPostgres();
  }

  @Override
  protected StoreExtension<LifecycleStore> lifecycle() {
    return JdbcLifecycle.extension();
  }

  @Override
  protected StoreExtension<DimensionCodeStore> dimensionCodes() {
    return JdbcDimensionCodes.extension();
  }
}
