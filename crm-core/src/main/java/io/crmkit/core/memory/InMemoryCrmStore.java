package io.crmkit.core.memory;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;

/**
 * Every base port in memory: the embedded default of the {@code Crm} facade. Holds one adapter per
 * port, so every accessor returns the same instance. Units of work run in {@link
 * InMemoryTransactions}: a failure inside {@code transactions().inTransaction(...)} undoes what the
 * work wrote through this store and its attached extensions, and events are delivered only after
 * the commit. Extensions come from {@link InMemoryExtensions}.
 */
public final class InMemoryCrmStore implements CrmStore {
  private final InMemoryTransactions transactions = new InMemoryTransactions();
  private final InMemoryCustomers customers = new InMemoryCustomers(transactions);
  private final InMemoryCustomerBatches customerBatches = new InMemoryCustomerBatches(customers, transactions);
  private final InMemoryPurchases purchases = new InMemoryPurchases(transactions);
  private final InMemoryInteractions interactions = new InMemoryInteractions(transactions);
  private final InMemoryEventBus events = new InMemoryEventBus(transactions);
  private final CrmStore.Attachments attachments = new CrmStore.Attachments();

  private InMemoryCrmStore() {}

  /** A new, empty store. */
  public static InMemoryCrmStore create() {
    return new InMemoryCrmStore();
  }

  @Override
  public Customers customers() {
    return customers;
  }

  @Override
  public CustomerBatches customerBatches() {
    return customerBatches;
  }

  @Override
  public Purchases purchases() {
    return purchases;
  }

  @Override
  public Interactions interactions() {
    return interactions;
  }

  /** The store's transactions, which in-memory adapters of extensions take part in. */
  @Override
  public InMemoryTransactions transactions() {
    return transactions;
  }

  /** The bus events are published on; subscribe to it to react to changes. */
  @Override
  public InMemoryEventBus events() {
    return events;
  }

  InMemoryCustomers memoryCustomers() {
    return customers;
  }

  InMemoryPurchases memoryPurchases() {
    return purchases;
  }

  InMemoryInteractions memoryInteractions() {
    return interactions;
  }

  @Override
  public <P> P attach(StoreExtension<P> extension) {
    return attachments.attach(extension, this);
  }

  @Override
  public String toString() {
    return "InMemoryCrmStore";
  }
}
