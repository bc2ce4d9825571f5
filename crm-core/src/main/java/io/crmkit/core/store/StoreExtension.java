package io.crmkit.core.store;

/**
 * How a capability attaches its ports to a base {@link CrmStore}. An extension is specific to one
 * storage technology (its in-memory adapters, or its JDBC adapters with their migrations) and
 * creates ports that work on the store's own transactions, so a unit of work that writes through
 * the base store and the extension commits or rolls back as one.
 *
 * <p>Capabilities hand out their extensions from a factory, such as
 * {@code InMemoryExtensions.lifecycle()} or {@code JdbcLifecycle.extension()}; call
 * {@link CrmStore#attach} with one.
 *
 * @param <P> the capability's ports, usually an interface declared beside its model
 */
public interface StoreExtension<P> {

  /**
   * Names the capability's ports, such as {@code crmkit.lifecycle}: a store creates them once per
   * key. Extensions of one capability for different technologies share the key; two different
   * capabilities never do.
   */
  String key();

  /**
   * Creates the ports on {@code store}. Called by {@link CrmStore#attach} at most once per store
   * and key; not meant to be called directly.
   *
   * @throws IllegalArgumentException if {@code store} is of a technology this extension is not for
   */
  P create(CrmStore store);
}
