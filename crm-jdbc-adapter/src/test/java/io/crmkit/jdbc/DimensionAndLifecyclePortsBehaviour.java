package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the code-sequence, code-request, history and churn-signal adapters do beyond their port
 * contracts (transactions, storage limits, nanoseconds, keyset pages), run on H2 and PostgreSQL
 * by subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DimensionAndLifecyclePortsBehaviour {
  private static final Instant T0 = TestCustomers.T0;

  DataSource dataSource;
  JdbcCrmStore store;

  /** A new, empty database (or schema) for this test class. */
  abstract DataSource newDatabase(String name);

  @BeforeAll
  void createStore() {
    dataSource = newDatabase(getClass().getSimpleName());
    store = JdbcCrmStore.create(dataSource);
  }

  @Test
  void numbersDrawnInARolledBackTransactionAreGivenBack() {
    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().nextBlock("rollback", 5)).isEqualTo(1);
      throw new IllegalStateException("the customer could not be saved");
    })).hasMessageContaining("could not be saved");

    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().current("rollback")).isZero();
    assertThat(store.transactions().inTransaction(() -> store.attach(JdbcDimensionCodes.extension()).codeSequences().next("rollback"))).isEqualTo(1);
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().current("rollback")).isEqualTo(1);
  }

  @Test
  void aSpentSequenceIsExhaustedAndStaysAsItWas() throws SQLException {
    execute("INSERT INTO crm_code_sequence (sequence_key, last_value) VALUES (?, ?)", "nearly spent",
        Long.MAX_VALUE - 3);

    assertThatThrownBy(() -> store.attach(JdbcDimensionCodes.extension()).codeSequences().nextBlock("nearly spent", 4))
        .isInstanceOf(CodeSequences.SequenceExhaustedException.class);
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().current("nearly spent")).isEqualTo(Long.MAX_VALUE - 3);
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().nextBlock("nearly spent", 3)).isEqualTo(Long.MAX_VALUE - 2);
    assertThatThrownBy(() -> store.attach(JdbcDimensionCodes.extension()).codeSequences().next("nearly spent")).isInstanceOf(CodeSequences.SequenceExhaustedException.class);
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().current("nearly spent")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aKeyTheDatabaseWouldStoreAsAnotherKeyIsRejected() {
    assertThatThrownBy(() -> store.attach(JdbcDimensionCodes.extension()).codeSequences().next("province-\uD800"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> store.attach(JdbcDimensionCodes.extension()).codeSequences().current("\uDC00")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codeRequestTextTheDatabaseCannotStoreIsRejectedBeforeAnySql() {
    CodeRequest withNul = new CodeRequest.Builder().from(request("K01")).note("line\u0000break").build();
    CodeRequest longScheme = new CodeRequest.Builder().from(request("K02")).schemeId("s".repeat(129)).build();

    assertThatThrownBy(() -> store.attach(JdbcDimensionCodes.extension()).codeRequests().add(withNul)).isInstanceOf(CrmValidationException.class)
        .hasMessageContaining("note");
    assertThatThrownBy(() -> store.attach(JdbcDimensionCodes.extension()).codeRequests().add(longScheme)).isInstanceOf(CrmValidationException.class)
        .hasMessageContaining("schemeId");
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeRequests().findById(withNul.id())).isEmpty();
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeRequests().findPending("segment\u0000", "K01")).isEmpty();
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeRequests().find("segment\u0000", EnumSet.allOf(CodeRequest.Status.class))).isEmpty();
  }

  @Test
  void codeRequestTimesKeepTheirNanoseconds() {
    CodeRequest request = request("K10");
    store.attach(JdbcDimensionCodes.extension()).codeRequests().add(request);

    assertThat(store.attach(JdbcDimensionCodes.extension()).codeRequests().findById(request.id())).contains(request);
    assertThat(request.requestedAt().getNano() % 1000).isNotZero();
  }

  @Test
  void historyAndSignalsKeepNanosecondsAndRejectInstantsTheDatabaseCannotStore() {
    CustomerId customer = CustomerId.of(UUID.randomUUID());
    HistoryEntry entry = entry(customer, 2, T0);
    ChurnSignal signal = new ChurnSignal(customer, 0.25, T0, "bg-nbd");
    store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(entry);
    store.attach(JdbcLifecycle.extension()).churnSignals().record(signal);

    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(customer)).containsExactly(entry);
    assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(customer, T0)).as("measured at, not before, asOf").isEmpty();
    assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(customer, T0.plusNanos(1))).contains(signal);
    assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(customer, Instant.MAX)).contains(signal);
    assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(List.of(customer), T0.plusNanos(1))).containsEntry(customer, signal);
    assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(customer, Instant.MIN)).isEmpty();

    Instant farFuture = Instant.parse("+10000-01-01T00:00:00Z");
    assertThatThrownBy(() -> store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(entry(customer, 3, farFuture)))
        .isInstanceOf(CrmValidationException.class).hasMessageContaining("at");
    assertThatThrownBy(() -> store.attach(JdbcLifecycle.extension()).churnSignals().recordAll(List.of(signal, new ChurnSignal(customer, 0.5, farFuture, "x"))))
        .isInstanceOf(CrmValidationException.class).hasMessageContaining("[1].measuredAt");
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(customer)).containsExactly(entry);
  }

  @Test
  void aRepeatedOrClashingAppendLeavesTheCallersTransactionUsable() {
    CustomerId customer = CustomerId.of(UUID.randomUUID());
    HistoryEntry entry = entry(customer, 2, T0);
    HistoryEntry rival = new HistoryEntry(customer, 2, LifecycleStage.PROSPECT, LifecycleStage.DISQUALIFIED, Trigger.MANUAL,
        T0, "someone-else", Optional.of("spam"));

    List<HistoryEntry> seen = store.transactions().inTransaction(() -> {
      store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(entry);
      store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(entry);
      assertThatThrownBy(() -> store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(rival)).isInstanceOf(DuplicateKeyException.class);
      store.attach(JdbcLifecycle.extension()).lifecycleHistory().append(entry(customer, 3, T0.plusSeconds(1)));
      return store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(customer);
    });

    assertThat(seen).extracting(HistoryEntry::customerVersion).containsExactly(2L, 3L);
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().forCustomer(customer)).isEqualTo(seen);
  }

  @Test
  void probabilitiesAtTheEdgesComeBackExactly() {
    CustomerId customer = CustomerId.of(UUID.randomUUID());
    List<ChurnSignal> signals = new ArrayList<>();
    double[] edges = {-0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(1.0), 1.0};
    for (int i = 0; i < edges.length; i++) {
      signals.add(new ChurnSignal(customer, edges[i], T0.plusSeconds(i), "edge"));
    }
    store.attach(JdbcLifecycle.extension()).churnSignals().recordAll(signals);

    for (int i = 0; i < edges.length; i++) {
      assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(customer, T0.plusSeconds(i).plusNanos(1))).contains(signals.get(i));
    }
  }

  @Test
  void recordingTheSameCustomerAndTimeTwiceInOneBatchKeepsTheLast() {
    CustomerId customer = CustomerId.of(UUID.randomUUID());
    ChurnSignal first = new ChurnSignal(customer, 0.9, T0, "bg-nbd");
    ChurnSignal second = new ChurnSignal(customer, Double.MIN_VALUE, T0, "bg-nbd-v2");

    store.attach(JdbcLifecycle.extension()).churnSignals().recordAll(List.of(first, second));

    assertThat(store.attach(JdbcLifecycle.extension()).churnSignals().latest(customer, T0.plusSeconds(1))).contains(second);
  }

  @Test
  void streamingHistoryCrossesKeysetPagesInCustomerThenVersionOrder() {
    Instant start = Instant.parse("2031-01-01T00:00:00Z");
    List<HistoryEntry> entries = new ArrayList<>();
    for (int c = 0; c < 1_200; c++) {
      CustomerId customer = CustomerId.of(UUID.randomUUID());
      for (int version = 2; version <= 3; version++) {
        entries.add(entry(customer, version, start.plusMillis(c * 10L + version)));
      }
    }
    store.transactions().inTransaction(() -> {
      entries.forEach(store.attach(JdbcLifecycle.extension()).lifecycleHistory()::append);
      return null;
    });
    entries.sort(Comparator.comparing(HistoryEntry::customerId).thenComparingLong(HistoryEntry::customerVersion));

    List<HistoryEntry> streamed;
    try (Stream<HistoryEntry> all = store.attach(JdbcLifecycle.extension()).lifecycleHistory().stream(TimeRange.since(start))) {
      streamed = all.collect(Collectors.toList());
    }
    assertThat(streamed).isEqualTo(entries);
    Set<CustomerId> sample = entries.stream().map(HistoryEntry::customerId).distinct().limit(10).collect(Collectors.toSet());
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory().latest(sample)).hasSize(10)
        .allSatisfy((id, latest) -> assertThat(latest.customerVersion()).isEqualTo(3));
  }

  private static HistoryEntry entry(CustomerId customer, long version, Instant at) {
    return new HistoryEntry(customer, version, LifecycleStage.NEW, LifecycleStage.ACTIVE, Trigger.REPEAT_PURCHASE, at,
        "behaviour", Optional.of("entry " + version));
  }

  private static CodeRequest request(String code) {
    return new CodeRequest.Builder()
        .id(CodeRequestId.of(UUID.randomUUID()))
        .schemeId("segment")
        .code(code)
        .labels(Labels.of("zh", "代码 " + code, "en", "code " + code))
        .origin(CodeRequest.Origin.USER)
        .requestedBy("alice")
        .requestedAt(T0)
        .build();
  }

  private void execute(String sql, String text, long number) throws SQLException {
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, text);
      statement.setLong(2, number);
      statement.executeUpdate();
    }
  }
}
