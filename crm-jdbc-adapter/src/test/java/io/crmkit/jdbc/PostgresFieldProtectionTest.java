package io.crmkit.jdbc;

import javax.sql.DataSource;

class PostgresFieldProtectionTest extends FieldProtectionBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
