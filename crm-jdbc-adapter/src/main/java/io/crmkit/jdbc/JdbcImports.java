package io.crmkit.jdbc;

import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.io.imports.ImportCheckpoints;
import io.crmkit.io.imports.ImportStore;

/**
 * crm-io's file-import ports in the database: import checkpoints in {@code
 * <prefix>import_checkpoint}, written in each batch's transaction. Needs crm-io on the class path
 * (an optional dependency of crm-jdbc-adapter).
 *
 * <pre>{@code
 * ImportStore imports = jdbcStore.attach(JdbcImports.extension());
 * }</pre>
 */
public final class JdbcImports {
  private JdbcImports() {}

  /** The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach. */
  public static StoreExtension<ImportStore> extension() {
    return new JdbcExtension<>(ImportStore.EXTENSION_KEY, "imports", (base, adapters) ->
        new Ports(base, adapters.importCheckpoints()));
  }

  private record Ports(CrmStore base, ImportCheckpoints checkpoints) implements ImportStore {}
}
