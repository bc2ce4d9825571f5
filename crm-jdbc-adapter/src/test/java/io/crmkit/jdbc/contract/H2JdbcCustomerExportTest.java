package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.CustomerExportContract;

/** The access and portability export keeps the contract on H2. */
class H2JdbcCustomerExportTest extends CustomerExportContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyH2();
  }

  @Override
  protected StoreExtension<PrivacyStore> privacy() {
    return JdbcPrivacy.extension();
  }

  @Override
  protected StoreExtension<LifecycleStore> lifecycle() {
    return JdbcLifecycle.extension();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return JdbcDedup.extension();
  }

  @Override
  protected StoreExtension<MetricStore> metrics() {
    return JdbcMetrics.extension();
  }
}
