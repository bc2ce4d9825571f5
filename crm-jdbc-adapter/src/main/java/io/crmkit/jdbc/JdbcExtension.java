package io.crmkit.jdbc;

import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.internal.JdbcAdapters;
import java.util.Objects;

/**
 * A capability's JDBC adapters as a {@link StoreExtension}: attached to a {@link JdbcCrmStore},
 * it migrates the capability's tables (its own Flyway history) and builds adapters on the store's
 * connections, so they share its transactions.
 */
final class JdbcExtension<P> implements StoreExtension<P> {
  private final String key;
  private final String capability;
  private final Ports<P> ports;

  /** Builds a capability's ports on a store: its adapters from the store's {@link JdbcAdapters}. */
  @FunctionalInterface
  interface Ports<P> {
    P create(CrmStore base, JdbcAdapters adapters);
  }

  /**
   * @param key the capability's extension key, shared with its other technologies
   * @param capability the folder of its migrations and the name in its history table
   */
  JdbcExtension(String key, String capability, Ports<P> ports) {
    this.key = Objects.requireNonNull(key, "key");
    this.capability = Objects.requireNonNull(capability, "capability");
    this.ports = Objects.requireNonNull(ports, "ports");
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public P create(CrmStore store) {
    if (!(store instanceof JdbcCrmStore jdbc)) {
      throw new IllegalArgumentException("the JDBC extension " + key + " attaches to a JdbcCrmStore, not to " + store
          + "; use the extension of that store's technology");
    }
    return jdbc.extend(capability, ports);
  }

  @Override
  public String toString() {
    return "JdbcExtension[" + key + "]";
  }
}
