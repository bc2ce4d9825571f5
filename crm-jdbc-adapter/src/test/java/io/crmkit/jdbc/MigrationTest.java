package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.memory.InMemoryExtensions;
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
  void anExtensionCreatesItsTablesOnFirstAttachWithAHistoryOfItsOwn() throws Exception {
    DataSource dataSource = TestDatabases.h2("extension-migrations");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    assertThat(tableExists(dataSource, "CRM_LIFECYCLE_HISTORY")).isFalse();

    LifecycleStore lifecycle = store.attach(JdbcLifecycle.extension());

    assertThat(tableExists(dataSource, "CRM_LIFECYCLE_HISTORY")).isTrue();
    assertThat(tableExists(dataSource, "CRM_CODE_SEQUENCE")).as("only the attached capability").isFalse();
    assertThat(BrokenConnectionBehaviour.tableRows(dataSource, "\"crm_lifecycle_schema_history\"")).isPositive();
    assertThat(lifecycle.lifecycleHistory().forCustomer(TestCustomers.fullPerson(1).id())).isEmpty();
  }

  @Test
  void attachingAgainToAnotherStoreOrAJoiningViewMigratesNothingTwice() throws Exception {
    DataSource dataSource = TestDatabases.h2("extension-twice");
    JdbcCrmStore first = JdbcCrmStore.create(dataSource);
    first.attach(JdbcDimensionCodes.extension()).codeSequences().next("k");
    long historyRows = BrokenConnectionBehaviour.tableRows(dataSource, "\"crm_dimension_codes_schema_history\"");

    JdbcCrmStore second = JdbcCrmStore.create(dataSource);
    assertThat(second.attach(JdbcDimensionCodes.extension()).codeSequences().next("k")).isEqualTo(2);
    try (Connection connection = dataSource.getConnection()) {
      JdbcCrmStore view = first.joining(connection);
      assertThat(view.attach(JdbcDimensionCodes.extension()).codeSequences().current("k")).isEqualTo(2);
    }
    assertThat(second.migrate()).isZero();
    assertThat(BrokenConnectionBehaviour.tableRows(dataSource, "\"crm_dimension_codes_schema_history\""))
        .isEqualTo(historyRows);
  }

  @Test
  void aDatabaseMigratedBeforeCapabilitiesHadTheirOwnMigrationsKeepsItsTablesAndRows() throws Exception {
    DataSource dataSource = TestDatabases.h2("pre-extension");
    JdbcCrmStore.create(dataSource);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      // What the base schema's version 2 created before the split, with a row in it.
      statement.execute("CREATE TABLE crm_code_sequence (sequence_key VARCHAR(200) NOT NULL, "
          + "last_value BIGINT NOT NULL, CONSTRAINT crm_code_sequence_pk PRIMARY KEY (sequence_key))");
      statement.execute("INSERT INTO crm_code_sequence VALUES ('old', 41)");
    }

    JdbcCrmStore store = JdbcCrmStore.create(dataSource);

    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().next("old")).isEqualTo(42);
  }

  @Test
  void anInMemoryExtensionIsRefusedByAJdbcStoreWithTheReason() {
    JdbcCrmStore store = JdbcCrmStore.create(TestDatabases.h2("foreign-extension"));

    assertThatThrownBy(() -> store.attach(InMemoryExtensions.lifecycle()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("InMemoryCrmStore");
  }

  private static boolean tableExists(DataSource dataSource, String table) throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.getMetaData().getTables(null, null, table, null)) {
      return rs.next();
    }
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
