package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.dimension.DimensionCodeStore;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Example;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The contract of a store and its extensions: the ports of an attached extension share the base
 * store's transactions, so one rollback undoes the writes of both together; and attaching an
 * extension twice is harmless (the same ports, no second set of tables). Extend it with a store
 * of your technology and the extensions of crm-core's capabilities for it.
 *
 * <pre>{@code
 * class InMemoryStoreExtensionsTest extends StoreExtensionsContract {
 *   protected CrmStore newStore() { return InMemoryCrmStore.create(); }
 *   protected StoreExtension<LifecycleStore> lifecycle() { return InMemoryExtensions.lifecycle(); }
 *   protected StoreExtension<DimensionCodeStore> dimensionCodes() { return InMemoryExtensions.dimensionCodes(); }
 * }
 * }</pre>
 *
 * <p>Each example uses customers and sequence keys of its own, so a shared database need not be
 * emptied between them.
 */
public abstract class StoreExtensionsContract {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

  /** A store of the technology under test; it may be shared between examples. */
  protected abstract CrmStore newStore();

  /** The lifecycle extension of the store's technology. */
  protected abstract StoreExtension<LifecycleStore> lifecycle();

  /** The dimension-code extension of the store's technology. */
  protected abstract StoreExtension<DimensionCodeStore> dimensionCodes();

  @Example
  public void oneRollbackUndoesTheWritesOfTheBaseStoreAndOfItsExtensionsTogether() {
    CrmStore store = newStore();
    LifecycleStore lifecycle = store.attach(lifecycle());
    DimensionCodeStore codes = store.attach(dimensionCodes());
    Customer customer = customer();
    String key = "rollback:" + customer.id();

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      Customer saved = store.customers().save(customer);
      store.purchases().record(purchase(saved.id()));
      lifecycle.lifecycleHistory().append(entry(saved));
      codes.codeSequences().next(key);
      throw new IllegalStateException("the host's work failed after crmkit's writes");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.customers().findById(customer.id())).isEmpty();
    assertThat(store.purchases().forCustomer(customer.id(), TimeRange.all())).isEmpty();
    assertThat(lifecycle.lifecycleHistory().forCustomer(customer.id())).isEmpty();
    assertThat(codes.codeSequences().current(key)).isZero();
  }

  @Example
  public void aCommittedUnitOfWorkKeepsTheWritesOfTheBaseStoreAndOfItsExtensions() {
    CrmStore store = newStore();
    LifecycleStore lifecycle = store.attach(lifecycle());
    DimensionCodeStore codes = store.attach(dimensionCodes());
    Customer customer = customer();
    String key = "commit:" + customer.id();

    Customer saved = store.transactions().inTransaction(() -> {
      Customer stored = store.customers().save(customer);
      lifecycle.lifecycleHistory().append(entry(stored));
      codes.codeSequences().next(key);
      return stored;
    });

    assertThat(store.customers().findById(customer.id())).contains(saved);
    assertThat(lifecycle.lifecycleHistory().forCustomer(customer.id())).containsExactly(entry(saved));
    assertThat(codes.codeSequences().current(key)).isEqualTo(1);
  }

  @Example
  public void aRollbackAfterSeveralCodesGivesEveryNumberBack() {
    CrmStore store = newStore();
    DimensionCodeStore codes = store.attach(dimensionCodes());
    String key = "give-back:" + IDS.incrementAndGet();
    codes.codeSequences().next(key);

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      codes.codeSequences().nextBlock(key, 5);
      codes.codeSequences().next(key);
      throw new IllegalStateException("rolled back");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(codes.codeSequences().current(key)).isEqualTo(1);
    assertThat(codes.codeSequences().next(key)).isEqualTo(2);
  }

  @Example
  public void attachingTwiceGivesTheSamePortsAndKeepsWhatWasWritten() {
    CrmStore store = newStore();
    LifecycleStore first = store.attach(lifecycle());
    Customer saved = store.customers().save(customer());
    first.lifecycleHistory().append(entry(saved));

    LifecycleStore second = store.attach(lifecycle());

    assertThat(second).isSameAs(first);
    assertThat(second.base()).isSameAs(store);
    assertThat(second.lifecycleHistory().forCustomer(saved.id())).containsExactly(entry(saved));
    assertThat(store.attach(dimensionCodes())).isSameAs(store.attach(dimensionCodes()));
  }

  @Example
  public void threadsAttachingAtOnceShareOneSetOfPorts() {
    CrmStore store = newStore();

    List<LifecycleStore> attached = Concurrently.run(6, thread -> () -> store.attach(lifecycle()));

    assertThat(attached).allSatisfy(ports -> assertThat(ports).isSameAs(attached.get(0)));
  }

  @Example
  public void anExtensionsPortsWorkOnTheStoreTheyWereAttachedTo() {
    CrmStore store = newStore();
    LifecycleStore lifecycle = store.attach(lifecycle());

    assertThat(lifecycle.base()).isSameAs(store);
    assertThat(store.attach(dimensionCodes()).base()).isSameAs(store);
  }

  private static Customer customer() {
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(0x5EED, IDS.incrementAndGet())))
        .version(0)
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("Extension", "Contract"))
        .displayName("Contract Extension")
        .stage(LifecycleStage.PROSPECT)
        .createdAt(AT)
        .updatedAt(AT)
        .build();
  }

  private static Purchase purchase(CustomerId customer) {
    return new Purchase.Builder()
        .id(ActivityId.of(new UUID(0x5EED, IDS.incrementAndGet())))
        .customerId(customer)
        .occurredAt(AT)
        .amount(Money.of(CurrencyUnit.EUR, 10))
        .channel("online")
        .build();
  }

  private static HistoryEntry entry(Customer saved) {
    return new HistoryEntry(saved.id(), saved.version(), LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
        Trigger.EVALUATION_STARTED, AT, "contract", Optional.empty());
  }
}
