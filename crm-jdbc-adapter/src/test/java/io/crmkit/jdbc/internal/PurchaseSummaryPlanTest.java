package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerId;
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
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The purchase summary statement finds a chunk's purchases through the customer index, on both
 * databases: the plans of the exact SQL it sends over a few thousand rows. On H2 this is what the
 * join with {@code UNNEST(?)} is for; {@code customer_id = ANY(?)} there reads the whole table.
 */
class PurchaseSummaryPlanTest {
  private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void postgresReadsAChunkThroughTheCustomerIndex() throws SQLException {
    DataSource dataSource = TestDatabases.postgres("summary_plan");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<CustomerId> customers = load(store);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
      // Priced out, so that the plan shows whether an index is usable whatever the table size.
      statement.execute("SET enable_seqscan = off");
      String plan = explain(connection, ((JdbcPurchases) store.purchases())::summarySql, customers);
      assertThat(plan).contains("crm_purchase_customer_idx").doesNotContain("Seq Scan");
    }
  }

  @Test
  void h2ReadsAChunkThroughTheCustomerIndex() throws SQLException {
    DataSource dataSource = TestDatabases.h2("summary_plan");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<CustomerId> customers = load(store);
    try (Connection connection = dataSource.getConnection()) {
      String plan = explain(connection, ((JdbcPurchases) store.purchases())::summarySql, customers);
      assertThat(plan).containsIgnoringCase("crm_purchase_customer_idx: customer_id = ids.id");
    }
  }

  private interface ChunkStatement {
    SqlBuilder sql(Array ids, Instant asOf);
  }

  private static String explain(Connection connection, ChunkStatement statement, List<CustomerId> customers)
      throws SQLException {
    Array ids = connection.createArrayOf("UUID", customers.subList(0, 50).stream().map(CustomerId::value).toArray());
    SqlBuilder sql = statement.sql(ids, AS_OF);
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.sql())) {
      sql.bind(explain, 1);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    } finally {
      ids.free();
    }
  }

  /** 2,000 customers with three purchases each. */
  private static List<CustomerId> load(JdbcCrmStore store) {
    List<CustomerId> customers = new ArrayList<>();
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      CustomerId customer = CustomerId.of(UUID.randomUUID());
      customers.add(customer);
      for (int p = 0; p < 3; p++) {
        purchases.add(new Purchase.Builder().id(ActivityId.of(UUID.randomUUID())).customerId(customer)
            .occurredAt(AS_OF.minusSeconds(86_400L * (i % 400) + p * 3_600L))
            .amount(Money.of(CurrencyUnit.EUR, 10 + p)).channel("online").build());
      }
    }
    store.purchases().recordAll(purchases);
    return customers;
  }
}
