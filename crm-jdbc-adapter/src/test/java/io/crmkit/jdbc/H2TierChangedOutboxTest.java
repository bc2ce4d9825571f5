package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Tier changes reach the outbox on H2. */
class H2TierChangedOutboxTest extends TierChangedOutboxBehaviour {
  @Override
  protected DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
