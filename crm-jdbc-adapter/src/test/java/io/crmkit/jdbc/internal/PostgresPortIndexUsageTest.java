package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcDimensionCodes;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * EXPLAIN on a real PostgreSQL shows that the lookups of the code-sequence, code-request, history
 * and churn-signal adapters use their indexes: the plans of the exact SQL they send, over a few
 * thousand analysed rows, with sequential scans priced out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPortIndexUsageTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private DataSource dataSource;
  private JdbcCodeSequences sequences;
  private JdbcCodeRequests requests;
  private JdbcLifecycleHistory history;
  private JdbcChurnSignals signals;
  private final List<CustomerId> customers = new ArrayList<>();

  @BeforeAll
  void loadRows() throws SQLException {
    dataSource = TestDatabases.postgres("explain_ports");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    sequences = (JdbcCodeSequences) store.attach(JdbcDimensionCodes.extension()).codeSequences();
    requests = (JdbcCodeRequests) store.attach(JdbcDimensionCodes.extension()).codeRequests();
    history = (JdbcLifecycleHistory) store.attach(JdbcLifecycle.extension()).lifecycleHistory();
    signals = (JdbcChurnSignals) store.attach(JdbcLifecycle.extension()).churnSignals();
    List<ChurnSignal> measured = new ArrayList<>();
    store.transactions().inTransaction(() -> {
      for (int i = 0; i < 1_500; i++) {
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        customers.add(customer);
        for (int version = 2; version <= 3; version++) {
          history.append(new HistoryEntry(customer, version, LifecycleStage.NEW, LifecycleStage.ACTIVE,
              Trigger.REPEAT_PURCHASE, T0.plusSeconds(i * 60L + version), "explain", Optional.empty()));
          measured.add(new ChurnSignal(customer, 0.5, T0.plusSeconds(i * 60L + version), "bg-nbd"));
        }
        sequences.next("key-" + (i % 300));
        requests.add(new CodeRequest.Builder().id(CodeRequestId.of(UUID.randomUUID())).schemeId("scheme-" + (i % 30))
            .code("C" + i).labels(Labels.of("en", "code " + i)).origin(CodeRequest.Origin.USER).requestedBy("alice")
            .requestedAt(T0.plusSeconds(i)).build());
      }
      signals.recordAll(measured);
      return null;
    });
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  @Test
  void readingASequenceUsesItsPrimaryKey() throws SQLException {
    assertThat(plan(sequences.currentSql(), statement -> statement.setString(1, "key-7")))
        .contains("crm_code_sequence_pk");
  }

  @Test
  void thePendingRequestForACodeUsesThePartialUniqueIndex() throws SQLException {
    String plan = plan(requests.pendingSql(), statement -> {
      statement.setString(1, "scheme-3");
      statement.setString(2, "C3");
    });
    assertThat(plan).contains("crm_code_request_pending_uk");
  }

  @Test
  void listingASchemesRequestsUsesTheSchemeIndex() throws SQLException {
    String plan = plan(requests.findSql("scheme-3", EnumSet.allOf(CodeRequest.Status.class)));
    assertThat(plan).contains("crm_code_request_scheme_idx");
  }

  @Test
  void theLatestHistoryEntryUsesThePrimaryKeyOneCustomerOrManyAtOnce() throws SQLException {
    assertThat(plan(history.latestSql(), statement -> {
      statement.setObject(1, customers.get(7).value());
      statement.setObject(2, customers.get(7).value());
    })).contains("crm_lifecycle_history_pk");
    assertThat(planWithIds(history.bulkLatestSql())).contains("crm_lifecycle_history_pk");
  }

  @Test
  void streamingAPeriodOfHistoryUsesAnIndex() throws SQLException {
    String plan = plan(history.streamPageSql(TimeRange.between(T0.plusSeconds(600), T0.plusSeconds(1200)), null));
    assertThat(plan).containsPattern("crm_lifecycle_history_(pk|time_idx)").doesNotContain("Seq Scan");
  }

  @Test
  void theLatestChurnSignalBeforeADateUsesThePrimaryKey() throws SQLException {
    assertThat(plan(signals.latestSql(customers.get(7), T0.plusSeconds(500_000)))).contains("crm_churn_signal_pk");
    try (Connection connection = dataSource.getConnection()) {
      Array ids = connection.createArrayOf("UUID", customers.subList(0, 50).stream().map(CustomerId::value).toArray());
      assertThat(plan(connection, signals.bulkLatestSql(ids, T0.plusSeconds(500_000)))).contains("crm_churn_signal_pk");
    }
  }

  private String plan(SqlBuilder sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return plan(connection, sql);
    }
  }

  private String plan(String text, Binding binding) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return explain(connection, text, binding);
    }
  }

  private String planWithIds(String text) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Array ids = connection.createArrayOf("UUID", customers.subList(0, 50).stream().map(CustomerId::value).toArray());
      return explain(connection, text, statement -> statement.setArray(1, ids));
    }
  }

  private static String plan(Connection connection, SqlBuilder sql) throws SQLException {
    return explain(connection, sql.sql(), statement -> sql.bind(statement, 1));
  }

  private interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** The plan, with sequential scans priced out so a usable index is chosen whatever the table size. */
  private static String explain(Connection connection, String sql, Binding binding) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
    }
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      binding.bind(explain);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }
}
