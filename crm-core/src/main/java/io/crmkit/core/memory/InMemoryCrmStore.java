package io.crmkit.core.memory;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.store.CrmStore;

/**
 * Every port in memory: the embedded default of the {@code Crm} facade. Holds one adapter per
 * port, so every accessor returns the same instance. Each operation is atomic on its own; there
 * are no multi-operation transactions.
 */
public final class InMemoryCrmStore implements CrmStore {
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemoryPurchases purchases = new InMemoryPurchases();
  private final InMemoryInteractions interactions = new InMemoryInteractions();
  private final InMemoryEventBus events = new InMemoryEventBus();
  private final InMemoryCodeSequences codeSequences = new InMemoryCodeSequences();
  private final InMemoryCodeRequests codeRequests = new InMemoryCodeRequests();
  private final InMemoryLifecycleHistory lifecycleHistory = new InMemoryLifecycleHistory();
  private final InMemoryChurnSignals churnSignals = new InMemoryChurnSignals();

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
  public Purchases purchases() {
    return purchases;
  }

  @Override
  public Interactions interactions() {
    return interactions;
  }

  @Override
  public TransactionRunner transactions() {
    return TransactionRunner.direct();
  }

  /** The bus events are published on; subscribe to it to react to changes. */
  @Override
  public InMemoryEventBus events() {
    return events;
  }

  @Override
  public CodeSequences codeSequences() {
    return codeSequences;
  }

  @Override
  public CodeRequests codeRequests() {
    return codeRequests;
  }

  @Override
  public LifecycleHistory lifecycleHistory() {
    return lifecycleHistory;
  }

  @Override
  public ChurnSignals churnSignals() {
    return churnSignals;
  }
}
