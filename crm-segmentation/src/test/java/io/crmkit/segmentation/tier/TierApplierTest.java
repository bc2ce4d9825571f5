package io.crmkit.segmentation.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.activity.Interactions;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.segmentation.TierChanged;
import io.crmkit.segmentation.TierRemoved;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TierApplierTest {
  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final List<DomainEvent> events = new ArrayList<>();

  TierApplierTest() {
    store.events().subscribe(events::add);
  }

  private static TierAssignment assignment(Customer customer, ValueTier tier) {
    return assignment(customer.id(), tier);
  }

  private static TierAssignment assignment(CustomerId id, ValueTier tier) {
    return new TierAssignment(id, tier, "monetary", 1234.5, "monetary >= 1000");
  }

  @Test
  void onlyCustomersWhoseTierChangesAreWrittenAndEachChangeIsAnnounced() {
    Crm crm = Crm.builder().store(store).build();
    Customer high = crm.update(crm.register(NewCustomer.person("Smith", "Mary").build()).withTier(ValueTier.HIGH));
    Customer untiered = crm.register(NewCustomer.person("Zhang", "Wei").build());
    Customer low = crm.update(crm.register(NewCustomer.person("Sato", "Yuki").build()).withTier(ValueTier.LOW));
    CustomerId gone = CustomerId.of(new UUID(5, 5));
    events.clear();

    TierApplier.Report report = TierApplier.builder().crm(crm).batchSize(2).build().apply(List.of(
        assignment(high, ValueTier.HIGH), assignment(untiered, ValueTier.MEDIUM), assignment(low, ValueTier.VIP),
        assignment(gone, ValueTier.LOW)));

    assertThat(report.changed()).containsExactly(untiered.id(), low.id());
    assertThat(report.unchanged()).containsExactly(high.id());
    assertThat(report.conflicts()).extracting(Rejection::subject).containsExactly(gone.toString());
    assertThat(report.conflicts().get(0).violations().get(0).rule()).isEqualTo("customer-not-found");
    assertThat(report.total()).isEqualTo(4);
    assertThat(crm.get(high.id()).version()).isEqualTo(high.version());
    assertThat(crm.get(untiered.id()).tier()).contains(ValueTier.MEDIUM);
    assertThat(crm.get(low.id()).tier()).contains(ValueTier.VIP);

    List<TierChanged> changes = events.stream().filter(TierChanged.class::isInstance).map(TierChanged.class::cast)
        .toList();
    assertThat(changes).hasSize(2);
    assertThat(changes.get(1).customerId()).isEqualTo(low.id());
    assertThat(changes.get(1).from()).contains(ValueTier.LOW);
    assertThat(changes.get(1).to()).isEqualTo(ValueTier.VIP);
    assertThat(changes.get(1).version()).isEqualTo(crm.get(low.id()).version());
    assertThat(changes.get(1).reason()).isEqualTo("VIP: monetary 1234.5, monetary >= 1000");
    assertThat(changes.get(0).from()).isEmpty();
    assertThat(events).filteredOn(CustomerUpdated.class::isInstance).hasSize(2);
  }

  @Test
  void removingTiersWritesOnlyTieredCustomersAndAnnouncesEachRemoval() {
    Crm crm = Crm.builder().store(store).build();
    Customer vip = crm.update(crm.register(NewCustomer.person("Smith", "Mary").build()).withTier(ValueTier.VIP));
    Customer untiered = crm.register(NewCustomer.person("Zhang", "Wei").build());
    Customer kept = crm.update(crm.register(NewCustomer.person("Sato", "Yuki").build()).withTier(ValueTier.LOW));
    CustomerId gone = CustomerId.of(new UUID(5, 5));
    events.clear();

    TierApplier.Report report = TierApplier.builder().crm(crm).batchSize(2).build()
        .remove(List.of(vip.id(), untiered.id(), gone), "not scored");

    assertThat(report.changed()).containsExactly(vip.id());
    assertThat(report.unchanged()).containsExactlyInAnyOrder(untiered.id(), gone);
    assertThat(report.conflicts()).isEmpty();
    assertThat(crm.get(vip.id()).tier()).isEmpty();
    assertThat(crm.get(untiered.id()).version()).isEqualTo(untiered.version());
    assertThat(crm.get(kept.id()).tier()).contains(ValueTier.LOW);
    assertThat(events).filteredOn(TierRemoved.class::isInstance).singleElement().satisfies(event -> {
      TierRemoved removed = (TierRemoved) event;
      assertThat(removed.customerId()).isEqualTo(vip.id());
      assertThat(removed.from()).isEqualTo(ValueTier.VIP);
      assertThat(removed.version()).isEqualTo(crm.get(vip.id()).version());
      assertThat(removed.reason()).isEqualTo("not scored");
    });
    assertThat(events).filteredOn(CustomerUpdated.class::isInstance).hasSize(1);
  }

  @Test
  void applyingTheSameTieringTwiceWritesNothingTheSecondTime() {
    Crm crm = Crm.builder().store(store).build();
    Customer customer = crm.register(NewCustomer.person("Smith", "Mary").build());
    TierApplier applier = TierApplier.builder().crm(crm).build();
    applier.apply(List.of(assignment(customer, ValueTier.HIGH)));
    events.clear();

    TierApplier.Report again = applier.apply(List.of(assignment(customer, ValueTier.HIGH)));

    assertThat(again.unchanged()).containsExactly(customer.id());
    assertThat(again.changed()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void aConcurrentChangeIsRetriedOnTheFreshCopyAndKeptWhenTheRetrySucceeds() {
    Interfering interfering = new Interfering(store, 1);
    Crm crm = Crm.builder().store(interfering).build();
    Customer customer = crm.register(NewCustomer.person("Smith", "Mary").build());

    TierApplier.Report report = TierApplier.builder().crm(crm).build()
        .apply(List.of(assignment(customer, ValueTier.VIP)));

    assertThat(report.changed()).containsExactly(customer.id());
    Customer stored = crm.get(customer.id());
    assertThat(stored.tier()).contains(ValueTier.VIP);
    assertThat(stored.owner()).contains("other-writer-1");
  }

  @Test
  void aCustomerChangedOnEveryAttemptIsReportedAsAConflictAndTheOthersAreStillApplied() {
    Interfering interfering = new Interfering(store, Integer.MAX_VALUE);
    Crm crm = Crm.builder().store(store).build();
    Customer contested = crm.register(NewCustomer.person("Smith", "Mary").build());
    Customer calm = crm.register(NewCustomer.person("Zhang", "Wei").build());
    interfering.target = contested.id();
    Crm racing = Crm.builder().store(interfering).build();

    TierApplier.Report report = TierApplier.builder().crm(racing).attempts(2).build()
        .apply(List.of(assignment(contested, ValueTier.VIP), assignment(calm, ValueTier.LOW)));

    assertThat(report.changed()).containsExactly(calm.id());
    assertThat(report.conflicts()).singleElement().satisfies(conflict -> {
      assertThat(conflict.subject()).isEqualTo(contested.id().toString());
      assertThat(conflict.violations().get(0).rule()).isEqualTo("concurrent-update");
      assertThat(conflict.violations().get(0).message()).contains("each of 2 attempts");
    });
    assertThat(crm.get(contested.id()).tier()).isEmpty();
  }

  @Test
  void aCustomerNamedTwiceIsRefusedBeforeAnythingIsWritten() {
    Crm crm = Crm.builder().store(store).build();
    Customer customer = crm.register(NewCustomer.person("Smith", "Mary").build());
    TierApplier applier = TierApplier.builder().crm(crm).build();

    assertThatThrownBy(() -> applier.apply(List.of(assignment(customer, ValueTier.HIGH),
        assignment(customer, ValueTier.LOW)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two tier assignments");
    assertThat(crm.get(customer.id()).tier()).isEmpty();
  }

  /**
   * A store whose customer saves are overtaken: before a save of the target customer (the first
   * one saved, unless set), another writer changes its owner, so the save is stale.
   */
  private static final class Interfering implements CrmStore {
    private final InMemoryCrmStore delegate;
    private final AtomicInteger interferences;
    private final AtomicInteger writes = new AtomicInteger();
    private CustomerId target;

    Interfering(InMemoryCrmStore delegate, int interferences) {
      this.delegate = delegate;
      this.interferences = new AtomicInteger(interferences);
    }

    @Override
    public Customers customers() {
      Customers customers = delegate.customers();
      return new Customers() {
        @Override
        public Customer save(Customer customer) {
          interfereWith(customer);
          return customers.save(customer);
        }

        @Override
        public Optional<Customer> findById(CustomerId id) {
          return customers.findById(id);
        }

        @Override
        public Optional<Customer> findByExternalReference(ExternalReference reference) {
          return customers.findByExternalReference(reference);
        }

        @Override
        public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
          return customers.find(criteria, sort, page);
        }

        @Override
        public long count(Criteria criteria) {
          return customers.count(criteria);
        }

        @Override
        public Stream<Customer> stream(Criteria criteria) {
          return customers.stream(criteria);
        }
      };
    }

    /** Another writer saves the target customer just before this write of it, while interferences last. */
    private void interfereWith(Customer customer) {
      if (customer.version() > 0 && target == null) {
        target = customer.id();
      }
      if (customer.id().equals(target) && interferences.getAndDecrement() > 0) {
        Customer current = delegate.customers().findById(customer.id()).orElseThrow();
        delegate.customers().save(current.withOwner("other-writer-" + writes.incrementAndGet()));
      }
    }

    @Override
    public CustomerBatches customerBatches() {
      CustomerBatches batches = delegate.customerBatches();
      return new CustomerBatches() {
        @Override
        public <T> T atomically(Supplier<T> work) {
          return batches.atomically(work);
        }

        @Override
        public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
          return batches.existingIds(ids);
        }

        @Override
        public Map<ExternalReference, CustomerId> holders(Collection<ExternalReference> references) {
          return batches.holders(references);
        }

        @Override
        public Map<CustomerId, Customer> load(Collection<CustomerId> ids) {
          return batches.load(ids);
        }

        @Override
        public void insertAll(List<Customer> customers) {
          batches.insertAll(customers);
        }

        @Override
        public Set<CustomerId> updateAll(List<Customer> customers) {
          customers.forEach(Interfering.this::interfereWith);
          return batches.updateAll(customers);
        }

        @Override
        public List<Violation> storageViolations(Customer customer) {
          return batches.storageViolations(customer);
        }
      };
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
}
