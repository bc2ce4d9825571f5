package io.crmkit.jdbc;

import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.segmentation.segment.SegmentDefinitions;
import io.crmkit.segmentation.segment.SegmentationStore;

/**
 * crm-segmentation's ports in the database: segment definitions in {@code
 * <prefix>segment_definition}, their criteria as JSON. Needs crm-segmentation on the class path
 * (an optional dependency of crm-jdbc-adapter).
 *
 * <pre>{@code
 * SegmentationStore segmentation = jdbcStore.attach(JdbcSegmentation.extension());
 * jdbcStore.attach(JdbcMetrics.extension());   // if segments select on computed metrics
 * }</pre>
 */
public final class JdbcSegmentation {
  private JdbcSegmentation() {}

  /** The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach. */
  public static StoreExtension<SegmentationStore> extension() {
    return new JdbcExtension<>(SegmentationStore.EXTENSION_KEY, "segmentation", (base, adapters) ->
        new Ports(base, adapters.segmentDefinitions()));
  }

  private record Ports(CrmStore base, SegmentDefinitions segmentDefinitions) implements SegmentationStore {}
}
