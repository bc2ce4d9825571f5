package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
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
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On PostgreSQL with 6,000 analysed customers, and sequential scans left enabled, the plan of each
 * lookup (the exact SQL the adapter sends, its parameters bound) reads the lookup index and reaches
 * the customers by their primary key: no sequential scan of the customer table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLookupPlanTest {
  private static final int PERSONS = 5_000;
  private static final int ORGANISATIONS = 1_000;
  private DataSource dataSource;
  private JdbcCustomers customers;

  @BeforeAll
  void loadCustomers() throws SQLException {
    dataSource = TestDatabases.postgres("lookup_plan");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource, options());
    List<Customer> rows = new ArrayList<>();
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < PERSONS; i++) {
      NewCustomer person = NewCustomer.person("Surname" + i, "Given" + i)
          .addContactPoint(ContactPoint.phone(String.format("+86138%08d", i)))
          .addContactPoint(ContactPoint.email("person" + i + "@example.com"))
          .addPersonIdentifier(PersonIdentifier.residentIdentityNumber(LookupKeysWritePathsTest.rin(i)))
          .build();
      rows.add(new Customer.Builder().from(person).id(CustomerId.of(UUID.randomUUID())).version(0)
          .createdAt(at).updatedAt(at).build());
    }
    for (int i = 0; i < ORGANISATIONS; i++) {
      NewCustomer organisation = NewCustomer.organisation("Company " + i + " Ltd.")
          .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.VAT, "DE" + (100_000_000 + i)))
          .build();
      rows.add(new Customer.Builder().from(organisation).id(CustomerId.of(UUID.randomUUID())).version(0)
          .createdAt(at).updatedAt(at).build());
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(rows.size());
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
    customers = (JdbcCustomers) store.customers();
  }

  /** The store's options: the defaults here; with field protection in a subclass. */
  JdbcOptions options() {
    return JdbcOptions.defaults();
  }

  static Stream<Criteria> lookups() {
    return Stream.of(
        Criteria.hasPhone("138 0000 4242", "CN"),
        Criteria.hasEmail("person4242@EXAMPLE.com"),
        Criteria.hasPersonIdentifier(PersonIdentifier.CN_RIN, LookupKeysWritePathsTest.rin(42)),
        Criteria.hasOrganisationIdentifier(OrganisationIdentifier.VAT, "de-100000042"),
        Criteria.nameStartsWith("SURNAME424"),
        Criteria.nameStartsWith("company 42"));
  }

  @ParameterizedTest
  @MethodSource("lookups")
  void aLookupPageReadsTheLookupIndexAndNoSequentialScanOfCustomers(Criteria lookup) throws SQLException {
    String plan = plan(customers.criteriaSql().page(lookup, Sort.byId(), 0, 100));

    assertThat(plan).contains("crm_customer_lookup_idx").contains("crm_customer_pk")
        .doesNotContainPattern("Seq Scan on crm_customer t\\b");
  }

  @ParameterizedTest
  @MethodSource("lookups")
  void aLookupCountReadsTheLookupIndexAndNoSequentialScanOfCustomers(Criteria lookup) throws SQLException {
    String plan = plan(customers.criteriaSql().count(lookup));

    assertThat(plan).contains("crm_customer_lookup_idx").doesNotContainPattern("Seq Scan on crm_customer t\\b");
  }

  @ParameterizedTest
  @MethodSource("lookups")
  void everyLookupFindsWhatItWasBuiltFor(Criteria lookup) {
    assertThat(customers.count(lookup)).isBetween(1L, 11L);
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
