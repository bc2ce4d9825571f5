package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database whose lifecycle history was written at lifecycle version 1, keyed by (customer,
 * version) only: opening it with this crmkit applies version 2, which keeps every row as the
 * customer's own entry, and merges can then move them.
 */
class LifecycleHistoryMigrationTest {
  private static final UUID CUSTOMER = new UUID(0x11FE, 1);
  private static final UUID SURVIVOR = new UUID(0x11FE, 2);

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void historyWrittenAtVersion1StaysTheCustomersOwnAndCanMoveAfterVersion2(String dialect) throws SQLException {
    DataSource dataSource =
        dialect.equals("h2") ? TestDatabases.h2("history-v1") : TestDatabases.postgres("history-v1");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
        .locations("classpath:" + Migrations.LOCATION + "lifecycle/" + dialect)
        .placeholders(Map.of("prefix", "crm_")).table("crm_lifecycle_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").target("1").load().migrate();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO crm_lifecycle_history (customer_id, customer_version, from_stage, to_stage,"
          + " trigger_name, moved_at, moved_nanos, actor, reason) VALUES ('" + CUSTOMER + "', 2, 'PROSPECT',"
          + " 'DECIDING', 'EVALUATION_STARTED', TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:00+00', 0, 'alice', NULL)");
      statement.execute("INSERT INTO crm_lifecycle_history (customer_id, customer_version, from_stage, to_stage,"
          + " trigger_name, moved_at, moved_nanos, actor, reason) VALUES ('" + SURVIVOR + "', 2, 'PROSPECT',"
          + " 'NEW', 'FIRST_PURCHASE', TIMESTAMP WITH TIME ZONE '2025-04-01 10:00:00+00', 0, 'bob', 'paid')");
    }
    HistoryEntry customers = new HistoryEntry(CustomerId.of(CUSTOMER), 2, LifecycleStage.PROSPECT,
        LifecycleStage.DECIDING, Trigger.EVALUATION_STARTED, Instant.parse("2025-03-01T10:00:00Z"), "alice",
        Optional.empty());
    HistoryEntry survivors = new HistoryEntry(CustomerId.of(SURVIVOR), 2, LifecycleStage.PROSPECT, LifecycleStage.NEW,
        Trigger.FIRST_PURCHASE, Instant.parse("2025-04-01T10:00:00Z"), "bob", Optional.of("paid"));

    LifecycleHistory history = store.attach(JdbcLifecycle.extension()).lifecycleHistory();

    assertThat(history.forCustomer(CustomerId.of(CUSTOMER))).containsExactly(customers);
    assertThat(history.latest(CustomerId.of(SURVIVOR))).contains(survivors);
    assertThat(history.move(CustomerId.of(CUSTOMER), CustomerId.of(SURVIVOR))).containsExactly(customers);
    assertThat(history.forCustomer(CustomerId.of(SURVIVOR)))
        .containsExactly(customers.keptUnder(CustomerId.of(SURVIVOR)), survivors);
    assertThat(history.latest(List.of(CustomerId.of(SURVIVOR)))).containsEntry(CustomerId.of(SURVIVOR), survivors);
    assertThat(store.migrate()).as("nothing left to migrate").isZero();
  }
}
