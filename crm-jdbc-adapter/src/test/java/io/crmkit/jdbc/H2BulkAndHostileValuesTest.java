package io.crmkit.jdbc;

import javax.sql.DataSource;

class H2BulkAndHostileValuesTest extends BulkAndHostileBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
