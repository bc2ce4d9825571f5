package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.Crm;
import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.code.CodeFormat;
import io.crmkit.core.dimension.code.CustomerCode;
import io.crmkit.core.dimension.code.CustomerCodeAllocator;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.FireResult;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The new ports working together over one {@link JdbcCrmStore} on a real PostgreSQL: a lifecycle
 * move's customer save, history entry and outbox event commit or roll back as one, and customer
 * codes drawn by several threads, each in the transaction that saves its customer, are unique
 * and gap-free.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLifecycleAndCodesEndToEndTest {
  private static final Instant NOW = Instant.parse("2025-06-01T09:30:00.123456Z");
  private static final CodeFormat FORMAT = new CodeFormat.Builder("customer")
      .dimension(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes(), "type")
      .dimension(Dimensions.REGION, BuiltInSchemes.gbt2260(), "province")
      .literal("-")
      .sequence(6)
      .checkCharacters(CheckCharacters.MOD_37_2)
      .build();
  private static final int THREADS = 6;
  private static final int CODES_PER_THREAD = 30;

  private HikariDataSource dataSource;
  private JdbcCrmStore store;
  private Crm crm;
  private LifecycleEngine engine;

  @BeforeAll
  void createStore() {
    HikariConfig config = new HikariConfig();
    config.setDataSource(TestDatabases.postgres("end_to_end"));
    config.setMaximumPoolSize(THREADS + 2);
    config.setPoolName("end-to-end-postgres");
    dataSource = new HikariDataSource(config);
    store = JdbcCrmStore.create(dataSource);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    crm = Crm.builder().store(store).clock(clock).build();
    engine = LifecycleEngine.builder().store(store.attach(JdbcLifecycle.extension())).clock(clock).build();
  }

  @AfterAll
  void closePool() {
    dataSource.close();
  }

  @Test
  void aMoveCommitsTheCustomerItsHistoryEntryAndItsEventTogether() throws SQLException {
    Customer prospect = crm.register(NewCustomer.organisation("Atomic Move Ltd").build());

    FireResult result = engine.fire(prospect.id(), Trigger.EVALUATION_STARTED, "alice", "asked for a quote");

    HistoryEntry entry = ((FireResult.Moved) result).entry();
    Customer stored = store.customers().findById(prospect.id()).orElseThrow();
    assertThat(stored.stage()).isEqualTo(LifecycleStage.DECIDING);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(prospect.id())).containsExactly(entry);
    assertThat(entry.customerVersion()).isEqualTo(stored.version());
    assertThat(outboxEventTypes(prospect.id())).containsExactly("CustomerRegistered", "StageChanged");
    assertThat(engine.replay(prospect.id())).isEqualTo(stored.stage());
  }

  @Test
  void aHistoryClashAfterTheSaveRollsBackTheSaveAndWritesNoEvent() throws SQLException {
    Customer prospect = crm.register(NewCustomer.organisation("History Clash GmbH").build());
    HistoryEntry planted = new HistoryEntry(prospect.id(), 2, LifecycleStage.PROSPECT, LifecycleStage.DISQUALIFIED,
        Trigger.MANUAL, NOW, "someone-else", Optional.of("planted before the move"));
    store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(planted);

    assertThatThrownBy(() -> engine.fire(prospect.id(), Trigger.EVALUATION_STARTED, "alice", null))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(store.customers().findById(prospect.id())).contains(prospect);
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(prospect.id())).containsExactly(planted);
    assertThat(outboxEventTypes(prospect.id())).containsExactly("CustomerRegistered");
  }

  @Test
  void aFaultAfterTheEventIsWrittenRollsBackTheCustomerTheHistoryAndTheEvent() throws SQLException {
    Customer prospect = crm.register(NewCustomer.organisation("Injected Fault SA").build());
    EventPublisher outboxThenFault = event -> {
      store.events().publish(event);
      throw new IllegalStateException("injected fault after the outbox write");
    };
    LifecycleEngine faulty = LifecycleEngine.builder().store(store.attach(JdbcLifecycle.extension())).events(outboxThenFault)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    assertThatThrownBy(() -> faulty.fire(prospect.id(), Trigger.EVALUATION_STARTED, "alice", null))
        .hasMessageContaining("injected fault");

    assertThat(store.customers().findById(prospect.id())).contains(prospect);
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(prospect.id())).isEmpty();
    assertThat(outboxEventTypes(prospect.id())).containsExactly("CustomerRegistered");

    engine.fire(prospect.id(), Trigger.EVALUATION_STARTED, "alice", null);
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(prospect.id())).hasSize(1);
    assertThat(outboxEventTypes(prospect.id())).containsExactly("CustomerRegistered", "StageChanged");
  }

  /**
   * Each thread registers customers, drawing each one's code in the transaction that saves it
   * (the code is also the customer's external reference, which the database keeps unique); every
   * fifth transaction fails after drawing its code and gives the number back. The committed codes
   * are distinct and, per sequence, numbered 1 to n without a gap.
   */
  @Test
  void severalThreadsDrawingCodesInTheirCustomersTransactionsNeverShareOneAndLeaveNoGap() throws Exception {
    CustomerCodeAllocator allocator = new CustomerCodeAllocator(FORMAT, store.attach(JdbcDimensionCodes.extension()).codeSequences());
    List<Map<String, String>> combinations = List.of(
        Map.of(Dimensions.CUSTOMER_TYPE, "B2B", Dimensions.REGION, "110105"),
        Map.of(Dimensions.CUSTOMER_TYPE, "GOV", Dimensions.REGION, "440305"));

    List<List<CustomerCode>> perThread = Race.run(THREADS, thread -> () -> {
      List<CustomerCode> committed = new ArrayList<>();
      for (int i = 0; i < CODES_PER_THREAD; i++) {
        Map<String, String> codes = combinations.get((thread + i) % combinations.size());
        boolean fail = i % 5 == 4;
        try {
          committed.add(store.transactions().inTransaction(() -> {
            CustomerCode code = allocator.allocate(codes);
            crm.register(NewCustomer.organisation("Coded " + code.value()).dimensionCodes(codes)
                .addExternalReference(ExternalReference.of("customer-code", code.value())).build());
            if (fail) {
              throw new IllegalStateException("rolled back after drawing " + code.value());
            }
            return code;
          }));
        } catch (IllegalStateException expected) {
          assertThat(fail).as(expected.getMessage()).isTrue();
        }
      }
      return committed;
    });

    List<CustomerCode> all = perThread.stream().flatMap(List::stream).toList();
    assertThat(all).hasSize(THREADS * (CODES_PER_THREAD - CODES_PER_THREAD / 5));
    assertThat(new HashSet<>(all)).as("no code twice").hasSameSizeAs(all);
    Map<String, List<Long>> numbersByKey = new TreeMap<>(all.stream().collect(Collectors.groupingBy(
        code -> FORMAT.sequenceKey(code.parts().dimensionCodes()),
        Collectors.mapping(code -> code.parts().sequence(), Collectors.toList()))));
    assertThat(numbersByKey).hasSize(2);
    numbersByKey.forEach((key, numbers) -> {
      assertThat(numbers).as("numbers of %s", key).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, numbers.size()).boxed().toList());
      assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().current(key)).isEqualTo(numbers.size());
    });
    Set<String> referenced = new HashSet<>();
    for (CustomerCode code : all) {
      Customer owner = store.customers().findByExternalReference(ExternalReference.of("customer-code", code.value()))
          .orElseThrow();
      referenced.add(owner.id().toString());
    }
    assertThat(referenced).as("each committed code belongs to its own saved customer").hasSameSizeAs(all);
  }

  private List<String> outboxEventTypes(CustomerId customer) throws SQLException {
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
        "SELECT event_type FROM crm_outbox WHERE customer_id = ? ORDER BY seq")) {
      select.setObject(1, customer.value());
      List<String> types = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getString(1));
        }
      }
      return types;
    }
  }
}
