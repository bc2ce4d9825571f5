package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestCustomers;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * EXPLAIN on a real PostgreSQL shows that the main lookups use their indexes: the plans of the
 * exact SQL the adapter sends, with its parameters bound, over 5,000 analysed customers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIndexUsageTest {
  private DataSource dataSource;
  private JdbcCustomers customers;

  @BeforeAll
  void loadCustomers() throws SQLException {
    dataSource = TestDatabases.postgres("explain");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<Customer> rows = new ArrayList<>();
    LifecycleStage[] stages = {LifecycleStage.PROSPECT, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK,
        LifecycleStage.CHURNED, LifecycleStage.NEW, LifecycleStage.WON_BACK, LifecycleStage.DECIDING};
    for (int i = 0; i < 5_000; i++) {
      Customer.Builder builder = new Customer.Builder().from(TestCustomers.fullPerson(i))
          .id(CustomerId.of(UUID.randomUUID())).stage(stages[i % stages.length]);
      if (i % 50 != 0) {
        builder.tier(java.util.Optional.empty());
      }
      rows.add(builder.build());
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(rows.size());
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
    customers = (JdbcCustomers) store.customers();
  }

  @Test
  void lookupByIdUsesThePrimaryKey() throws SQLException {
    SqlBuilder sql = new SqlBuilder().append(customers.byIdSql().replace("?", "")).param(Values.uuid(UUID.randomUUID()));
    assertThat(plan(sql)).contains("Index Scan using crm_customer_pk");
  }

  @Test
  void lookupByExternalReferenceUsesTheReferenceKey() throws SQLException {
    String byReference = customers.byReferenceSql();
    SqlBuilder sql = new SqlBuilder()
        .append(byReference.substring(0, byReference.indexOf("?"))).param(Values.text("erp"))
        .append(" AND r.ref_id = ").param(Values.text("C-4242"));
    assertThat(plan(sql)).contains("crm_external_ref_pk").contains("crm_customer_pk");
    assertThat(customers.findByExternalReference(ExternalReference.of("erp", "C-4242"))).isPresent();
  }

  @Test
  void codePrefixSearchUsesTheCodeIndexWithARangeCondition() throws SQLException {
    String plan = plan(customers.criteriaSql().page(Criteria.codeStartsWith("region", "110105"),
        Sort.byId(), 0, 100));
    // A bitmap, plain or index-only scan, whichever the statistics and the visibility map favour.
    assertThat(plan).containsPattern("Index (Only )?Scan (on|using) crm_customer_code_idx")
        .containsPattern("\\(?code\\)?(::text)? >= '110105'")
        .containsPattern("\\(?code\\)?(::text)? < '110106'");
  }

  @Test
  void stageFilterUsesTheStageIndex() throws SQLException {
    String plan = plan(customers.criteriaSql().count(Criteria.stageIs(LifecycleStage.CHURNED)));
    assertThat(plan).contains("crm_customer_stage_idx");
  }

  @Test
  void tierFilterUsesTheTierIndex() throws SQLException {
    String plan = plan(customers.criteriaSql().page(Criteria.tierIs(ValueTier.VIP), Sort.byId(), 0, 50));
    assertThat(plan).contains("crm_customer_tier_idx");
    assertThat(customers.find(Criteria.tierIs(ValueTier.VIP), Sort.byId(), PageRequest.first(1000)).items())
        .hasSize(100);
  }

  /** The plan, with sequential scans priced out so a usable index is chosen whatever the table size. */
  private String plan(SqlBuilder sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET enable_seqscan = off");
      }
      try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.sql())) {
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
}
