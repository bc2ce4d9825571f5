package io.crmkit.core.store;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.event.EventPublisher;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The base ports of one storage technology, which share its transactions: what a {@link
 * TransactionRunner} unit of work writes through these ports, and through the ports of every
 * extension {@link #attach attached} to the store, commits or rolls back together. The in-memory
 * store is the embedded default; the JDBC adapter provides a database-backed one.
 *
 * <p>The base is deliberately small and stays so: customers (one at a time and in batches),
 * activities, transactions and events.
 * A capability with ports of its own (lifecycle history, code sequences, consent, ...) declares
 * its own store beside its model and attaches to a base store, so adding a capability never
 * changes this interface:
 *
 * <pre>{@code
 * LifecycleStore lifecycle = store.attach(JdbcLifecycle.extension());      // or InMemoryExtensions.lifecycle()
 * LifecycleEngine engine = LifecycleEngine.builder().store(lifecycle).build();
 * }</pre>
 *
 * <p>Each accessor returns the same adapter every time, so the features built on a store see one
 * another's writes.
 */
public interface CrmStore {

  /** Where customers are stored. */
  Customers customers();

  /**
   * Where customers are written a set at a time, on the same storage as {@link #customers()}: the
   * port the core's customer import runs on.
   */
  CustomerBatches customerBatches();

  /** Where purchases are recorded. */
  Purchases purchases();

  /** Where interactions on every channel are recorded. */
  Interactions interactions();

  /** How units of work run; every port of this store and of its extensions joins them. */
  TransactionRunner transactions();

  /** Where the store sends domain events written inside its transactions. */
  EventPublisher events();

  /**
   * The ports of {@code extension} on this store, sharing its transactions. The first call
   * creates them (on a database, after applying the extension's migrations); every later call with
   * an extension of the same {@link StoreExtension#key() key} returns the same ports, so attaching
   * twice is harmless.
   *
   * @throws IllegalArgumentException if the extension is for another storage technology
   */
  <P> P attach(StoreExtension<P> extension);

  /**
   * The extensions attached to one store, for implementers of {@link CrmStore#attach}: creates each
   * key's ports once, also when threads attach at the same time, and hands out the same instance
   * after that. An extension may attach others while it is created (its monitor is reentrant).
   */
  final class Attachments {
    private final Map<String, Object> byKey = new HashMap<>();

    /**
     * The ports of {@code extension} on {@code store}, created on first use.
     *
     * @throws IllegalArgumentException if {@code extension} is for another technology, or its key
     *     is blank
     */
    public synchronized <P> P attach(StoreExtension<P> extension, CrmStore store) {
      Objects.requireNonNull(extension, "extension");
      String key = Objects.requireNonNull(extension.key(), "extension.key()");
      Require.argument(!key.isBlank(), "an extension needs a key, %s has a blank one", extension);
      Object ports = byKey.get(key);
      if (ports == null) {
        ports = Objects.requireNonNull(extension.create(store), () -> "extension " + key + " created no ports");
        byKey.put(key, ports);
      }
      @SuppressWarnings("unchecked")
      P typed = (P) ports;
      return typed;
    }
  }
}
