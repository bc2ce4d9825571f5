package io.crmkit.jdbc;

import javax.sql.DataSource;

class PostgresDimensionAndLifecyclePortsTest extends DimensionAndLifecyclePortsBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
