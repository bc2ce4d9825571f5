package io.crmkit.jdbc;

import javax.sql.DataSource;

class H2OutboxTest extends OutboxBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
