package io.crmkit.jdbc;

import javax.sql.DataSource;

class H2DimensionAndLifecyclePortsTest extends DimensionAndLifecyclePortsBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
