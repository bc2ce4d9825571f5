package io.crmkit.segmentation.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.segmentation.segment.SegmentDefinitions;
import io.crmkit.segmentation.segment.SegmentationStore;

/**
 * crm-segmentation's ports in memory, to {@link CrmStore#attach attach} to an {@link
 * InMemoryCrmStore}:
 *
 * <pre>{@code
 * SegmentationStore segmentation = store.attach(InMemorySegmentation.extension());
 * }</pre>
 */
public final class InMemorySegmentation {
  private InMemorySegmentation() {}

  /** Segment definitions in memory, on the store's transactions. */
  public static StoreExtension<SegmentationStore> extension() {
    return new StoreExtension<>() {
      @Override
      public String key() {
        return SegmentationStore.EXTENSION_KEY;
      }

      @Override
      public SegmentationStore create(CrmStore store) {
        if (!(store instanceof InMemoryCrmStore memory)) {
          throw new IllegalArgumentException("the in-memory extension " + key() + " attaches to an InMemoryCrmStore,"
              + " not to " + store + "; use the extension of that store's technology");
        }
        return new Ports(memory, new InMemorySegmentDefinitions(memory.transactions()));
      }

      @Override
      public String toString() {
        return "InMemorySegmentation.extension()";
      }
    };
  }

  private record Ports(CrmStore base, SegmentDefinitions segmentDefinitions) implements SegmentationStore {}
}
