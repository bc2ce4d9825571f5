package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database created and filled at base version 1, before the lookup table existed: opening it with
 * this crmkit creates the table (version 2) and writes the keys of every stored customer (2.1), so
 * the old customers are found by phone, identifier and name like new ones.
 */
class LookupKeyBackfillTest {
  /** More than two backfill pages. */
  private static final int CUSTOMERS = 2_345;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void customersStoredAtVersion1BecomeFindableWhenTheStoreMigrates(String dialectName) throws SQLException {
    DataSource dataSource = dialectName.equals("h2") ? TestDatabases.h2("backfill")
        : TestDatabases.postgres("backfill");
    Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
        .locations("classpath:" + Migrations.LOCATION + Migrations.BASE + "/" + dialectName)
        .placeholders(Map.of("prefix", "crm_")).table("crm_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").target("1").load().migrate();
    insertAtVersion1(dataSource, dialectName.equals("h2") ? new H2Dialect() : new PostgresDialect());

    JdbcCrmStore store = JdbcCrmStore.create(dataSource);

    assertThat(LookupKeysWritePathsTest.storedKeys(dataSource))
        .isEqualTo(LookupKeysWritePathsTest.expectedKeys(store)).hasSizeGreaterThanOrEqualTo(CUSTOMERS * 6);
    assertThat(store.customers().count(Criteria.hasPhone("+86 138 0000 2344"))).isOne();
    assertThat(store.customers().count(Criteria.hasPersonIdentifier(PersonIdentifier.CN_RIN,
        LookupKeysWritePathsTest.rin(1)))).isEqualTo(CUSTOMERS / 1000 + 1);
    assertThat(store.customers().count(Criteria.nameStartsWith("WANG"))).isEqualTo(CUSTOMERS);
    assertThat(store.migrate()).as("nothing left to migrate").isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void writingMissingKeysFillsInOnlyCustomersWithoutKeysAndAgainWritesNothing(String dialectName)
      throws SQLException {
    DataSource dataSource = dialectName.equals("h2") ? TestDatabases.h2("backfill_again")
        : TestDatabases.postgres("backfill_again");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    store.customers().save(LookupKeysWritePathsTest.person(1, "+8613812345678"));
    Customer second = store.customers().save(LookupKeysWritePathsTest.person(2, "+8613812345679"));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_customer_lookup WHERE customer_id = ?")) {
      delete.setObject(1, second.id().value());
      delete.executeUpdate();
    }
    assertThat(store.customers().count(Criteria.hasPhone("+8613812345679"))).isZero();

    assertThat(store.writeMissingLookupKeys()).isOne();
    assertThat(store.writeMissingLookupKeys()).isZero();

    assertThat(store.customers().count(Criteria.hasPhone("+8613812345679"))).isOne();
    assertThat(LookupKeysWritePathsTest.storedKeys(dataSource)).isEqualTo(LookupKeysWritePathsTest.expectedKeys(store));
  }

  /** The insert of a customer row as versions 1 and 2 stored it, without the side digest of version 3. */
  static String rowInsertBeforeVersion3(Dialect dialect) {
    return "INSERT INTO crm_customer (" + CustomerCodec.COLUMNS + ") VALUES (" + String.join(", ",
        CustomerCodec.COLUMN_LIST.stream().map(column -> column.equals("details") || column.equals("attributes")
            ? dialect.jsonParameter() : "?").toList()) + ")";
  }

  /** Customer rows only, as version 1 stored them (the lookup table does not exist yet). */
  private static void insertAtVersion1(DataSource dataSource, Dialect dialect) throws SQLException {
    CustomerCodec codec = new CustomerCodec();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(rowInsertBeforeVersion3(dialect))) {
      for (int i = 0; i < CUSTOMERS; i++) {
        Customer customer = LookupKeysWritePathsTest.person(i, String.format("+86138%08d", i));
        codec.bind(insert, customer, 1);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
