package io.crmkit.jdbc;

import javax.sql.DataSource;

class PostgresOutboxTest extends OutboxBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
