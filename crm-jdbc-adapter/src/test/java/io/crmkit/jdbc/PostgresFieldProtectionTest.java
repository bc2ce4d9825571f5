package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Encryption at rest on PostgreSQL, with the adapter's own JCA protection ({@link TestFieldProtection}). */
class PostgresFieldProtectionTest extends FieldProtectionBehaviour {
  @Override
  RotatingProtection newProtection() {
    return RotatingProtection.jca();
  }

  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
