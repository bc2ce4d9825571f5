package io.crmkit.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
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
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.testkit.CrmArbitraries;
import io.crmkit.testkit.contract.ErasureContract;
import java.util.Set;
import net.jqwik.api.Example;

/**
 * Erasure on the JDBC adapter: the erasure contract on a database, checked by a scan of every
 * table too, and the erasure's event in the outbox. Subclasses name the database.
 */
abstract class JdbcErasureBehaviour extends ErasureContract {
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

  @Override
  protected StoreExtension<PrivacyStore> privacy() {
    return JdbcPrivacy.extension();
  }

  @Example
  void anErasureReachesTheOutboxAsCustomerErasedNamingOnlyTheId() {
    CrmStore store = newStore();
    // A name that no other text of the tables can contain by chance (a sampled one may be "a").
    Customer person = CrmArbitraries.customers().filter(c -> c.kind() == CustomerKind.PERSON).sample();
    Customer customer = store.customers().save(new Customer.Builder().from(person)
        .displayName("Erasable " + java.util.UUID.randomUUID()).build());

    Eraser.builder().privacy(store.attach(privacy())).build().erase(customer.id(), "dpo", "erasure request");

    assertThat(TableText.of(ContractStores.dataSource(store)))
        .contains("CustomerErased", customer.id().toString())
        .doesNotContain(customer.displayName());
  }

  @Override
  protected String storedText(CrmStore store, Set<CustomerId> customers) {
    return super.storedText(store, customers) + TableText.of(ContractStores.dataSource(store));
  }
}
