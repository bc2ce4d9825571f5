package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link Crm#updateAll}: many customers saved set at a time, each as {@link Crm#update} would, each problem reported. */
class CrmUpdateAllTest {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private final Crm crm = Crm.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

  @Test
  void savesEveryChangedCustomerAnnouncesItAndReportsTheOthersWithTheirReason() {
    Customer tiered = crm.register(NewCustomer.person("Wang", "Fang").build());
    Customer same = crm.register(NewCustomer.person("Li", "Lei").build());
    Customer stale = crm.register(NewCustomer.person("Zhao", "Min").build());
    Customer staged = crm.register(NewCustomer.person("Sun", "Yu").build());
    Customer invalid = crm.register(NewCustomer.person("Zhou", "Jie").build());
    crm.update(stale.withTier(ValueTier.LOW));
    Customer missing = new Customer.Builder().from(tiered).id(CustomerId.of(new UUID(7, 7))).build();
    store.events().subscribe(events::add);

    Crm.Updates updates = crm.updateAll(List.of(tiered.withTier(ValueTier.HIGH), same, stale.withTier(ValueTier.HIGH),
        staged.withStage(LifecycleStage.ACTIVE), invalid.withOwner(" "), missing.withTier(ValueTier.HIGH)));

    assertThat(updates.saved()).singleElement().satisfies(saved -> {
      assertThat(saved.id()).isEqualTo(tiered.id());
      assertThat(saved.version()).isEqualTo(2);
      assertThat(saved.tier()).contains(ValueTier.HIGH);
      assertThat(crm.get(tiered.id())).isEqualTo(saved);
    });
    assertThat(updates.unchanged()).containsExactly(same);
    assertThat(updates.rejected()).extracting(Rejection::subject).containsExactly(stale.id().toString(),
        staged.id().toString(), invalid.id().toString(), missing.id().toString());
    assertThat(updates.rejected()).extracting(rejection -> rejection.violations().get(0).rule()).containsExactly(
        Crm.Updates.CONCURRENT_UPDATE, "stage-change-outside-lifecycle", "NotBlankIfPresent", Crm.Updates.NOT_FOUND);
    assertThat(updates.rejected().get(2).violations()).extracting(Violation::path).containsExactly("owner");
    assertThat(crm.get(stale.id()).tier()).contains(ValueTier.LOW);
    assertThat(crm.get(staged.id()).stage()).isEqualTo(LifecycleStage.PROSPECT);
    assertThat(events).singleElement().isInstanceOfSatisfying(CustomerUpdated.class, updated -> {
      assertThat(updated.customerId()).isEqualTo(tiered.id());
      assertThat(updated.version()).isEqualTo(2);
      assertThat(updated.changedAttributes()).containsExactly("tier");
    });
  }

  @Test
  void aRenameKeepsTheDefaultDisplayNameInStepAsUpdateDoes() {
    Customer wang = crm.register(NewCustomer.person("Wang", "Fang").build());
    Customer renamed = new Customer.Builder().from(wang)
        .personName(new io.crmkit.core.customer.PersonName.Builder().familyName("Wang").givenName("Fei").build()).build();

    Customer saved = crm.updateAll(List.of(renamed)).saved().get(0);

    assertThat(saved.displayName()).isEqualTo(crm.update(crm.get(wang.id()).withOwner("sales-1")).displayName())
        .isNotEqualTo(wang.displayName());
  }

  @Test
  void aCopyTakingAnotherCustomersReferenceIsRefusedAndTheOthersAreSaved() {
    Customer holder = crm.register(NewCustomer.person("Wang", "Fang").addExternalReference(ExternalReference.of("erp", "7"))
        .build());
    Customer taker = crm.register(NewCustomer.person("Li", "Lei").build());
    Customer tiered = crm.register(NewCustomer.person("Zhao", "Min").build());

    Crm.Updates updates = crm.updateAll(List.of(
        new Customer.Builder().from(taker).addExternalReferences(ExternalReference.of("erp", "7")).build(),
        tiered.withTier(ValueTier.HIGH)));

    assertThat(updates.saved()).extracting(Customer::id).containsExactly(tiered.id());
    assertThat(updates.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.subject()).isEqualTo(taker.id().toString());
      assertThat(rejection.violations()).extracting(Violation::rule).containsExactly("UniqueReference");
    });
    assertThat(crm.get(taker.id()).externalReferences()).isEmpty();
    assertThat(crm.findByExternalReference(ExternalReference.of("erp", "7")).map(Customer::id)).contains(holder.id());
  }

  @Test
  void aCustomerNamedTwiceIsRefusedBeforeAnythingIsWritten() {
    Customer wang = crm.register(NewCustomer.person("Wang", "Fang").build());

    assertThatThrownBy(() -> crm.updateAll(List.of(wang.withTier(ValueTier.HIGH), wang.withTier(ValueTier.LOW))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(wang.id().toString());
    assertThat(crm.get(wang.id()).version()).isEqualTo(1);
  }
}
