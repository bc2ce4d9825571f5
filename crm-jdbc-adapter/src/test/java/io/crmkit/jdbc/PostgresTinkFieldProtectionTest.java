package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Encryption at rest on PostgreSQL, with crm-privacy's Tink protection, keys in an {@code InMemoryKeyProvider}. */
class PostgresTinkFieldProtectionTest extends FieldProtectionBehaviour {
  @Override
  RotatingProtection newProtection() {
    return RotatingProtection.tink();
  }

  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.postgres(name);
  }
}
