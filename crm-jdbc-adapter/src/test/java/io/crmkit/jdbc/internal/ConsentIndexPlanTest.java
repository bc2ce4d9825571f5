package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.TestDatabases;
import io.crmkit.privacy.consent.Purpose;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign's consent read uses the ledger's index on both databases: the plan of the exact SQL
 * {@code JdbcConsents.deciding} sends, over 6,000 customers with three records each (analysed on
 * PostgreSQL, sequential scans left enabled).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentIndexPlanTest {
  private static final int CUSTOMERS = 6_000;
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS,
      Purpose.PROFILING);

  Stream<Arguments> databases() throws SQLException {
    return Stream.of(Arguments.of("h2", load(TestDatabases.h2("consent_plan"), "h2")),
        Arguments.of("postgresql", load(TestDatabases.postgres("consent_plan"), "postgresql")));
  }

  private static CustomerId customer(int i) {
    return CustomerId.of(new UUID(0xC0C0L, i));
  }

  private Loaded load(DataSource dataSource, String database) throws SQLException {
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    JdbcConsents consents = (JdbcConsents) store.attach(JdbcPrivacy.extension()).consents();
    try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO crm_consent_entry (customer_id, purpose, status, source, evidence, occurred_at, occurred_nanos,"
            + " actor) VALUES (?, ?, 'GRANTED', 'import', 'plan-test', ?, 0, 'loader')")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < CUSTOMERS; i++) {
        for (Purpose purpose : PURPOSES) {
          insert.setObject(1, customer(i).value());
          insert.setString(2, purpose.name());
          insert.setObject(3, Values.micros(AT.minusSeconds(i)));
          insert.addBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
      if (database.equals("postgresql")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ANALYZE");
        }
        connection.commit();
      }
    }
    return new Loaded(dataSource, consents, database);
  }

  record Loaded(DataSource dataSource, JdbcConsents consents, String database) {
    @Override
    public String toString() {
      return database;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCampaignReadOfTenCustomersReadsTheLedgerIndexNotTheWholeTable(String database, Loaded loaded)
      throws SQLException {
    List<CustomerId> campaign = IntStream.range(0, 10).map(i -> i * 600).mapToObj(ConsentIndexPlanTest::customer)
        .toList();
    Object[] ids = campaign.stream().map(CustomerId::value).toArray();
    SqlBuilder sql = loaded.consents().decidingSql(
        (statement, index) -> statement.setArray(index, statement.getConnection().createArrayOf("UUID", ids)),
        Purpose.MARKETING_SMS, AT);

    String plan = plan(loaded.dataSource(), sql);

    if (database.equals("h2")) {
      assertThat(plan).containsIgnoringCase("crm_consent_entry_customer_idx").doesNotContainIgnoringCase("tableScan");
    } else {
      assertThat(plan).contains("crm_consent_entry_customer_idx").doesNotContain("Seq Scan on crm_consent_entry");
    }
    assertThat(loaded.consents().deciding(campaign, Purpose.MARKETING_SMS, AT)).hasSize(10);
  }

  private static String plan(DataSource dataSource, SqlBuilder sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.sql())) {
      sql.bind(explain, 1);
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
