package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On H2 too, a lookup reads the lookup index and fetches the customers by primary key instead of
 * testing every customer row: the plans of the exact SQL the adapter sends over 2,000 customers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2LookupPlanTest {
  private DataSource dataSource;
  private JdbcCustomers customers;

  @BeforeAll
  void loadCustomers() {
    dataSource = TestDatabases.h2("lookup_plan");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource, options());
    List<Customer> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(LookupKeysWritePathsTest.person(i, String.format("+86138%08d", i)));
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(rows.size());
    customers = (JdbcCustomers) store.customers();
  }

  /** The store's options: the defaults here; with field protection in a subclass. */
  JdbcOptions options() {
    return JdbcOptions.defaults();
  }

  static Stream<Criteria> lookups() {
    return Stream.of(
        Criteria.hasPhone("138 0000 1234", "CN"),
        Criteria.hasEmail("Fang1234@example.COM"),
        Criteria.hasPersonIdentifier(PersonIdentifier.CN_RIN, LookupKeysWritePathsTest.rin(42)),
        Criteria.nameStartsWith("FANG 123"));
  }

  @ParameterizedTest
  @MethodSource("lookups")
  void aLookupReadsTheLookupIndexAndTheCustomersByPrimaryKey(Criteria lookup) throws SQLException {
    String plan = plan(customers.criteriaSql().page(lookup, Sort.byId(), 0, 100));

    // H2 names a primary key's index PRIMARY_KEY_n: the lookup table's, in key order since base
    // version 4, is read by key; the customers are read through theirs by id.
    assertThat(plan).containsPattern("PRIMARY_KEY_\\w+: KEY_TYPE = \\?")
        .containsPattern("PRIMARY_KEY_\\w+: ID IN\\(")
        .doesNotContainIgnoringCase("tableScan");
    assertThat(customers.count(lookup)).isBetween(1L, 11L);
    assertThat(customers.count(Criteria.not(lookup))).isEqualTo(2_000 - customers.count(lookup));
  }

  private String plan(SqlBuilder sql) throws SQLException {
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
