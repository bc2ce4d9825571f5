package io.crmkit.jdbc;

import javax.sql.DataSource;

class PostgresBrokenConnectionTest extends BrokenConnectionBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }

  /** 2 lookups, then one COPY per table, each unwrapping the connection: step 5 is the tags COPY. */
  @Override
  int breakStepOfInsert() {
    return 5;
  }

  /** 3 lookups, four COPYs of the 300 new customers, then the update batch. */
  @Override
  int breakStepOfUpsert() {
    return 8;
  }
}
