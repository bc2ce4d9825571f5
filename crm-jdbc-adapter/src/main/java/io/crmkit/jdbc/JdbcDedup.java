package io.crmkit.jdbc;

import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.DedupEvent;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import java.util.ArrayList;
import java.util.List;

/**
 * Deduplication's ports in the database: merge lineage in {@code <prefix>merge_lineage} and
 * {@code <prefix>merge_member}, the review queue in {@code <prefix>review_pair}, blocking keys in
 * {@code <prefix>blocking_key}, and merge writes on the store's customer and activity tables, all
 * on the current transaction's connection, so a merge commits or rolls back as one.
 *
 * <p>Merges publish {@link DedupEvent}s through the outbox, so the store must carry the family:
 *
 * <pre>{@code
 * JdbcCrmStore store = JdbcCrmStore.create(dataSource, JdbcDedup.options(JdbcOptions.builder()).build());
 * DedupStore dedup = store.attach(JdbcDedup.extension());
 * }</pre>
 */
public final class JdbcDedup {
  private JdbcDedup() {}

  /**
   * The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach.
   *
   * @throws IllegalArgumentException when attached to a store whose options do not carry {@link
   *     DedupEvent#FAMILY}, which every merge publishes (see {@link #options})
   */
  public static StoreExtension<DedupStore> extension() {
    return new JdbcExtension<>(DedupStore.EXTENSION_KEY, "dedup", (base, adapters) -> {
      JdbcCrmStore store = (JdbcCrmStore) base;
      if (!store.options().eventFamilies().contains(DedupEvent.FAMILY)) {
        throw new IllegalArgumentException("the dedup extension publishes DedupEvents through the outbox, but " + store
            + " does not carry them; create the store with JdbcDedup.options(JdbcOptions.builder()) or"
            + " JdbcOptions.builder().eventFamilies(DedupEvent.FAMILY, ...)");
      }
      return new Ports(base, adapters.mergeLineage(), adapters.mergeWrites(), adapters.reviewQueue(),
          adapters.blockingKeys());
    });
  }

  /**
   * {@code options} with {@link DedupEvent#FAMILY} added to its event families (once), for a store
   * the dedup extension attaches to.
   */
  public static JdbcOptions.Builder options(JdbcOptions.Builder options) {
    JdbcOptions current = options.build();
    if (current.eventFamilies().contains(DedupEvent.FAMILY)) {
      return options;
    }
    List<EventFamily<?>> families = new ArrayList<>(current.eventFamilies());
    families.add(DedupEvent.FAMILY);
    return options.eventFamilies(families);
  }

  private record Ports(CrmStore base, MergeLineage mergeLineage, MergeWrites mergeWrites, ReviewQueue reviewQueue,
      BlockingKeyIndex blockingKeys) implements DedupStore {}
}
