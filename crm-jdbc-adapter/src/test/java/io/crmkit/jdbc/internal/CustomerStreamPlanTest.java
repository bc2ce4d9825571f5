package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A customer stream reads keyset pages in id order. On H2 a page whose criteria have an index of
 * their own (the stage, say) was planned on that index, reading and sorting every matching customer
 * for each page of 1,000: the lifecycle engine's stream of 60,000 candidates then read 3.6 billion
 * rows. The page walks the primary key instead.
 */
class CustomerStreamPlanTest {

  @Test
  void onH2AStreamPageWithAnIndexedCriterionWalksThePrimaryKeyInOrder() throws SQLException {
    DataSource dataSource = TestDatabases.h2("stream_plan");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<Customer> rows = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      rows.add(LookupKeysWritePathsTest.person(i, String.format("+86138%08d", i)));
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(rows.size());
    Criteria candidates = Criteria.stageIn(LifecycleStage.PROSPECT, LifecycleStage.NEW);

    try (Stream<Customer> streamed = store.customers().stream(candidates)) {
      assertThat(streamed.map(Customer::id).toList()).as("every page, in id order")
          .isEqualTo(rows.stream().map(Customer::id).sorted().toList());
    }
    Tables tables = new Tables("crm_", null);
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.detect(connection);
      JdbcCustomers customers = new JdbcCustomers(null, tables, dialect, new CustomerCodec(), () -> false);
      SqlBuilder page = new CriteriaSql(tables, dialect, new CustomerCodec(), () -> false)
          .streamPage(candidates, CustomerId.of(new UUID(42, 7)), 1000, customers.streamHint(connection));
      try (PreparedStatement explain = new SqlBuilder().append("EXPLAIN ").append(page).prepare(connection);
          ResultSet rs = explain.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("PRIMARY_KEY").contains("index sorted").doesNotContain("STAGE_IDX:");
      }
    }
  }
}
