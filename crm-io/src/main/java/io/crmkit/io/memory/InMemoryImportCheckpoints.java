package io.crmkit.io.memory;

import io.crmkit.core.common.Require;
import io.crmkit.core.memory.InMemoryTransactions;
import io.crmkit.io.imports.ImportCheckpoint;
import io.crmkit.io.imports.ImportCheckpoints;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ImportCheckpoints} in a map; every write joins the store's transaction and undoes on rollback. */
final class InMemoryImportCheckpoints implements ImportCheckpoints {
  private final Map<String, ImportCheckpoint> byId = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryImportCheckpoints(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<ImportCheckpoint> find(String importId) {
    Require.notNull(importId, "importId");
    return Optional.ofNullable(byId.get(importId));
  }

  @Override
  public void save(ImportCheckpoint checkpoint) {
    Require.notNull(checkpoint, "checkpoint");
    transactions.inTransaction(() -> {
      ImportCheckpoint replaced = byId.put(checkpoint.importId(), checkpoint);
      transactions.onRollback(() -> restore(checkpoint.importId(), replaced));
      return null;
    });
  }

  @Override
  public boolean remove(String importId) {
    Require.notNull(importId, "importId");
    return transactions.inTransaction(() -> {
      ImportCheckpoint removed = byId.remove(importId);
      transactions.onRollback(() -> restore(importId, removed));
      return removed != null;
    });
  }

  private void restore(String importId, ImportCheckpoint previous) {
    if (previous == null) {
      byId.remove(importId);
    } else {
      byId.put(importId, previous);
    }
  }
}
