package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Consent changes reach the outbox on the embedded PostgreSQL. */
class PostgresConsentChangedOutboxTest extends ConsentChangedOutboxBehaviour {
  @Override
  protected DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
