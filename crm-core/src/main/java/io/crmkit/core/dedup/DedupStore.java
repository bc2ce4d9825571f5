package io.crmkit.core.dedup;

import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.store.CrmStore;

/**
 * Deduplication's own ports, attached to a base {@link CrmStore} whose transactions they share: a
 * merge saves the golden record (base), removes the absorbed customers and moves their activities
 * ({@link #mergeWrites()}), writes its lineage and publishes its event (base) in one unit of work,
 * so a rollback undoes all of it. Get one from {@code store.attach(...)} with the extension for the
 * store's technology ({@code InMemoryExtensions.dedup()}, {@code JdbcDedup.extension()}).
 */
public interface DedupStore {

  /** The key dedup extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.dedup";

  /** The store these ports are attached to: customers, activities, transactions and events. */
  CrmStore base();

  /** What every merge did, so that it can be undone exactly. */
  MergeLineage mergeLineage();

  /**
   * The writes a merge needs beyond the base ports, which only append: removing and restoring
   * customers, and moving activities between customers.
   */
  MergeWrites mergeWrites();

  /** Pairs waiting for a person's decision, and the decisions made. */
  ReviewQueue reviewQueue();

  /** The blocking keys of stored customers, for matching one incoming record against the store. */
  BlockingKeyIndex blockingKeys();
}
