package io.crmkit.jdbc;

import javax.sql.DataSource;

class PostgresBulkAndHostileValuesTest extends BulkAndHostileBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
