package io.crmkit.io.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.io.imports.ImportCheckpoints;
import io.crmkit.io.imports.ImportStore;

/** The file import's ports in memory, for an {@link InMemoryCrmStore}. */
public final class InMemoryImports {
  private InMemoryImports() {}

  /** Import checkpoints in memory, on the store's transactions (a rollback undoes a save). */
  public static StoreExtension<ImportStore> extension() {
    return new StoreExtension<>() {
      @Override
      public String key() {
        return ImportStore.EXTENSION_KEY;
      }

      @Override
      public ImportStore create(CrmStore store) {
        if (!(store instanceof InMemoryCrmStore memory)) {
          throw new IllegalArgumentException("the in-memory extension " + key() + " attaches to an InMemoryCrmStore,"
              + " not to " + store + "; use the extension of that store's technology");
        }
        return new Ports(memory, new InMemoryImportCheckpoints(memory.transactions()));
      }

      @Override
      public String toString() {
        return "InMemoryImports.extension()";
      }
    };
  }

  private record Ports(CrmStore base, ImportCheckpoints checkpoints) implements ImportStore {}
}
