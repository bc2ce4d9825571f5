package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A metric criterion reads the metric table's index and reaches the customers by primary key, on
 * both databases: the plans of the exact SQL the adapter sends over 6,000 customers, each with a
 * {@code clv} and an {@code rfm_segment} (analysed on PostgreSQL, sequential scans left enabled).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricIndexPlanTest {
  private static final int CUSTOMERS = 6_000;
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  Stream<Arguments> databases() throws SQLException {
    return Stream.of(Arguments.of("h2", load(TestDatabases.h2("metric_plan"), "h2")),
        Arguments.of("postgresql", load(TestDatabases.postgres("metric_plan"), "postgresql")));
  }

  private Loaded load(DataSource dataSource, String database) throws SQLException {
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    CustomerMetrics metrics = store.attach(JdbcMetrics.extension()).customerMetrics();
    List<Customer> rows = new ArrayList<>();
    List<CustomerMetric> values = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      CustomerId id = CustomerId.of(new UUID(0x504c414eL, i));
      rows.add(new Customer.Builder().from(NewCustomer.organisation("Company " + i).build()).id(id).version(0)
          .createdAt(AT).updatedAt(AT).build());
      values.add(CustomerMetric.number(id, "clv", i, AT));
      values.add(CustomerMetric.text(id, "rfm_segment", i % 1_000 == 0 ? "Champions" : "Hibernating", AT));
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(CUSTOMERS);
    metrics.recordAll(values);
    if (database.equals("postgresql")) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE");
      }
    }
    return new Loaded(dataSource, (JdbcCustomers) store.customers(), database);
  }

  record Loaded(DataSource dataSource, JdbcCustomers customers, String database) {
    @Override
    public String toString() {
      return database;
    }
  }

  /** Criteria that select 5 or 6 customers, and the index each must read. */
  static final Map<Criteria, String> SELECTIVE = Map.of(
      Criteria.metric("clv").atLeast(CUSTOMERS - 5), "crm_customer_metric_number_idx",
      Criteria.metric("clv").between(100, 105), "crm_customer_metric_number_idx",
      Criteria.metricIs("rfm_segment", "Champions"), "crm_customer_metric_text_idx");

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMetricCriterionReadsTheMetricIndexAndTheCustomersByPrimaryKey(String database, Loaded loaded)
      throws SQLException {
    for (Map.Entry<Criteria, String> selective : SELECTIVE.entrySet()) {
      Criteria criteria = selective.getKey();
      String index = selective.getValue();
      String plan = plan(loaded.dataSource(), loaded.customers().criteriaSql().page(criteria, Sort.byId(), 0, 100));

      if (database.equals("h2")) {
        assertThat(plan).as("%s", criteria).containsIgnoringCase(index + ":")
            .containsPattern("PRIMARY_KEY_\\w+: ID IN\\(").doesNotContainIgnoringCase("tableScan");
      } else {
        assertThat(plan).as("%s", criteria).contains(index).contains("crm_customer_pk")
            .doesNotContainPattern("Seq Scan on crm_customer t\\b");
      }
      assertThat(loaded.customers().count(criteria)).as("%s", criteria).isBetween(5L, 6L);
    }
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
