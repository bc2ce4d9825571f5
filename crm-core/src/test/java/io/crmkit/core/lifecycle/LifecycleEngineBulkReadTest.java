package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The engine reads purchase figures through {@link Purchases#summaries}: in batch evaluation one
 * bulk read per chunk of customers and no purchase list per customer, and for one customer one
 * summary; the rules see the figures the summary holds.
 */
class LifecycleEngineBulkReadTest {
  private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final CountingPurchases purchases = new CountingPurchases();

  @Test
  void batchEvaluationReadsPurchaseFiguresOncePerChunkAndNeverCustomerByCustomer() {
    for (int i = 0; i < 2_500; i++) {
      CustomerId id = save(i, LifecycleStage.NEW);
      purchases.record(purchase(i, id, AS_OF.minus(Duration.ofDays(1 + i % 200))));
    }

    try (Stream<DueMove> changes = engine().evaluateAll(AS_OF)) {
      assertThat(changes.count()).isPositive();
    }

    assertThat(purchases.listReads).hasValue(0);
    assertThat(purchases.bulkReadSizes).containsExactly(1_000, 1_000, 500);
  }

  @Test
  void evaluatingOneCustomerReadsOneSummaryAndMovesOnItsFigures() {
    CustomerId id = save(1, LifecycleStage.NEW);
    purchases.record(purchase(1, id, AS_OF.minus(Duration.ofDays(10))));
    purchases.record(purchase(2, id, AS_OF.minus(Duration.ofDays(10)).plusSeconds(60)));

    List<DueMove> changes = engine().evaluate(id, AS_OF);

    assertThat(purchases.listReads).hasValue(0);
    assertThat(purchases.bulkReadSizes).containsExactly(1);
    // One occasion (two lines on one day), begun after the customer entered NEW: a repeat purchase.
    assertThat(changes).extracting(DueMove::to).containsExactly(LifecycleStage.ACTIVE);
    assertThat(changes.get(0).at()).isEqualTo(AS_OF.minus(Duration.ofDays(10)));
  }

  @Test
  void anAdapterThatLeavesACustomerOutOfItsSummariesIsReportedByName() {
    CustomerId id = save(1, LifecycleStage.NEW);
    Purchases forgetful = new ForwardingPurchases() {
      @Override
      public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
        return Map.of();
      }
    };
    LifecycleEngine engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).purchases(forgetful).build();

    assertThatThrownBy(() -> engine.evaluate(id, AS_OF))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(id.toString());
  }

  private LifecycleEngine engine() {
    return LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).purchases(purchases).build();
  }

  private CustomerId save(int i, LifecycleStage stage) {
    Instant created = AS_OF.minus(Duration.ofDays(400));
    return store.customers().save(new Customer.Builder().id(CustomerId.of(new UUID(5, i))).kind(CustomerKind.PERSON)
        .personName(PersonName.of("Li", "Na")).stage(stage).version(0).createdAt(created).updatedAt(created)
        .build()).id();
  }

  private static Purchase purchase(int n, CustomerId customer, Instant at) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(6, n))).customerId(customer).occurredAt(at)
        .amount(Money.of(CurrencyUnit.EUR, 20)).channel("online").build();
  }

  /** Purchases in memory, every call passed on. */
  private static class ForwardingPurchases implements Purchases {
    final Purchases delegate = InMemoryCrmStore.create().purchases();

    @Override
    public void record(Purchase purchase) {
      delegate.record(purchase);
    }

    @Override
    public void recordAll(Collection<? extends Purchase> all) {
      delegate.recordAll(all);
    }

    @Override
    public List<Purchase> forCustomer(CustomerId customerId, TimeRange range) {
      return delegate.forCustomer(customerId, range);
    }

    @Override
    public Stream<Purchase> stream(TimeRange range) {
      return delegate.stream(range);
    }

    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
      return delegate.summaries(customerIds, asOf);
    }
  }

  /** Counts the per-customer and the bulk reads. */
  private static final class CountingPurchases extends ForwardingPurchases {
    final AtomicInteger listReads = new AtomicInteger();
    final List<Integer> bulkReadSizes = new CopyOnWriteArrayList<>();

    @Override
    public List<Purchase> forCustomer(CustomerId customerId, TimeRange range) {
      listReads.incrementAndGet();
      return super.forCustomer(customerId, range);
    }

    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
      bulkReadSizes.add(customerIds.size());
      return super.summaries(customerIds, asOf);
    }
  }
}
