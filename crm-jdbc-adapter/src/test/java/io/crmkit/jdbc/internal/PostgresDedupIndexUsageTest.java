package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * EXPLAIN on a real PostgreSQL shows that the dedup lookups that run per incoming record or per
 * reviewer page use their indexes: finding customers by blocking keys, and the next waiting pairs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDedupIndexUsageTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private DataSource dataSource;
  private JdbcBlockingKeyIndex keys;
  private JdbcReviewQueue queue;

  @BeforeAll
  void loadRows() throws SQLException {
    dataSource = TestDatabases.postgres("explain_dedup");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource, JdbcDedup.options(JdbcOptions.builder()).build());
    DedupStore dedup = store.attach(JdbcDedup.extension());
    keys = (JdbcBlockingKeyIndex) dedup.blockingKeys();
    queue = (JdbcReviewQueue) dedup.reviewQueue();
    store.transactions().inTransaction(() -> {
      for (int i = 0; i < 3_000; i++) {
        keys.replace(CustomerId.of(UUID.randomUUID()), Set.of("phone:" + i, "name:" + (i % 700)));
        queue.enqueue(new ReviewItem("r" + i, "s" + i, (i % 100) / 100.0,
            List.of(new FieldScore("phones", "exact", 5)), T0.plusSeconds(i)));
      }
      return null;
    });
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  @Test
  void findingCustomersByBlockingKeysUsesTheKeyIndex() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Array wanted = connection.createArrayOf("VARCHAR", new Object[] {"phone:17", "name:3"});
      String plan = explain(connection, keys.findSql(), statement -> statement.setArray(1, wanted));
      assertThat(plan).contains("crm_blocking_key_idx");
    }
  }

  @Test
  void theNextWaitingPairsUseThePendingIndex() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String plan = explain(connection, queue.pendingSql(), statement -> statement.setInt(1, 20));
      assertThat(plan).contains("crm_review_pair_pending_idx");
    }
  }

  private interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

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
