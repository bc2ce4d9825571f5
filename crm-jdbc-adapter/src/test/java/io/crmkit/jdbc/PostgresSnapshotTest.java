package io.crmkit.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

class PostgresSnapshotTest extends SnapshotBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }

  @Override
  int expectedIsolation() {
    return Connection.TRANSACTION_REPEATABLE_READ;
  }
}
