package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Criteria;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  @Test
  void storesWithDifferentPrefixesShareADatabaseWithoutSeeingEachOther() {
    DataSource dataSource = TestDatabases.h2("prefixes");
    JdbcCrmStore crm = JdbcCrmStore.create(dataSource);
    JdbcCrmStore acme = JdbcCrmStore.create(dataSource, JdbcOptions.builder().tablePrefix("acme_crm_").build());
    crm.customers().save(TestCustomers.fullPerson(1));

    assertThat(crm.customers().count(Criteria.all())).isEqualTo(1);
    assertThat(acme.customers().count(Criteria.all())).isZero();
    assertThat(BrokenConnectionBehaviour.tableRows(dataSource, "\"acme_crm_schema_history\"")).isPositive();
  }

  @Test
  void migratingTwiceAppliesNothingTheSecondTimeAndKeepsTheHostsTables() throws Exception {
    DataSource dataSource = TestDatabases.postgres("migrate_twice");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE erp_orders (id INTEGER PRIMARY KEY)");
      statement.execute("INSERT INTO erp_orders VALUES (1)");
    }
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    assertThat(store.migrate()).isZero();
    assertThat(store.databaseName()).isEqualTo("postgresql");
    assertThat(BrokenConnectionBehaviour.tableRows(dataSource, "erp_orders")).isEqualTo(1);
  }

  @Test
  void anExplicitSchemaIsCreatedAndHoldsTheTables() throws Exception {
    DataSource dataSource = TestDatabases.postgres("explicit_schema_host");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource,
        JdbcOptions.builder().schema("crmkit_own").tablePrefix("c_").build());
    store.customers().save(TestCustomers.fullPerson(2));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM crmkit_own.c_customer")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"crm", "Crm", "CRM"})
  void aSchemaNameWorksInAnyCaseAsAnUnquotedIdentifierWould(String casing) {
    for (DataSource dataSource : new DataSource[] {TestDatabases.h2("schema_case"), TestDatabases.postgres("schema_case")}) {
      String schema = casing + "_" + SCHEMAS.incrementAndGet();
      JdbcCrmStore store = JdbcCrmStore.create(dataSource, JdbcOptions.builder().schema(schema).build());

      store.customers().save(TestCustomers.fullPerson(3));

      assertThat(store.customers().count(Criteria.all())).isEqualTo(1);
      assertThat(JdbcCrmStore.create(dataSource, JdbcOptions.builder().schema(schema.toUpperCase()).build())
          .customers().count(Criteria.all())).as("the same schema, written in another case").isEqualTo(1);
    }
  }

  @Test
  void aStoreWithoutMigrationsOnAnEmptyDatabaseFailsWithAStorageErrorNamingTheOperation() {
    JdbcCrmStore store = JdbcCrmStore.create(TestDatabases.h2("unmigrated"),
        JdbcOptions.builder().migrateOnStart(false).build());
    assertThatThrownBy(() -> store.customers().count(Criteria.all()))
        .isInstanceOf(io.crmkit.core.common.CrmStorageException.class)
        .hasMessageStartingWith("count customers failed");
  }

  @Test
  void optionsRejectPrefixesAndSchemasThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> JdbcOptions.builder().tablePrefix("crm; DROP TABLE x; --"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
    assertThatThrownBy(() -> JdbcOptions.builder().tablePrefix("CRM_")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcOptions.builder().schema("a.b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcCrmStore.create(null)).isInstanceOf(NullPointerException.class);
  }
}
