package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.jdbc.JdbcImports;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {

  private final StoreOptions options = new StoreOptions();

  StoreOptionsTest() {
    options.url = "jdbc:h2:mem:store-options;DB_CLOSE_DELAY=-1";
    options.passwordVariable = "CRMKIT_JDBC_PASSWORD";
  }

  @Test
  void resetDropsEveryTableCrmkitCreatedAndNoTableOfTheHostSharingItsPrefix() throws SQLException {
    try (StoreOptions.OpenStore open = options.open()) {
      open.jdbc().attach(JdbcImports.extension());
      Crm.builder().store(open.jdbc()).build().register(NewCustomer.person("Lee", "Ann").build());
      try (Connection connection = open.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE crm_legacy (id INT PRIMARY KEY)");
        statement.execute("INSERT INTO crm_legacy VALUES (7)");
        Set<String> crmkitTables = crmTables(connection);
        crmkitTables.remove("crm_legacy");
        assertThat(StoreOptions.crmkitTableNames()).containsAll(crmkitTables);
      }
    }

    try (StoreOptions.OpenStore reset = options.open(true)) {
      assertThat(reset.stores().base().customers().count(Criteria.all())).isZero();
      try (Connection connection = reset.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet legacy = statement.executeQuery("SELECT id FROM crm_legacy")) {
        assertThat(legacy.next()).isTrue();
        assertThat(legacy.getInt(1)).isEqualTo(7);
      }
    }
  }

  private static Set<String> crmTables(Connection connection) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet rows =
        connection.getMetaData().getTables(null, connection.getSchema(), null, new String[] {"TABLE"})) {
      while (rows.next()) {
        String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (name.startsWith("crm_")) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
