package io.crmkit.jdbc;

import javax.sql.DataSource;

class PostgresJdbcStoreTest extends JdbcStoreBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
