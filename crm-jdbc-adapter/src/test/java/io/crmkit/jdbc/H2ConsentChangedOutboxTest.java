package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Consent changes reach the outbox on H2. */
class H2ConsentChangedOutboxTest extends ConsentChangedOutboxBehaviour {
  @Override
  protected DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
