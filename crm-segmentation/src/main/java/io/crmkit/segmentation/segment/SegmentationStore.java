package io.crmkit.segmentation.segment;

import io.crmkit.core.store.CrmStore;

/**
 * crm-segmentation's ports attached to a base {@link CrmStore}, sharing its transactions: the
 * segment definitions. Get it from {@code store.attach(InMemorySegmentation.extension())} or
 * {@code store.attach(JdbcSegmentation.extension())}. Membership is read through the base
 * store's customers, so a segment over metrics needs the metrics capability attached too.
 */
public interface SegmentationStore {

  /** The key segmentation extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.segmentation";

  /** The store these ports are attached to. */
  CrmStore base();

  /** The named segments' definitions. */
  SegmentDefinitions segmentDefinitions();
}
