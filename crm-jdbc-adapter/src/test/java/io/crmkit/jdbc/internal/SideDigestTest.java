package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The side digest of base version 3: customers stored before it have none, so their next save
 * rewrites their side rows and records it; after that, a save that leaves the side rows as they
 * are writes the customer row alone.
 */
class SideDigestTest {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aCustomerStoredBeforeVersion3GetsItsSideRowsRewrittenAndItsDigestOnTheNextSave(String dialectName)
      throws SQLException {
    DataSource dataSource = dialectName.equals("h2") ? TestDatabases.h2("digest_migration")
        : TestDatabases.postgres("digest_migration");
    Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
        .locations("classpath:" + Migrations.LOCATION + Migrations.BASE + "/" + dialectName)
        .placeholders(Map.of("prefix", "crm_")).table("crm_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").target("2").load().migrate();
    Dialect dialect = dialectName.equals("h2") ? new H2Dialect() : new PostgresDialect();
    Customer old = LookupKeysWritePathsTest.person(7, "+8613800000007").withVersion(1);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(LookupKeyBackfillTest.rowInsertBeforeVersion3(dialect))) {
      new CustomerCodec().bind(insert, old, 1);
      insert.executeUpdate();
      // at version 2 without the phone's lookup key, as a key computed differently then would be
      CustomerRows.insertSideRows(connection, new Tables("crm_", null), dialect, new CustomerCodec(),
          List.of(new Customer.Builder().from(old).contactPoints(old.contactPoints().subList(1, old.contactPoints().size()))
              .build()));
    }

    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    assertThat(digest(dataSource, old)).as("unknown after the migration").isNull();
    assertThat(store.customers().count(Criteria.hasPhone("+8613800000007"))).isZero();

    Customer saved = store.customers().save(old.withTier(ValueTier.HIGH));

    assertThat(digest(dataSource, old)).isEqualTo(SideDigest.of(new CustomerCodec(), saved));
    assertThat(store.customers().count(Criteria.hasPhone("+8613800000007"))).as("side rows rewritten").isOne();
    assertThat(LookupKeysWritePathsTest.storedKeys(dataSource)).isEqualTo(LookupKeysWritePathsTest.expectedKeys(store));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aSaveWritesTheCustomerRowAndOnlyTheSideRowsThatChanged(String dialectName) throws SQLException {
    DataSource dataSource = dialectName.equals("h2") ? TestDatabases.h2("digest_skip")
        : TestDatabases.postgres("digest_skip");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    Customer customer = store.customers().save(LookupKeysWritePathsTest.person(8, "+8613800000008"));
    // A lookup row removed behind crmkit's back shows whether a save rewrites the side rows it did not change.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM crm_customer_lookup WHERE customer_id = ? AND key_type = 'phone'")) {
      delete.setObject(1, customer.id().value());
      assertThat(delete.executeUpdate()).isOne();
    }

    Customer tiered = store.customers().save(customer.withTier(ValueTier.LOW));
    assertThat(store.customers().count(Criteria.hasPhone("+8613800000008"))).as("left alone").isZero();
    assertThat(store.customers().findById(customer.id())).contains(tiered);

    store.customers().save(new Customer.Builder().from(tiered).addTags("added").build());
    assertThat(store.customers().count(Criteria.hasTag("added"))).as("the new tag's row").isOne();
    assertThat(store.customers().count(Criteria.hasPhone("+8613800000008"))).as("left alone with a new tag").isZero();
  }

  private static String digest(DataSource dataSource, Customer customer) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT side_digest FROM crm_customer WHERE id = ?")) {
      select.setObject(1, customer.id().value());
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
