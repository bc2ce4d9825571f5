package io.crmkit.io;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dimension.DimensionCodeStore;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.segmentation.memory.InMemorySegmentation;
import io.crmkit.segmentation.segment.SegmentationStore;
import java.util.Objects;

/**
 * A base store with every capability's ports attached to it, all of one technology and sharing
 * its transactions: what work over the whole store (an import that codes and matches, a backup,
 * a restore) is given, so that it never has to know how a technology attaches its extensions.
 *
 * <pre>{@code
 * CrmStores memory = CrmStores.inMemory();
 * CrmStores jdbc = CrmStores.attach(JdbcCrmStore.create(dataSource), new CrmStores.Extensions(
 *     JdbcLifecycle.extension(), JdbcDimensionCodes.extension(), JdbcDedup.extension(),
 *     JdbcMetrics.extension(), JdbcSegmentation.extension(), JdbcPrivacy.extension()));
 * }</pre>
 *
 * @param base the base store: customers, activities, transactions, events
 * @param lifecycle lifecycle history and churn signals
 * @param codes dimension-code sequences and requests
 * @param dedup blocking keys, merge lineage, review queue
 * @param metrics computed customer metrics
 * @param segmentation segment definitions
 * @param privacy audit log, consent ledger, key metadata, pseudonym keys
 */
public record CrmStores(CrmStore base, LifecycleStore lifecycle, DimensionCodeStore codes, DedupStore dedup,
    MetricStore metrics, SegmentationStore segmentation, PrivacyStore privacy) {

  /** @throws NullPointerException if any store is null */
  public CrmStores {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(codes, "codes");
    Objects.requireNonNull(dedup, "dedup");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(segmentation, "segmentation");
    Objects.requireNonNull(privacy, "privacy");
  }

  /** A new, empty in-memory store with every capability attached. */
  public static CrmStores inMemory() {
    return attach(InMemoryCrmStore.create(), Extensions.inMemory());
  }

  /**
   * Attaches every capability to {@code base} (idempotent: a store hands out the ports it attached
   * before).
   *
   * @throws NullPointerException if an argument is null
   */
  public static CrmStores attach(CrmStore base, Extensions extensions) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(extensions, "extensions");
    return new CrmStores(base, base.attach(extensions.lifecycle()), base.attach(extensions.codes()),
        base.attach(extensions.dedup()), base.attach(extensions.metrics()), base.attach(extensions.segmentation()),
        base.attach(extensions.privacy()));
  }

  /**
   * One technology's extension for each capability.
   *
   * @param lifecycle lifecycle history and churn signals
   * @param codes dimension-code sequences and requests
   * @param dedup blocking keys, merge lineage, review queue
   * @param metrics computed customer metrics
   * @param segmentation segment definitions
   * @param privacy audit log, consent ledger, key metadata, pseudonym keys
   */
  public record Extensions(StoreExtension<LifecycleStore> lifecycle, StoreExtension<DimensionCodeStore> codes,
      StoreExtension<DedupStore> dedup, StoreExtension<MetricStore> metrics,
      StoreExtension<SegmentationStore> segmentation, StoreExtension<PrivacyStore> privacy) {

    /** @throws NullPointerException if any extension is null */
    public Extensions {
      Objects.requireNonNull(lifecycle, "lifecycle");
      Objects.requireNonNull(codes, "codes");
      Objects.requireNonNull(dedup, "dedup");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(segmentation, "segmentation");
      Objects.requireNonNull(privacy, "privacy");
    }

    /** The in-memory adapters of every capability. */
    public static Extensions inMemory() {
      return new Extensions(InMemoryExtensions.lifecycle(), InMemoryExtensions.dimensionCodes(),
          InMemoryExtensions.dedup(), InMemoryExtensions.metrics(), InMemorySegmentation.extension(),
          InMemoryPrivacy.extension());
    }
  }
}
