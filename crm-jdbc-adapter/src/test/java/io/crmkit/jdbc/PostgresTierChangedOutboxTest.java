package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Tier changes reach the outbox on the embedded PostgreSQL. */
class PostgresTierChangedOutboxTest extends TierChangedOutboxBehaviour {
  @Override
  protected DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
