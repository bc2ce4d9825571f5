package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Which customer holds a reference is asked on every save and import batch, so it must be a
 * primary-key lookup per reference, not a read of every reference of the system: H2 planned
 * {@code ref_system = ? AND ref_id = ANY(?)} on the first key column only, which made each save
 * cost time in proportion to the customers stored.
 */
class ReferenceHoldersPlanTest {

  @Test
  void onH2EachReferenceIsLookedUpByTheWholePrimaryKey() throws SQLException {
    String plan = planOver(TestDatabases.h2("reference_plan"));

    assertThat(plan).containsPattern("REF_SYSTEM = \\?2\\s+AND REF_ID = IDS.REF_ID");
  }

  @Test
  void onPostgresEachReferenceIsLookedUpByTheWholePrimaryKey() throws SQLException {
    String plan = planOver(TestDatabases.postgres("reference_plan"));

    assertThat(plan).containsIgnoringCase("Index").doesNotContain("Seq Scan");
  }

  private static String planOver(DataSource dataSource) throws SQLException {
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<Customer> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Customer person = LookupKeysWritePathsTest.person(i, String.format("+86138%08d", i));
      rows.add(new Customer.Builder().from(person).addExternalReferences(ExternalReference.of("erp", "C-" + i)).build());
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(rows.size());
    Tables tables = new Tables("crm_", null);
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.detect(connection);
      assertThat(ReferenceLookup.holders(connection, tables, dialect, "erp", List.of("C-7", "C-1999", "C-nobody")))
          .isEqualTo(Map.of("C-7", rows.get(7).id().value(), "C-1999", rows.get(1999).id().value()));
      if (dialect instanceof PostgresDialect) {
        try (var analyse = connection.createStatement()) {
          analyse.execute("ANALYZE " + tables.externalRef());
        }
      }
      try (PreparedStatement explain = connection.prepareStatement(
          "EXPLAIN " + dialect.referenceHoldersSql(tables.externalRef()))) {
        Array ids = connection.createArrayOf("VARCHAR", new Object[] {"C-7", "C-1999"});
        explain.setArray(1, ids);
        explain.setString(2, "erp");
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
