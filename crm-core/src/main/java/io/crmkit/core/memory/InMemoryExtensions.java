package io.crmkit.core.memory;

import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.dimension.DimensionCodeStore;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;

/**
 * The in-memory extensions of crm-core's capabilities, to {@link CrmStore#attach attach} to an
 * {@link InMemoryCrmStore}:
 *
 * <pre>{@code
 * InMemoryCrmStore store = InMemoryCrmStore.create();
 * LifecycleStore lifecycle = store.attach(InMemoryExtensions.lifecycle());
 * DimensionCodeStore codes = store.attach(InMemoryExtensions.dimensionCodes());
 * DedupStore dedup = store.attach(InMemoryExtensions.dedup());
 * MetricStore metrics = store.attach(InMemoryExtensions.metrics());
 * }</pre>
 */
public final class InMemoryExtensions {
  private InMemoryExtensions() {}

  /** Lifecycle history and churn signals in memory. */
  public static StoreExtension<LifecycleStore> lifecycle() {
    return new Extension<>(LifecycleStore.EXTENSION_KEY, store -> {
      InMemoryTransactions transactions = store.transactions();
      return new Lifecycle(store, new InMemoryLifecycleHistory(transactions), new InMemoryChurnSignals(transactions));
    });
  }

  /** Code sequences and code requests in memory. */
  public static StoreExtension<DimensionCodeStore> dimensionCodes() {
    return new Extension<>(DimensionCodeStore.EXTENSION_KEY, store -> {
      InMemoryTransactions transactions = store.transactions();
      return new DimensionCodes(store, new InMemoryCodeSequences(transactions), new InMemoryCodeRequests(transactions));
    });
  }

  /** Merge lineage, merge writes, the review queue and the blocking-key index in memory. */
  public static StoreExtension<DedupStore> dedup() {
    return new Extension<>(DedupStore.EXTENSION_KEY, store -> {
      InMemoryTransactions transactions = store.transactions();
      return new Dedup(store, new InMemoryMergeLineage(transactions), new InMemoryMergeWrites(store),
          new InMemoryReviewQueue(transactions), new InMemoryBlockingKeyIndex(transactions));
    });
  }

  /**
   * Computed customer metrics in memory. Attaching it lets the store's {@code customers()} answer
   * {@code Criteria.metric(...)}; before, such a query throws {@code
   * Criteria.MetricsUnavailableException}.
   */
  public static StoreExtension<MetricStore> metrics() {
    return new Extension<>(MetricStore.EXTENSION_KEY, store -> {
      InMemoryCustomerMetrics metrics = new InMemoryCustomerMetrics(store.transactions());
      store.memoryCustomers().useMetrics(metrics);
      return new Metrics(store, metrics);
    });
  }

  private record Extension<P>(String key, java.util.function.Function<InMemoryCrmStore, P> factory)
      implements StoreExtension<P> {
    @Override
    public P create(CrmStore store) {
      if (!(store instanceof InMemoryCrmStore memory)) {
        throw new IllegalArgumentException("the in-memory extension " + key + " attaches to an InMemoryCrmStore, not to "
            + store + "; use the extension of that store's technology");
      }
      return factory.apply(memory);
    }
  }

  private record Lifecycle(CrmStore base, LifecycleHistory lifecycleHistory, ChurnSignals churnSignals)
      implements LifecycleStore {}

  private record Dedup(CrmStore base, MergeLineage mergeLineage, MergeWrites mergeWrites, ReviewQueue reviewQueue,
      BlockingKeyIndex blockingKeys) implements DedupStore {}

  private record Metrics(CrmStore base, CustomerMetrics customerMetrics) implements MetricStore {}

  private record DimensionCodes(CrmStore base, CodeSequences codeSequences, CodeRequests codeRequests)
      implements DimensionCodeStore {}
}
