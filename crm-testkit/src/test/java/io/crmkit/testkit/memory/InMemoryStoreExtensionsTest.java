package io.crmkit.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.DimensionCodeStore;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.testkit.contract.StoreExtensionsContract;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;

/** The in-memory store and its extensions keep the store-extension contract. */
class InMemoryStoreExtensionsTest extends StoreExtensionsContract {
  @Override
  protected CrmStore newStore() {
    return InMemoryCrmStore.create();
  }

  @Override
  protected StoreExtension<LifecycleStore> lifecycle() {
    return InMemoryExtensions.lifecycle();
  }

  @Override
  protected StoreExtension<DimensionCodeStore> dimensionCodes() {
    return InMemoryExtensions.dimensionCodes();
  }

  @Example
  void anExtensionOfAnotherTechnologyIsRefusedWithTheReason() {
    StoreExtension<LifecycleStore> foreign = new StoreExtension<>() {
      @Override
      public String key() {
        return LifecycleStore.EXTENSION_KEY;
      }

      @Override
      public LifecycleStore create(CrmStore store) {
        throw new IllegalArgumentException("attaches to a JdbcCrmStore, not to " + store);
      }
    };
    CrmStore other = InMemoryCrmStore.create();

    assertThatThrownBy(() -> other.attach(foreign)).hasMessageContaining("JdbcCrmStore");
    assertThatThrownBy(() -> new ForeignStore().attach(InMemoryExtensions.lifecycle()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("InMemoryCrmStore");
  }

  @Example
  void eventsOfARolledBackUnitOfWorkAreNeverDelivered() throws Exception {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    List<DomainEvent> delivered = new ArrayList<>();
    try (AutoCloseable subscription = store.events().subscribe(delivered::add)) {
      Crm crm = Crm.builder().store(store).build();

      assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
        crm.register(NewCustomer.person("Wang", "Fang").build());
        assertThat(delivered).as("not before the commit").isEmpty();
        throw new IllegalStateException("rolled back");
      })).isInstanceOf(IllegalStateException.class);
      crm.register(NewCustomer.person("Li", "Lei").build());

      assertThat(delivered).hasSize(1);
      assertThat(crm.count(Criteria.all())).isEqualTo(1);
    }
  }

  /** A store of a technology no in-memory extension knows. */
  private static final class ForeignStore extends ForwardingStore {
    ForeignStore() {
      super(InMemoryCrmStore.create());
    }

    @Override
    public <P> P attach(StoreExtension<P> extension) {
      return extension.create(this);
    }
  }
}
