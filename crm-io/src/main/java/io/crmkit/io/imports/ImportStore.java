package io.crmkit.io.imports;

import io.crmkit.core.store.CrmStore;

/**
 * The file import's ports attached to a base {@link CrmStore}, sharing its transactions: the
 * import checkpoints. Get it from {@code store.attach(InMemoryImports.extension())} or
 * {@code store.attach(JdbcImports.extension())}.
 */
public interface ImportStore {

  /** The key import extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.imports";

  /** The store these ports are attached to. */
  CrmStore base();

  /** Where each import records how far it got. */
  ImportCheckpoints checkpoints();
}
