package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.imports.CustomerImporter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transactional outbox and its relay, run on H2 and PostgreSQL by subclasses. */
abstract class OutboxBehaviour {
  DataSource dataSource;
  JdbcCrmStore store;
  Crm crm;

  abstract DataSource newDatabase(String name);

  @BeforeEach
  void freshDatabase() {
    dataSource = newDatabase("outbox");
    store = JdbcCrmStore.create(dataSource);
    crm = Crm.builder().store(store).build();
  }

  @Test
  void eventsAreWrittenInTheTransactionOfTheChangeAndRolledBackWithIt() {
    crm.register(NewCustomer.organisation("Kept Ltd").build());
    assertThat(store.outboxRelay(e -> { }).pendingCount()).isEqualTo(1);

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      crm.register(NewCustomer.organisation("Lost Ltd").build());
      throw new IllegalStateException("the host's work failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.outboxRelay(e -> { }).pendingCount()).isEqualTo(1);
    assertThat(crm.count(Criteria.all())).isEqualTo(1);
  }

  @Test
  void theRelayDeliversEveryEventOnceInOrderPerCustomerAndMarksItPublished() {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      customers.add(crm.register(NewCustomer.organisation("Order " + i + " Ltd").build()));
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < customers.size(); i++) {
        customers.set(i, crm.update(customers.get(i).withOwner("owner-" + round)));
      }
    }
    List<DomainEvent> delivered = new ArrayList<>();
    RelayResult result = store.outboxRelay(delivered::add).relayPending();

    assertThat(result.delivered()).isEqualTo(9);
    assertThat(result.failed()).isFalse();
    Map<CustomerId, List<String>> perCustomer = new LinkedHashMap<>();
    for (DomainEvent event : delivered) {
      perCustomer.computeIfAbsent(event.customerId(), id -> new ArrayList<>()).add(describe(event));
    }
    assertThat(perCustomer).hasSize(3);
    perCustomer.values().forEach(events -> assertThat(events).containsExactly("registered", "v2", "v3"));
    assertThat(store.outboxRelay(delivered::add).relayPending().delivered()).isZero();
    assertThat(delivered).hasSize(9);
  }

  @Test
  void aFailingPublisherLeavesTheEventAndEveryLaterOnePendingForTheNextRun() {
    for (int i = 0; i < 4; i++) {
      crm.register(NewCustomer.organisation("Flaky " + i + " Ltd").build());
    }
    List<DomainEvent> delivered = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    RelayResult first = store.outboxRelay(event -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("broker unavailable");
      }
      delivered.add(event);
    }).relayPending();

    assertThat(first.delivered()).isEqualTo(1);
    assertThat(first.failure()).get().extracting(Throwable::getMessage).isEqualTo("broker unavailable");
    assertThat(store.outboxRelay(e -> { }).pendingCount()).isEqualTo(3);

    RelayResult second = store.outboxRelay(delivered::add).relayPending();
    assertThat(second.delivered()).isEqualTo(3);
    assertThat(delivered).extracting(DomainEvent::eventId).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void aCrashBetweenCommitAndPublishLosesNothing() {
    Customer registered = crm.register(NewCustomer.organisation("Crash Ltd").build());

    // The process dies after the commit and before any relay ran; a new process starts.
    JdbcCrmStore restarted = JdbcCrmStore.create(dataSource);
    List<DomainEvent> handedOver = new ArrayList<>();
    assertThatThrownBy(() -> restarted.outboxRelay(event -> {
      handedOver.add(event);
      throw new OutOfMemoryError("the process dies while publishing");
    }).relayPending()).isInstanceOf(OutOfMemoryError.class);

    // Died after handing the event over but before marking it: it is delivered again (at least once).
    JdbcCrmStore again = JdbcCrmStore.create(dataSource);
    List<DomainEvent> delivered = new ArrayList<>();
    assertThat(again.outboxRelay(delivered::add).relayPending().delivered()).isEqualTo(1);
    assertThat(delivered).singleElement().isInstanceOf(CustomerRegistered.class)
        .extracting(DomainEvent::customerId).isEqualTo(registered.id());
    assertThat(handedOver).extracting(DomainEvent::eventId).containsExactly(delivered.get(0).eventId());
    assertThat(again.outboxRelay(e -> { }).pendingCount()).isZero();
  }

  @Test
  void theRelayRunsOnAnExecutorTheCallerPasses() throws Exception {
    crm.register(NewCustomer.organisation("Async Ltd").build());
    List<DomainEvent> delivered = new ArrayList<>();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      RelayResult result = store.outboxRelay(delivered::add).relayPendingAsync(executor).get(30, TimeUnit.SECONDS);
      assertThat(result.delivered()).isEqualTo(1);
    } finally {
      executor.shutdownNow();
    }
    assertThat(delivered).hasSize(1);
    assertThat(store.outboxRelay(e -> { }).purgePublishedBefore(java.time.Instant.now().plusSeconds(60))).isEqualTo(1);
  }

  @Test
  void importsPublishEventsOnlyWhenAsked() {
    CustomerImporter.on(store).upsertByExternalReference("erp", List.of(TestCustomers.erpRecord(1, "Bonn")));
    assertThat(store.outboxRelay(e -> { }).pendingCount()).isZero();
    CustomerImporter.on(store).publishingEvents(true).upsertByExternalReference("erp",
        List.of(TestCustomers.erpRecord(1, "Köln"), TestCustomers.erpRecord(2, "Ulm")));
    List<DomainEvent> delivered = new ArrayList<>();
    store.outboxRelay(delivered::add).relayPending();
    assertThat(delivered).hasSize(2).anyMatch(CustomerUpdated.class::isInstance)
        .anyMatch(CustomerRegistered.class::isInstance);
  }

  @Test
  void eventsOfAnotherModulesFamilyCommitWithTheChangeAndAreRelayedEqualAndInOrder() throws SQLException {
    JdbcCrmStore familyStore = JdbcCrmStore.create(dataSource, JdbcOptions.builder().eventFamilies(TestEvents.FAMILY).build());
    Crm familyCrm = Crm.builder().store(familyStore).build();
    List<TestEvents> published = new ArrayList<>();

    Customer customer = familyStore.transactions().inTransaction(() -> {
      Customer registered = familyCrm.register(NewCustomer.organisation("Family Ltd").build());
      published.addAll(awkwardTestEvents(registered.id()));
      published.forEach(familyStore.events()::publish);
      return registered;
    });
    List<DomainEvent> delivered = new ArrayList<>();
    RelayResult result = familyStore.outboxRelay(delivered::add).relayPending();

    assertThat(result.delivered()).isEqualTo(1 + published.size());
    assertThat(delivered.get(0)).isInstanceOf(CustomerRegistered.class).extracting(DomainEvent::customerId)
        .isEqualTo(customer.id());
    assertThat(delivered.subList(1, delivered.size())).containsExactlyElementsOf(published);
    assertThat(outboxEventTypes()).containsExactly(
        "CustomerRegistered", "TagAdded", "ScoreChanged", "TagAdded", "ScoreChanged");
  }

  @Test
  void anEventOfAFamilyTheStoreWasNotGivenFailsAtPublishAndRollsTheChangeBack() {
    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      Customer registered = crm.register(NewCustomer.organisation("Unknown Family Ltd").build());
      store.events().publish(new TestEvents.TagAdded(UUID.randomUUID(), Instant.now(), registered.id(), "vip"));
      return registered;
    })).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TestEvents.TagAdded.class.getName())
        .hasMessageContaining("JdbcOptions.eventFamilies");

    assertThat(store.outboxRelay(e -> { }).pendingCount()).isZero();
    assertThat(crm.count(Criteria.all())).isZero();
  }

  @Test
  void aRelayWithoutTheFamilyOfAPendingEventStopsNamingItsTypeAndLeavesItForAStoreThatHasIt() {
    JdbcCrmStore familyStore = JdbcCrmStore.create(dataSource, JdbcOptions.builder().eventFamilies(TestEvents.FAMILY).build());
    TestEvents.TagAdded tagged = new TestEvents.TagAdded(UUID.randomUUID(), Instant.now(), CustomerId.of(UUID.randomUUID()), "vip");
    familyStore.events().publish(tagged);

    assertThatThrownBy(() -> store.outboxRelay(e -> { }).relayPending())
        .isInstanceOf(CrmStorageException.class)
        .hasMessageContaining("TagAdded")
        .hasMessageContaining("JdbcOptions.eventFamilies");
    assertThat(store.outboxRelay(e -> { }).pendingCount()).isEqualTo(1);

    List<DomainEvent> delivered = new ArrayList<>();
    assertThat(familyStore.outboxRelay(delivered::add).relayPending().delivered()).isEqualTo(1);
    assertThat(delivered).containsExactly(tagged);
  }

  /** Events whose values test the JSON and the columns: scripts, emoji, extreme instants, exact decimals. */
  private static List<TestEvents> awkwardTestEvents(CustomerId customer) {
    return List.of(
        new TestEvents.TagAdded(UUID.randomUUID(), Instant.parse("0001-01-01T00:00:00Z"), customer, "贵宾 ✨ \"quoted\""),
        new TestEvents.ScoreChanged(UUID.randomUUID(), Instant.parse("9999-12-31T23:59:59.999999999Z"), customer,
            new BigDecimal("-12345678901234567890.000000000000000001"), Optional.of("RFM 5-5-5")),
        new TestEvents.TagAdded(UUID.randomUUID(), Instant.parse("2025-06-30T12:00:00.000000001Z"), customer, "x"),
        new TestEvents.ScoreChanged(UUID.randomUUID(), Instant.EPOCH, customer, BigDecimal.ZERO, Optional.empty()));
  }

  private List<String> outboxEventTypes() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT event_type FROM crm_outbox ORDER BY seq");
        ResultSet rs = select.executeQuery()) {
      List<String> types = new ArrayList<>();
      while (rs.next()) {
        types.add(rs.getString(1));
      }
      return types;
    }
  }

  private static String describe(DomainEvent event) {
    return event instanceof CustomerUpdated updated ? "v" + updated.version() : "registered";
  }

  static String unique() {
    return UUID.randomUUID().toString();
  }
}
