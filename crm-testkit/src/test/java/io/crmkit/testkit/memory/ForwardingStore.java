package io.crmkit.testkit.memory;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;

/** A store that passes every call on to another; tests override the one they change. */
class ForwardingStore implements CrmStore {
  final CrmStore delegate;

  ForwardingStore(CrmStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Customers customers() {
    return delegate.customers();
  }

  @Override
  public CustomerBatches customerBatches() {
    return delegate.customerBatches();
  }

  @Override
  public Purchases purchases() {
    return delegate.purchases();
  }

  @Override
  public Interactions interactions() {
    return delegate.interactions();
  }

  @Override
  public TransactionRunner transactions() {
    return delegate.transactions();
  }

  @Override
  public EventPublisher events() {
    return delegate.events();
  }

  @Override
  public <P> P attach(StoreExtension<P> extension) {
    return delegate.attach(extension);
  }
}
