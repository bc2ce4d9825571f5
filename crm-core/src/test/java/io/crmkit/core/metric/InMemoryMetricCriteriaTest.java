package io.crmkit.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryMetricCriteriaTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static Customer save(InMemoryCrmStore store, long id) {
    return store.customers().save(new Customer.Builder().from(NewCustomer.organisation("Org " + id).build())
        .id(CustomerId.of(new UUID(0, id))).version(0).createdAt(T0).updatedAt(T0).build());
  }

  @Test
  void aStoreWithoutTheMetricsCapabilityRefusesMetricCriteriaEvenWhenEmpty() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    Criteria clv = Criteria.not(Criteria.metric("clv").greaterThan(500));

    assertThatThrownBy(() -> store.customers().count(clv)).isInstanceOf(Criteria.MetricsUnavailableException.class)
        .hasMessageContaining("InMemoryExtensions.metrics()");
    assertThatThrownBy(() -> store.customers().find(clv, Sort.byId(), PageRequest.first(10)))
        .isInstanceOf(Criteria.MetricsUnavailableException.class);
    assertThat(store.customers().count(Criteria.all())).isZero();
  }

  @Test
  void onceAttachedQueriesSeeTheMetricsAndARollbackTakesThemAway() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    Customer big = save(store, 1);
    Customer small = save(store, 2);
    CustomerMetrics metrics = store.attach(InMemoryExtensions.metrics()).customerMetrics();
    metrics.recordAll(List.of(CustomerMetric.number(big.id(), "clv", 900, T0),
        CustomerMetric.number(small.id(), "clv", 100, T0)));

    assertThat(store.customers().find(Criteria.metric("clv").greaterThan(500), Sort.byId(), PageRequest.first(10))
        .items()).extracting(Customer::id).containsExactly(big.id());
    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      metrics.record(CustomerMetric.number(small.id(), "clv", 1000, T0));
      assertThat(store.customers().count(Criteria.metric("clv").greaterThan(500))).isEqualTo(2);
      throw new IllegalStateException("abort");
    })).hasMessage("abort");
    assertThat(store.customers().count(Criteria.metric("clv").greaterThan(500))).isEqualTo(1);
    assertThat(store.attach(InMemoryExtensions.metrics()).customerMetrics()).isSameAs(metrics);
  }
}
