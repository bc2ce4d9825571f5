package io.crmkit.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

class H2SnapshotTest extends SnapshotBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }

  @Override
  int expectedIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }
}
