package io.crmkit.jdbc;

import javax.sql.DataSource;

class H2JdbcStoreTest extends JdbcStoreBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
