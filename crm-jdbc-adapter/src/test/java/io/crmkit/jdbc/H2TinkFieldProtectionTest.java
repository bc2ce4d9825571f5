package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Encryption at rest on H2, with crm-privacy's Tink protection, keys in an {@code InMemoryKeyProvider}. */
class H2TinkFieldProtectionTest extends FieldProtectionBehaviour {
  @Override
  RotatingProtection newProtection() {
    return RotatingProtection.tink();
  }

  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
