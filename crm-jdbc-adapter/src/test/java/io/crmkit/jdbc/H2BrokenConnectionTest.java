package io.crmkit.jdbc;

import javax.sql.DataSource;

class H2BrokenConnectionTest extends BrokenConnectionBehaviour {
  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }

  /** 2 lookups, then customer batches of 1,000: the 4th step is the second customer batch. */
  @Override
  int breakStepOfInsert() {
    return 4;
  }

  /** 3 lookups, the batches inserting 300 customers and their references, then the update batch. */
  @Override
  int breakStepOfUpsert() {
    return 6;
  }
}
