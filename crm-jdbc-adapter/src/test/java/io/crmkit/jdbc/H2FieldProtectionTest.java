package io.crmkit.jdbc;

import javax.sql.DataSource;

class H2FieldProtectionTest extends FieldProtectionBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
