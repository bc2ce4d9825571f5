package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrmTest {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private Crm crm;

  @BeforeEach
  void setUp() {
    store.events().subscribe(events::add);
    crm = Crm.builder()
        .store(store)
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .ids(() -> new UUID(0, sequence.incrementAndGet()))
        .build();
  }

  @Test
  void registerAssignsIdentityTimestampsAndFirstVersionAndPublishesAnEvent() {
    Customer zhang = crm.register(NewCustomer.person("张", "伟").addTag("vip-event").build());

    assertThat(zhang.id()).isEqualTo(CustomerId.of(new UUID(0, 1)));
    assertThat(zhang.version()).isEqualTo(1);
    assertThat(zhang.createdAt()).isEqualTo(T0);
    assertThat(zhang.updatedAt()).isEqualTo(T0);
    assertThat(zhang.stage()).isEqualTo(LifecycleStage.PROSPECT);
    assertThat(crm.get(zhang.id())).isEqualTo(zhang);
    assertThat(events).singleElement().isInstanceOfSatisfying(CustomerRegistered.class,
        e -> assertThat(e.customerId()).isEqualTo(zhang.id()));
  }

  @Test
  void registerRejectsInvalidCustomerWithEveryViolationAndStoresNothing() {
    NewCustomer bad = NewCustomer.person("Li", "Na").owner(" ").addTag("").build();

    assertThatThrownBy(() -> crm.register(bad))
        .isInstanceOfSatisfying(CrmValidationException.class,
            e -> assertThat(e.violations()).hasSize(2));
    assertThat(crm.count(Criteria.all())).isZero();
    assertThat(events).isEmpty();
  }

  @Test
  void updateStoresTheChangeWithNextVersionAndNamesTheChangedAttributes() {
    Customer registered = crm.register(NewCustomer.person("Smith", "Mary").build());

    Customer updated = crm.update(registered.withTier(ValueTier.VIP).withOwner("sales-7"));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.tier()).contains(ValueTier.VIP);
    assertThat(crm.get(registered.id())).isEqualTo(updated);
    assertThat(events).last().isInstanceOfSatisfying(CustomerUpdated.class, e -> {
      assertThat(e.changedAttributes()).containsExactlyInAnyOrder("tier", "owner");
      assertThat(e.version()).isEqualTo(2);
    });
  }

  @Test
  void aDefaultDisplayNameFollowsARename() {
    Customer zhang = crm.register(NewCustomer.person("张", "伟").build());
    Customer org = crm.register(NewCustomer.organisation("Acme GmbH").build());

    Customer li = crm.update(new Customer.Builder().from(zhang).personName(PersonName.of("李", "娜")).build());
    Customer acme = crm.update(new Customer.Builder().from(org).legalName("Acme AG").build());

    assertThat(li.displayName()).isEqualTo("李娜");
    assertThat(acme.displayName()).isEqualTo("Acme AG");
    assertThat(crm.count(Criteria.eq(CustomerField.DISPLAY_NAME, "李娜"))).isEqualTo(1);
    assertThat(events).last().isInstanceOfSatisfying(CustomerUpdated.class,
        e -> assertThat(e.changedAttributes()).containsExactlyInAnyOrder("legalName", "displayName"));
  }

  @Test
  void aDisplayNameSetByHandSurvivesARenameAndARenameCanSetOne() {
    Customer shop = crm.register(NewCustomer.organisation("Acme GmbH").displayName("Acme Shop").build());
    Customer renamed = crm.update(new Customer.Builder().from(shop).legalName("Acme AG").build());
    assertThat(renamed.displayName()).isEqualTo("Acme Shop");

    Customer mary = crm.register(NewCustomer.person("Smith", "Mary").build());
    Customer married = crm.update(new Customer.Builder().from(mary).personName(PersonName.of("Jones", "Mary"))
        .displayName("Mary S. Jones").build());
    assertThat(married.displayName()).isEqualTo("Mary S. Jones");
  }

  @Test
  void updateThatChangesNothingWritesNothing() {
    Customer registered = crm.register(NewCustomer.person("Smith", "Mary").build());

    assertThat(crm.update(registered)).isEqualTo(registered);
    assertThat(events).hasSize(1);
  }

  @Test
  void updateFromAStaleCopyFailsWithConflictAndKeepsTheNewerChange() {
    Customer original = crm.register(NewCustomer.person("Smith", "Mary").build());
    crm.update(original.withOwner("alice"));

    assertThatThrownBy(() -> crm.update(original.withOwner("bob")))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("expected version 1");
    assertThat(crm.get(original.id()).owner()).contains("alice");
  }

  @Test
  void updateRefusesAStageChangeNamingTheLifecycleEngineAndWritesNothing() {
    Customer registered = crm.register(NewCustomer.person("Smith", "Mary").build());

    assertThatThrownBy(() -> crm.update(registered.withStage(LifecycleStage.NEW).withTier(ValueTier.HIGH)))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("stage");
            assertThat(v.rule()).isEqualTo("stage-change-outside-lifecycle");
          });
          assertThat(e.getMessage()).contains("LifecycleEngine.fire(...)")
              .contains("stage PROSPECT cannot be changed to NEW");
        });
    assertThat(crm.get(registered.id())).isEqualTo(registered);
    assertThat(events).hasSize(1);
  }

  @Test
  void aStaleCopyWhoseStageTheEngineMovedOnIsAConflictNotAStageChange() {
    Customer read = crm.register(NewCustomer.person("Smith", "Mary").build());
    LifecycleEngine engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    engine.fire(read.id(), Trigger.EVALUATION_STARTED, "sales", null);

    assertThatThrownBy(() -> crm.update(read.withOwner("bob"))).isInstanceOf(ConcurrentUpdateException.class);

    Customer fresh = crm.update(crm.get(read.id()).withOwner("bob"));
    assertThat(fresh.stage()).isEqualTo(LifecycleStage.DECIDING);
    assertThat(fresh.owner()).contains("bob");
  }

  @Test
  void updateOfUnknownCustomerFailsWithNotFound() {
    Customer ghost = new Customer.Builder().from(NewCustomer.person("Doe", "Jane").build())
        .id(CustomerId.of(UUID.randomUUID())).version(1).createdAt(T0).updatedAt(T0).build();

    assertThatThrownBy(() -> crm.update(ghost)).isInstanceOf(CustomerNotFoundException.class);
  }

  @Test
  void updateCannotRewriteTheCreationTime() {
    Customer registered = crm.register(NewCustomer.person("Smith", "Mary").build());
    Customer rewritten = new Customer.Builder().from(registered).owner("x")
        .createdAt(T0.minus(Duration.ofDays(300))).build();

    assertThat(crm.update(rewritten).createdAt()).isEqualTo(T0);
  }

  @Test
  void externalReferenceFindsItsCustomerAndCannotBeTakenByAnother() {
    ExternalReference erp = ExternalReference.of("erp", "C-00042");
    Customer acme = crm.register(NewCustomer.organisation("ACME Ltd").addExternalReference(erp).build());

    assertThat(crm.findByExternalReference(erp)).contains(acme);
    assertThatThrownBy(() -> crm.register(NewCustomer.organisation("Other").addExternalReference(erp).build()))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("erp:C-00042");
    assertThat(crm.count(Criteria.all())).isEqualTo(1);
  }

  @Test
  void concurrentUpdatesOfOneCustomerNeverLoseAnUpdate() throws Exception {
    Customer customer = crm.register(NewCustomer.person("Wang", "Fang").build());
    int threads = 8;
    int incrementsPerThread = 50;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < incrementsPerThread; i++) {
            while (true) {
              Customer current = crm.get(customer.id());
              int count = current.tags().size();
              try {
                crm.update(new Customer.Builder().from(current).addTag("t" + count).build());
                break;
              } catch (ConcurrentUpdateException e) {
                conflicts.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Customer last = crm.get(customer.id());
    assertThat(last.tags()).hasSize(threads * incrementsPerThread);
    assertThat(last.version()).isEqualTo(1L + threads * incrementsPerThread);
  }

  @Test
  void purchasesAndInteractionsAreRecordedAndReadBackByCustomerAndTime() {
    Customer c = crm.register(NewCustomer.person("Li", "Lei").build());
    Purchase first = crm.newPurchase(c.id()).amount(Money.of(CNY, 99.5)).occurredAt(T0).channel("online").build();
    Purchase refund = crm.newPurchase(c.id()).amount(Money.of(CNY, -20)).occurredAt(T0.plusSeconds(60))
        .channel("online").orderReference("SO-1").build();
    Interaction call = crm.newInteraction(c.id()).channel(Interaction.Channel.PHONE)
        .direction(Interaction.Direction.INBOUND).occurredAt(T0.plusSeconds(30)).subject("Delivery question").build();

    crm.recordPurchase(refund);
    crm.recordPurchase(first);
    crm.recordPurchase(first);
    crm.recordInteraction(call);

    assertThat(crm.purchases(c.id(), TimeRange.all())).containsExactly(first, refund);
    assertThat(crm.purchases(c.id(), TimeRange.between(T0, T0.plusSeconds(60)))).containsExactly(first);
    assertThat(refund.isRefund()).isTrue();
    assertThat(crm.interactions(c.id(), TimeRange.all())).containsExactly(call);
  }

  @Test
  void purchaseOfUnknownCustomerIsRejected() {
    Purchase orphan = crm.newPurchase(CustomerId.of(UUID.randomUUID())).amount(Money.of(CNY, 1))
        .occurredAt(T0).channel("store").build();

    assertThatThrownBy(() -> crm.recordPurchase(orphan)).isInstanceOf(CustomerNotFoundException.class);
  }

  @Test
  void invalidPurchaseIsRejected() {
    Customer c = crm.register(NewCustomer.person("Li", "Lei").build());
    Purchase bad = crm.newPurchase(c.id()).amount(Money.of(CNY, 1)).occurredAt(T0).channel(" ").quantity(0).build();

    assertThatThrownBy(() -> crm.recordPurchase(bad))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path() + ":" + v.rule())
            .containsExactly("channel:NotBlank", "quantity:Positive"));
  }

  @Test
  void aBirthDateAfterTodayOnTheCrmClockIsRejected() {
    NewCustomer unborn = NewCustomer.person("Li", "Lei").birthDate(LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(1))
        .build();

    assertThatThrownBy(() -> crm.register(unborn)).isInstanceOfSatisfying(CrmValidationException.class,
        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("birthDate"));
  }

  @Test
  void amountsAndAttributeNumbersTooLongToExchangeAreRejected() {
    Customer c = crm.register(NewCustomer.person("Li", "Lei").build());
    Purchase huge = crm.newPurchase(c.id()).amount(Money.of(CNY, new BigDecimal("9".repeat(33))))
        .occurredAt(T0).channel("store").build();

    assertThatThrownBy(() -> crm.recordPurchase(huge)).isInstanceOfSatisfying(CrmValidationException.class,
        e -> assertThat(e.violations()).extracting(v -> v.path() + ":" + v.rule()).containsExactly("amount:MoneyAmount"));
    assertThatThrownBy(() -> crm.update(new Customer.Builder().from(c)
        .putAttribute("limit", AttributeValue.number(new BigDecimal("1".repeat(401)))).build()))
        .isInstanceOfSatisfying(CrmValidationException.class,
            e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("Digits"));
  }

  @Test
  void findReturnsMatchingCustomersPageByPageInTheRequestedOrder() {
    for (String name : List.of("Delta", "Alpha", "Charlie", "Bravo", "Echo")) {
      crm.register(NewCustomer.organisation(name + " GmbH").putDimensionCode("region", name.startsWith("A") ? "110105" : "310101").build());
    }

    var firstPage = crm.find(Criteria.codeStartsWith("region", "31"),
        Sort.ascending(CustomerField.LEGAL_NAME), io.crmkit.core.common.PageRequest.first(2));

    assertThat(firstPage.items()).extracting(Customer::displayName).containsExactly("Bravo GmbH", "Charlie GmbH");
    assertThat(firstPage.hasNext()).isTrue();
    assertThat(crm.find(Criteria.codeStartsWith("region", "31"), Sort.ascending(CustomerField.LEGAL_NAME),
        firstPage.nextRequest()).items()).extracting(Customer::displayName).containsExactly("Delta GmbH", "Echo GmbH");
    assertThat(crm.count(Criteria.codeIs("region", "110105"))).isEqualTo(1);
  }
}
